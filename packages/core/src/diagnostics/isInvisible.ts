/**
 * Whether a UTF-16 code unit is a character a reader cannot see, or cannot tell from a plain space: format
 * characters (zero-width space and joiners, direction marks, the byte-order mark, soft hyphen, the combining
 * grapheme joiner, variation selectors, Hangul fillers) and the spaces other than U+0020. A key `komitmen` followed
 * by U+200B prints exactly like `komitmen`; a message must show the difference.
 */
export function isInvisible(c: number): boolean {
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0xad ||
    c === 0x34f ||
    c === 0x61c ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x17b4 ||
    c === 0x17b5 ||
    (c >= 0x180b && c <= 0x180f) ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x206f) ||
    c === 0x3000 ||
    c === 0x3164 ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff ||
    c === 0xffa0 ||
    (c >= 0xfff0 && c <= 0xfff8)
  );
}
