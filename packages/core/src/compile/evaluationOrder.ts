import { formatFactPath, parseFactPath } from '../conditions/parseFactPath.js';
import { joinPointer, splitPointer } from '../diagnostics/pointer.js';
import type { Condition } from '../schema/conditionSchema.js';
import type { Rubric } from '../schema/rubricSchema.js';
import type { CompileContext } from './CompileContext.js';

/** Code-unit order of ids: the order groups, indicators and additions are evaluated in. */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Group ids in the order `evaluate` scores them, and then rates them. */
export function groupOrder(rubric: Rubric): string[] {
  return Object.keys(rubric.groups).sort(byId);
}

/** Who reads a fact at evaluation time. */
export type ReaderKind = 'items' | 'indicator' | 'addition' | 'rating' | 'predicate' | 'outcomes';

/**
 * Why a fact is not known yet; each key has its own sentence in both languages (see `read-before-computed`).
 * `group-*` and `indicator-score` name a single group's or indicator's value; `*-all` the whole root fact.
 */
export type PendingReason =
  | 'indicator-score'
  | 'group-items'
  | 'group-score'
  | 'group-rating'
  | 'group-whole'
  | 'groups-all'
  | 'indicators-all'
  | 'score'
  | 'predicate'
  | 'flags';

interface Step {
  readonly at: number;
  readonly kind: ReaderKind;
  /** `group.indicator` for an indicator or addition, the group id for items and rating. */
  readonly name: string;
}

/**
 * The evaluation of a rubric as a sequence of numbered steps, exactly as `compileRubric`'s `evaluate` and
 * `compileGroup` run it:
 *
 * 1. scoring, group by group in id order ({@link groupOrder}); inside a group its listed targets (the item
 *    measure and the item bands' `requires`), then its indicators in id order (`appliesWhen`, then the
 *    measure), then its additions in id order, then the group score;
 * 2. rating, group by group in id order (rating bands' `requires`, rating rules); `rating-departs` flags;
 * 3. the overall score; 4. the predikat (bands' `requires`); 5. outcomes (conditions, values).
 *
 * A fact is known after the step that writes it (`needs-review` flags are raised while indicators are scored,
 * `rating-departs` while groups are rated), so a reader at step `s` may read only what was written before `s`.
 */
export class EvaluationOrder {
  private readonly steps = new Map<string, Step>();
  private readonly written = new Map<string, number>();
  private n = 0;
  private lastPart = 0;
  private lastRate = 0;
  private readonly scoreStep: number;
  private readonly predicateStep: number;
  /** Group ids in evaluation order, for messages. */
  readonly groups: readonly string[];

  constructor(rubric: Rubric) {
    this.groups = groupOrder(rubric);
    for (const gid of this.groups) {
      const g = rubric.groups[gid] as Rubric['groups'][string];
      if (g.items) {
        const at = this.step(`items\u0000${gid}`, 'items', gid);
        this.written.set(`items\u0000${gid}`, at);
      }
      for (const [kind, ids] of [
        ['indicator', Object.keys(g.indicators ?? {}).sort(byId)],
        ['addition', Object.keys(g.additions ?? {}).sort(byId)],
      ] as const) {
        for (const iid of ids) {
          const at = this.step(`${kind}\u0000${iid}`, kind, `${gid}.${iid}`);
          // A repeated id (already a duplicate-id error) keeps its first writer.
          if (!this.written.has(`indicator\u0000${iid}`)) this.written.set(`indicator\u0000${iid}`, at);
          this.lastPart = at;
        }
      }
      this.written.set(`score\u0000${gid}`, ++this.n);
    }
    for (const gid of this.groups) {
      this.lastRate = this.step(`rating\u0000${gid}`, 'rating', gid);
      this.written.set(`rating\u0000${gid}`, this.lastRate);
    }
    this.scoreStep = ++this.n;
    this.predicateStep = this.step('predicate', 'predicate', '');
    this.step('outcomes', 'outcomes', '');
  }

  private step(key: string, kind: ReaderKind, name: string): number {
    const at = ++this.n;
    if (!this.steps.has(key)) this.steps.set(key, { at, kind, name });
    return at;
  }

  /** The step a part of the rubric runs at, from its pointer; undefined for parts that read nothing. */
  readerAt(pointer: string): Step | undefined {
    const t = splitPointer(pointer);
    if (t[0] === 'predicate') return this.steps.get('predicate');
    if (t[0] === 'outcomes') return this.steps.get('outcomes');
    if (t[0] !== 'groups' || t[1] === undefined) return undefined;
    switch (t[2]) {
      case 'items':
        return this.steps.get(`items\u0000${t[1]}`);
      case 'indicators':
        return t[3] === undefined ? undefined : this.steps.get(`indicator\u0000${t[3]}`);
      case 'additions':
        return t[3] === undefined ? undefined : this.steps.get(`addition\u0000${t[3]}`);
      case 'rating':
        return this.steps.get(`rating\u0000${t[1]}`);
      default:
        return undefined;
    }
  }

