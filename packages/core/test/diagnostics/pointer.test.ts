import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapePointerToken, joinPointer, splitPointer } from '../../src/diagnostics/pointer.js';

describe('JSON pointers (RFC 6901)', () => {
  it('escapes ~ before / so that "~1" in an id stays an id', () => {
    expect(escapePointerToken('a/b')).toBe('a~1b');
    expect(escapePointerToken('a~b')).toBe('a~0b');
    expect(escapePointerToken('~1')).toBe('~01');
    expect(escapePointerToken('plain-id')).toBe('plain-id');
    expect(escapePointerToken(3)).toBe('3');
  });

  it('joins tokens onto a base', () => {
    expect(joinPointer('/a', 'b/c', 0)).toBe('/a/b~1c/0');
    expect(joinPointer('')).toBe('');
  });

  it('splits back to the very tokens it joined, escaped or not', () => {
    const token = fc.oneof(fc.string(), fc.constantFrom('~', '/', '~0', '~1', '/~', 'a/b~c'), fc.nat());
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (tokens) => {
        expect(splitPointer(joinPointer('', ...tokens))).toEqual(tokens.map(String));
      }),
    );
  });
});
