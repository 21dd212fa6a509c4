import type { RecordPlan } from './recordPlan.js';

/**
 * Leaves grouped by the fields they share (connected components). Leaves that share a field must be present or
 * absent together: PP 30/2019's range target reads `realisationRange` from two ratio leaves, and giving one of
 * them its pair while the other lacks its own is a missing input, not a drop.
 */
export function leafComponents(plan: RecordPlan): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const f of plan.fields) {
    for (const l of f.leaves) if (!parent.has(l)) parent.set(l, l);
    for (const l of f.leaves.slice(1)) parent.set(find(l), find(f.leaves[0] as number));
  }
  const groups = new Map<number, number[]>();
  for (const l of [...parent.keys()].sort((a, b) => a - b)) {
    const root = find(l);
    groups.set(root, [...(groups.get(root) ?? []), l]);
  }
  return [...groups.values()];
}