  /**
   * The step after which a fact value is known, with why; undefined when it is known from the start (the
   * appraisal's own data) or is not a value the engine computes (unknown names are reported elsewhere).
   */
  knownAfter(
    fact: string,
    segments: readonly (string | number)[],
  ): { after: number; reason: PendingReason } | undefined {
    const [first, second] = segments;
    switch (fact) {
      case 'score':
        return { after: this.scoreStep, reason: 'score' };
      case 'predicate':
        return { after: this.predicateStep, reason: 'predicate' };
      case 'flags':
        return { after: this.lastRate, reason: 'flags' };
      case 'indicators': {
        if (first === undefined) return { after: this.lastPart, reason: 'indicators-all' };
        if (typeof first !== 'string') return undefined;
        const at = this.written.get(`indicator\u0000${first}`);
        return at === undefined ? undefined : { after: at, reason: 'indicator-score' };
      }
      case 'groups': {
        if (first === undefined) return { after: this.lastRate, reason: 'groups-all' };
        if (typeof first !== 'string') return undefined;
        const key =
          second === undefined
            ? 'rating'
            : second === 'items'
              ? 'items'
              : second === 'score'
                ? 'score'
                : second === 'rating' || second === 'suggestedRating'
                  ? 'rating'
                  : undefined;
        if (key === undefined) return undefined;
        const at = this.written.get(`${key}\u0000${first}`);
        if (at === undefined) return undefined;
        const reason: PendingReason =
          second === undefined
            ? 'group-whole'
            : key === 'items'
              ? 'group-items'
              : key === 'score'
                ? 'group-score'
                : 'group-rating';
        return { after: at, reason };
      }
      default:
        return undefined;
    }
  }
}

/** A read of a fact by some part of the rubric: the fact, its path as written and where the path is named. */
export interface FactReadSite {
  readonly fact: string;
  readonly path?: string;
  /** The `path` key's pointer, or the `fact` key's when there is no path. */
  readonly pointer: string;
  /** The pointer of the part that reads (decides which step it runs at). */
  readonly reader: string;
}

/** Records a `{ fact, path? }` reference found at `pointer` (a measure input or a condition's value). */
export function factRefSite(ref: unknown, pointer: string, out: FactReadSite[]): void {
  if (ref === null || typeof ref !== 'object' || Array.isArray(ref) || !Object.hasOwn(ref, 'fact')) return;
  const { fact, path } = ref as { fact: unknown; path?: unknown };
  if (typeof fact !== 'string') return;
  if (path !== undefined && typeof path !== 'string') return;
  out.push({
    fact,
    ...(path !== undefined ? { path } : {}),
    pointer: joinPointer(pointer, path !== undefined ? 'path' : 'fact'),
    reader: pointer,
  });
}

/** Every fact a condition reads, its leaves' `fact`/`path` and `value: { fact, path }` alike. */
export function conditionSites(c: Condition, pointer: string, out: FactReadSite[]): void {
  if ('all' in c || 'any' in c) {
    const [key, list] = 'all' in c ? (['all', c.all] as const) : (['any', c.any] as const);
    list.forEach((x, i) => {
      conditionSites(x, joinPointer(pointer, key, i), out);
    });
  } else if ('not' in c) conditionSites(c.not, joinPointer(pointer, 'not'), out);
  else {
    factRefSite(c, pointer, out);
    factRefSite(c.value, joinPointer(pointer, 'value'), out);
  }
}

/** The conditions of a rubric that run before its outcomes, with their pointers. */
export function rubricConditionSites(rubric: Rubric, out: FactReadSite[]): void {
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const at = joinPointer('/groups', gid);
    for (const [iid, ind] of Object.entries(g.indicators ?? {}))
      if (ind.appliesWhen !== undefined)
        conditionSites(ind.appliesWhen, joinPointer(at, 'indicators', iid, 'appliesWhen'), out);
    g.items?.rating?.bands.forEach((b, i) => {
      if (b.requires !== undefined)
        conditionSites(b.requires, joinPointer(at, 'items', 'rating', 'bands', i, 'requires'), out);
    });
    g.rating?.bands?.forEach((b, i) => {
      if (b.requires !== undefined)
        conditionSites(b.requires, joinPointer(at, 'rating', 'bands', i, 'requires'), out);
    });
    g.rating?.rules?.forEach((r, i) => {
      conditionSites(r.when, joinPointer(at, 'rating', 'rules', i, 'when'), out);
    });
  }
  rubric.predicate.bands?.forEach((b, i) => {
    if (b.requires !== undefined)
      conditionSites(b.requires, joinPointer('/predicate', 'bands', i, 'requires'), out);
  });
}

/**
 * Refuses every read of a value the engine computes only at or after the step that reads it: at evaluation it
 * would be missing from every appraisal (`missing-input` at the appraisal's root), or — for `flags` — silently
 * incomplete. Reads of values computed earlier (a later group reading an earlier group's score, rating rules
 * reading their own group's targets, outcomes reading anything) pass.
 */
export function checkEvaluationOrder(
  rubric: Rubric,
  reads: readonly FactReadSite[],
  ctx: CompileContext,
): void {
  const order = new EvaluationOrder(rubric);
  const groups = order.groups.join(', ');
  for (const r of reads) {
    const reader = order.readerAt(r.reader);
    if (!reader) continue;
    let segments: readonly (string | number)[] = [];
    if (r.path !== undefined) {
      const parsed = parseFactPath(r.path);
      if (!parsed.ok) continue;
      segments = parsed.segments;
    }
    const known = order.knownAfter(r.fact, segments);
    if (!known || known.after < reader.at) continue;
    ctx.report({
      code: 'read-before-computed',
      pointer: r.pointer,
      received: formatFactPath(r.fact, segments),
      params: {
        reads: formatFactPath(r.fact, segments),
        reader: reader.kind,
        name: reader.name,
        reason: known.reason,
        order: groups,
      },
    });
  }
}
