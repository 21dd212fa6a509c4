import { parseFactPath } from '../conditions/parseFactPath.js';
import type { Measure } from '../schema/measureSchema.js';
import type { Rubric } from '../schema/rubricSchema.js';
import { conditionSites, type FactReadSite, factRefSite } from './factReadSites.js';

/** Code-unit order of ids: the order of everything no read puts in another order. */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order `evaluate` runs a rubric's parts in. */
export interface ScoringOrder {
  /** Groups in the order they are scored. */
  readonly groups: readonly string[];
  /** Groups in the order they are rated (after every group is scored). */
  readonly ratings: readonly string[];
  /** Per group: its indicators, then its additions, each list in the order they are scored. */
  readonly parts: ReadonlyMap<
    string,
    { readonly indicators: readonly string[]; readonly additions: readonly string[] }
  >;
}

/**
 * `ids` ordered so that each comes after the ids it reads (`needs.get(id)`), ties in id order. Kahn's algorithm,
 * always taking the smallest id that is ready: when id order already puts every read after what it reads, the
 * result is exactly id order (the smallest id left then needs only smaller ones, all taken). An id in a circle of
 * reads is taken in id order when nothing else is ready, so the read that goes against the order is refused at
 * load (`read-before-computed`), as before.
 */
export function orderByReads(
  ids: readonly string[],
  needs: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const sorted = [...ids].sort(byId);
  if (needs.size === 0) return sorted;
  const out: string[] = [];
  const left = new Set(sorted);
  while (left.size > 0) {
    let next: string | undefined;
    for (const id of left) {
      const reads = needs.get(id);
      let ready = true;
      if (reads) for (const r of reads) if (r !== id && left.has(r)) ready = false;
      if (ready) {
        next = id;
        break;
      }
    }
    // Nothing is ready: some ids read each other. The smallest id on such a circle goes next (its read of the next
    // one is then refused at load), not merely the smallest id left, which may only wait for the circle and whose
    // read would be refused for nothing.
    next ??= onCircle(left, needs);
    left.delete(next);
    out.push(next);
  }
  return out;
}

/**
 * The smallest id on a circle of reads among `left`, where every id waits for another: from the smallest id, follow
 * the smallest id it still waits for until an id comes round again; the ids from its first visit on are a circle.
 */
function onCircle(left: ReadonlySet<string>, needs: ReadonlyMap<string, ReadonlySet<string>>): string {
  const path: string[] = [];
  const seen = new Map<string, number>();
  let at = left.values().next().value as string;
  while (!seen.has(at)) {
    seen.set(at, path.length);
    path.push(at);
    let wait: string | undefined;
    for (const r of needs.get(at) ?? [])
      if (r !== at && left.has(r) && (wait === undefined || byId(r, wait) < 0)) wait = r;
    // Unreachable when called as above (every id left waits for one), but a walk must end.
    if (wait === undefined) return at;
    at = wait;
  }
  return path.slice(seen.get(at)).sort(byId)[0] as string;
}

/** The fact reads of a measure tree, by where they are named. */
function measureSites(m: Measure, pointer: string, out: FactReadSite[]): void {
  const o = m as Record<string, unknown>;
  for (const key of ['target', 'realisation', 'input'])
    if (Object.hasOwn(o, key)) factRefSite(o[key], `${pointer}/${key}`, out);
  if ('of' in m)
    m.of.forEach((child, i) => {
      measureSites(child, `${pointer}/of/${i}`, out);
    });
}

/**
 * The order of evaluation, from what each part reads: a group whose indicators read another group's score (or
 * its indicators, or its targets) is scored after it; an indicator reading a sibling's score after that sibling,
 * and likewise additions; a group whose rating reads another group's rating is rated after it. Everything else
 * in id order. A rubric author names groups for people, not to steer the engine. Reads that no order satisfies
 * (a group's own score, a circle of reads, the overall score) are refused at load by `checkEvaluationOrder`,
 * which walks this same order. Results list ids sorted whatever this order is.
 */
