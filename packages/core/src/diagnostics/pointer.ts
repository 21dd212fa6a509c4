/** Escapes one reference token for an RFC 6901 JSON pointer. */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
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
