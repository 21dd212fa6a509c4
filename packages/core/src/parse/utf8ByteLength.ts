/**
 * UTF-8 length of a string, counted without allocating an encoded copy
 * (TextEncoder would double peak memory on exactly the inputs we want to refuse).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3; // lone surrogate: encoders emit U+FFFD, 3 bytes
    } else bytes += 3;
  }
  return bytes;
}
