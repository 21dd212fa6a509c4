import { formatFactPath, parseFactPath } from '../conditions/parseFactPath.js';
import { splitPointer } from '../diagnostics/pointer.js';
import type { Rubric } from '../schema/rubricSchema.js';
import type { CompileContext } from './CompileContext.js';
import type { FactReadSite } from './factReadSites.js';
import { type ScoringOrder, scoringOrder } from './scoringOrder.js';

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
 * 1. scoring, group by group in {@link scoringOrder} (what a group reads first, ties in id order); inside a
 *    group its listed targets (the item measure and the item bands' `requires`), then its indicators (`appliesWhen`,
 *    then the measure), then its additions, each in the order their reads need, then the group score;
 * 2. rating, group by group in the order their reads of ratings need (rating bands' `requires`, rating rules);
 *    `rating-departs` flags;
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
  /** Group ids in scoring order, for messages. */
  readonly groups: readonly string[];
  /** Group ids in rating order, for messages. */
  readonly ratings: readonly string[];

  constructor(rubric: Rubric, order: ScoringOrder = scoringOrder(rubric)) {
    this.groups = order.groups;
    this.ratings = order.ratings;
    for (const gid of this.groups) {
      const g = rubric.groups[gid] as Rubric['groups'][string];
      if (g.items) {
        const at = this.step(`items\u0000${gid}`, 'items', gid);
        this.written.set(`items\u0000${gid}`, at);
      }
      const parts = order.parts.get(gid);
      for (const [kind, ids] of [
        ['indicator', parts?.indicators ?? []],
        ['addition', parts?.additions ?? []],
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
    for (const gid of this.ratings) {
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

/**
 * Refuses every read of a value the engine computes only at or after the step that reads it: at evaluation it
 * would be missing from every appraisal (`missing-input` at the appraisal's root), or — for `flags` — silently
 * incomplete. Reads of values computed earlier (a group reading a group scored before it, rating rules reading
 * their own group's targets, outcomes reading anything) pass.
 *
 * @param scoring The order `evaluate` runs, as compileRubric computed it; computed here when not given.
 */
export function checkEvaluationOrder(
  rubric: Rubric,
  reads: readonly FactReadSite[],
  ctx: CompileContext,
  scoring?: ScoringOrder,
): void {
  const order = new EvaluationOrder(rubric, scoring);
  const groups = order.groups.join(', ');
  const ratings = order.ratings.join(', ');
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
        order: known.reason === 'group-rating' ? ratings : groups,
      },
    });
  }
}
