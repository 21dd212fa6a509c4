const FIRST = /^\$\.([A-Za-z_][\w-]*)/;

/**
 * The text values a rubric expects for employee fields and declared facts, keyed `employee.<field>` or
 * `facts.<name>`: the keys of a `scale` map reading the field, and the constants conditions compare it with
 * (`equal`, `in`). A rubric that maps `employee.functionalLevel` through `{ ahli-muda: 25, … }` refuses any other
 * level, so a generator of valid appraisals must speak the rubric's vocabulary, not its own.
 */
export function textVocabulary(document: unknown): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  const add = (ref: unknown, values: unknown[]) => {
    if (ref === null || typeof ref !== 'object') return;
    const { fact, path } = ref as { fact?: unknown; path?: unknown };
    if ((fact !== 'employee' && fact !== 'facts') || typeof path !== 'string') return;
    const field = FIRST.exec(path)?.[1];
    if (!field) return;
    const key = `${fact}.${field}`;
    const set = found.get(key) ?? new Set<string>();
    for (const v of values) if (typeof v === 'string') set.add(v);
    found.set(key, set);
  };
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.kind === 'scale' && o.map && typeof o.map === 'object') add(o.input, Object.keys(o.map));
    if (o.operator === 'equal' || o.operator === 'in') add(o, Array.isArray(o.value) ? o.value : [o.value]);
    for (const v of Object.values(o)) walk(v);
  };
  walk(document);
  return new Map([...found].filter(([, s]) => s.size > 0).map(([k, s]) => [k, [...s].sort()]));
}
