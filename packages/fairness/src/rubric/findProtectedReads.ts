/** A place in a rubric that reads a protected fact. */
export interface ProtectedRead {
  /** JSON pointer into the rubric document. */
  readonly pointer: string;
  /** The protected fact read (`*` when the whole `facts` object is read). */
  readonly fact: string;
}

const FIRST_SEGMENT = /^\$(?:\.([^.[\]]+)|\[\s*(?:'([^']*)'|"([^"]*)")\s*\])/;

function firstSegment(path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  const m = FIRST_SEGMENT.exec(path.trim());
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

const escapeKey = (k: string) => k.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Scans a rubric document (compiled or merely parsed) for every `{ fact, path }` — in outcome conditions, band
 * `requires`, rating rules, measure inputs and condition values — that reads a protected fact: `fact: facts` with
 * a path starting at it, the fact named directly, or `fact: facts` with no path (the whole object, protected
 * attributes included). A generic walk on purpose: a new place for conditions in the format is covered without
 * changing this scan.
 */
export function findProtectedReads(document: unknown, protectedFacts: Iterable<string>): ProtectedRead[] {
  const names = new Set(protectedFacts);
  const out: ProtectedRead[] = [];
  if (names.size === 0) return out;
  const walk = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, `${pointer}/${i}`);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.fact === 'string') {
      if (names.has(o.fact)) out.push({ pointer, fact: o.fact });
      else if (o.fact === 'facts') {
        const first = firstSegment(o.path);
        if (o.path === undefined) out.push({ pointer, fact: '*' });
        else if (first !== undefined && names.has(first)) out.push({ pointer, fact: first });
      }
    }
    for (const [k, v] of Object.entries(o)) {
      // Fact declarations are where protected facts are named, not read.
      if (pointer === '' && k === 'facts') continue;
      walk(v, `${pointer}/${escapeKey(k)}`);
    }
  };
  walk(document, '');
  return out;
}
