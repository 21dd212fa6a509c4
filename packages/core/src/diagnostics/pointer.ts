/** Escapes one reference token for an RFC 6901 JSON pointer. */
export function escapePointerToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  // Evaluation joins pointers for every input it reads; almost no id needs escaping, so skip the regexes then.
  if (token.indexOf('~') === -1 && token.indexOf('/') === -1) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Appends reference tokens to a JSON pointer: `joinPointer('/a', 'b/c', 0)` is `/a/b~1c/0`. */
export function joinPointer(base: string, ...tokens: ReadonlyArray<string | number>): string {
  let out = base;
  for (const t of tokens) out += `/${escapePointerToken(t)}`;
  return out;
}

/** Splits an RFC 6901 JSON pointer into its unescaped reference tokens. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
