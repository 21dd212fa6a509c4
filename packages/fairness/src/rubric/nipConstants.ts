/**
 * Every NIP-shaped constant (exactly 18 digits) written anywhere in a rubric. A rubric that names NIPs singles
 * people out; the identity law renames employees to and from these, as a fuzzer seeds its dictionary with the
 * constants of the program under test, since random NIPs would never hit them.
 */
export function nipConstants(document: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node === 'string' && /^\d{18}$/.test(node)) found.add(node);
    else if (typeof node === 'number' && /^\d{18}$/.test(String(node))) found.add(String(node));
    else if (Array.isArray(node)) for (const child of node) walk(child);
    else if (node !== null && typeof node === 'object') for (const v of Object.values(node)) walk(v);
  };
  walk(document);
  return [...found].sort();
}