export function scoringOrder(rubric: Rubric): ScoringOrder {
  const owner = new Map<string, string>();
  for (const [gid, g] of Object.entries(rubric.groups)) {
    for (const iid of Object.keys(g.indicators ?? {})) if (!owner.has(iid)) owner.set(iid, gid);
    for (const aid of Object.keys(g.additions ?? {})) if (!owner.has(aid)) owner.set(aid, gid);
  }
  const groupNeeds = new Map<string, Set<string>>();
  const ratingNeeds = new Map<string, Set<string>>();
  const partNeeds = new Map<string, Map<string, Set<string>>>();
  const need = (map: Map<string, Set<string>>, who: string, what: string) => {
    let set = map.get(who);
    if (!set) {
      set = new Set();
      map.set(who, set);
    }
    set.add(what);
  };
  // What one read at `gid` (by part `part`, or by its rating when `rating`) needs first.
  const note = (gid: string, part: string | undefined, rating: boolean, site: FactReadSite) => {
    const parsed = site.path === undefined ? undefined : parseFactPath(site.path);
    if (!parsed?.ok) return;
    const [first, second] = parsed.segments;
    if (typeof first !== 'string') return;
    if (site.fact === 'indicators') {
      const other = owner.get(first);
      if (other === undefined || rating) return;
      if (other !== gid) need(groupNeeds, gid, other);
      else if (part !== undefined) {
        let parts = partNeeds.get(gid);
        if (!parts) {
          parts = new Map();
          partNeeds.set(gid, parts);
        }
        need(parts, part, first);
      }
    } else if (site.fact === 'groups' && Object.hasOwn(rubric.groups, first) && first !== gid) {
      const scored = second === 'score' || second === 'items';
      if (!rating && scored) need(groupNeeds, gid, first);
      else if (rating && !scored) need(ratingNeeds, gid, first);
    }
  };
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const at = `/groups/${gid}`;
    for (const [kind, entries] of [
      ['indicators', Object.entries(g.indicators ?? {})],
      ['additions', Object.entries(g.additions ?? {})],
    ] as const) {
      for (const [id, part] of entries) {
        const sites: FactReadSite[] = [];
        measureSites(part.measure, `${at}/${kind}/${id}/measure`, sites);
        if ('appliesWhen' in part && part.appliesWhen !== undefined)
          conditionSites(part.appliesWhen, `${at}/${kind}/${id}/appliesWhen`, sites);
        for (const s of sites) note(gid, id, false, s);
      }
    }
    if (g.items) {
      const sites: FactReadSite[] = [];
      measureSites(g.items.measure, `${at}/items/measure`, sites);
      g.items.rating?.bands.forEach((b, i) => {
        if (b.requires !== undefined)
          conditionSites(b.requires, `${at}/items/rating/bands/${i}/requires`, sites);
      });
      for (const s of sites) note(gid, undefined, false, s);
    }
    const rated: FactReadSite[] = [];
    g.rating?.bands?.forEach((b, i) => {
      if (b.requires !== undefined) conditionSites(b.requires, `${at}/rating/bands/${i}/requires`, rated);
    });
    g.rating?.rules?.forEach((r, i) => {
      conditionSites(r.when, `${at}/rating/rules/${i}/when`, rated);
    });
    for (const s of rated) note(gid, undefined, true, s);
  }
  const ids = Object.keys(rubric.groups);
  const parts = new Map<string, { indicators: string[]; additions: string[] }>();
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const needs = partNeeds.get(gid) ?? new Map<string, Set<string>>();
    // Additions run after every indicator, so only their reads of one another order them.
    parts.set(gid, {
      indicators: orderByReads(Object.keys(g.indicators ?? {}), needs),
      additions: orderByReads(Object.keys(g.additions ?? {}), needs),
    });
  }
  return { groups: orderByReads(ids, groupNeeds), ratings: orderByReads(ids, ratingNeeds), parts };
}
