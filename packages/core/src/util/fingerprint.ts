import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonicalJson.js';

/**
 * The fingerprint of a rubric: `sha256:` and the hex SHA-256 of its canonical JSON (after `extends` is resolved).
 * Synchronous and identical in Node and browsers (WebCrypto would be async).
 */
export function fingerprint(value: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))}`;
}
