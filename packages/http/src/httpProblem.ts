import type { Diagnostic, Messages } from '@kinerja/core';

/**
 * Codes of problems with the HTTP request itself, before any rubric or appraisal is read. They are not core
 * {@link Diagnostic} codes (those describe rubrics and appraisals); they share the diagnostic's shape so that a
 * client reads every error body the same way: `{ diagnostics: [{ code, severity, stage, pointer, message }] }`.
 * One row per code in packages/http/README.md.
 */
export type HttpProblemCode =
  | 'not-found'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'body-unreadable'
  | 'invalid-encoding'
  | 'invalid-request'
  | 'batch-too-large'
  | 'rubric-required'
  | 'rubric-not-found'
  | 'rubric-conflict';

/** A problem with the HTTP request: a diagnostic-shaped object whose stage is always `http`. */
export interface HttpProblem {
  /** Stable code, see {@link HttpProblemCode}. */
  code: HttpProblemCode;
  /** Always `error`. */
  severity: 'error';
  /** Always `http`. */
  stage: 'http';
  /** JSON pointer into the request body ('' for the request as a whole). */
  pointer: string;
  /** What was expected. */
  expected?: unknown;
  /** What was received. */
  received?: unknown;
  /** The message in Bahasa Indonesia and English. */
  message: Messages;
}

/** Any entry of a `diagnostics` array in a response body. */
export type ResponseDiagnostic = Diagnostic | HttpProblem;

const messages: Record<HttpProblemCode, (p: { expected?: unknown; received?: unknown }) => Messages> = {
  'not-found': (p) => ({
    id: `Tidak ada endpoint ${String(p.received)}.`,
    en: `There is no endpoint ${String(p.received)}.`,
  }),
  'method-not-allowed': (p) => ({
    id: `Metode ${String(p.received)} tidak diizinkan di sini; gunakan ${String(p.expected)}.`,
    en: `Method ${String(p.received)} is not allowed here; use ${String(p.expected)}.`,
  }),
  'unsupported-media-type': (p) => ({
    id: `Content-Type ${String(p.received)} tidak didukung; gunakan ${String(p.expected)}.`,
    en: `Content-Type ${String(p.received)} is not supported; use ${String(p.expected)}.`,
  }),
  'body-too-large': (p) => ({
    id: `Isi permintaan melebihi batas ${String(p.expected)} byte.`,
    en: `The request body exceeds the limit of ${String(p.expected)} bytes.`,
  }),
  'body-unreadable': () => ({
    id: 'Isi permintaan tidak dapat dibaca sampai selesai.',
    en: 'The request body could not be read to the end.',
  }),
  'invalid-encoding': () => ({
    id: 'Isi permintaan bukan teks UTF-8 yang sah.',
    en: 'The request body is not valid UTF-8 text.',
  }),
  'invalid-request': (p) => ({
    id: `Bentuk permintaan tidak sah: diharapkan ${String(p.expected)}.`,
    en: `The request has the wrong shape: expected ${String(p.expected)}.`,
  }),
  'batch-too-large': (p) => ({
    id: `Terlalu banyak penilaian dalam satu permintaan: ${String(p.received)}, paling banyak ${String(p.expected)}.`,
    en: `Too many appraisals in one request: ${String(p.received)}, at most ${String(p.expected)}.`,
  }),
  'rubric-required': (p) => ({
    id: `Beberapa rubrik dimuat; pilih satu dengan ?rubric=<id> atau "rubric" di isi permintaan (${list(p.expected)}).`,
    en: `Several rubrics are loaded; choose one with ?rubric=<id> or "rubric" in the body (${list(p.expected)}).`,
  }),
  'rubric-not-found': (p) => ({
    id: `Rubrik ${JSON.stringify(p.received)} tidak dimuat (tersedia: ${list(p.expected)}).`,
    en: `Rubric ${JSON.stringify(p.received)} is not loaded (available: ${list(p.expected)}).`,
  }),
  'rubric-conflict': (p) => ({
    id: `?rubric= dan "rubric" di isi permintaan menyebut rubrik berbeda: ${list(p.received)}.`,
    en: `?rubric= and "rubric" in the body name different rubrics: ${list(p.received)}.`,
  }),
};

function list(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** Builds an {@link HttpProblem} with its message. */
export function httpProblem(
  code: HttpProblemCode,
  init: { pointer?: string; expected?: unknown; received?: unknown } = {},
): HttpProblem {
  const p: HttpProblem = {
    code,
    severity: 'error',
    stage: 'http',
    pointer: init.pointer ?? '',
    message: messages[code](init),
  };
  if (init.expected !== undefined) p.expected = init.expected;
  if (init.received !== undefined) p.received = init.received;
  // Fixed key order, so the bytes are the same whatever order the fields were given in.
  const { code: c, severity, stage, pointer, expected, received, message } = p;
  return {
    code: c,
    severity,
    stage,
    pointer,
    ...(expected !== undefined ? { expected } : {}),
    ...(received !== undefined ? { received } : {}),
    message,
  };
}

/** Every HTTP problem code, in the order of the README table. */
export const httpProblemCodes: readonly HttpProblemCode[] = Object.keys(messages) as HttpProblemCode[];
