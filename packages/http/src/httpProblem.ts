import type { Diagnostic, Messages } from '@kinerja/core';

/**
 * Codes of problems with the HTTP request itself, before any rubric or appraisal is read. They are not core
 * {@link Diagnostic} codes (those describe rubrics and appraisals; a body that is not UTF-8 is core's
 * `encoding-invalid`, as in files); they share the diagnostic's shape so that a
 * client reads every error body the same way: `{ diagnostics: [{ code, severity, stage, pointer, message }] }`.
 * One row per code in packages/http/README.md.
 */
export type HttpProblemCode =
  | 'not-found'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'unsupported-charset'
  | 'body-unreadable'
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

/**
 * Why a request is `invalid-request`. It picks the message only: each message is written whole in both languages,
 * so no English fragment ends up inside the Indonesian text.
 */
export type InvalidRequestReason =
  /** The batch envelope has a key other than `rubric` and `appraisals` (`received`: the key). */
  | 'batch-key'
  /** The envelope's `appraisals` is not an array (`received`: its JSON type). */
  | 'batch-appraisals'
  /** The envelope's `rubric` is not a string (`received`: its JSON type). */
  | 'batch-rubric'
  /** A query parameter that takes one value is given several (`subject`: its name; `received`: the values). */
  | 'repeated-parameter'
  /** The request URL (its target, or the origin built from the Host header) does not parse. */
  | 'request-url';

type MessageInput = {
  expected?: unknown;
  received?: unknown;
  reason?: InvalidRequestReason;
  subject?: string;
};

const invalidRequestMessages: Record<InvalidRequestReason, (p: MessageInput) => Messages> = {
  'batch-key': (p) => ({
    id: `Kunci ${JSON.stringify(p.received)} tidak diizinkan di samping "rubric" dan "appraisals".`,
    en: `The key ${JSON.stringify(p.received)} is not allowed beside "rubric" and "appraisals".`,
  }),
  'batch-appraisals': (p) => ({
    id: `"appraisals" harus berupa daftar (array JSON); diterima ${JSON.stringify(p.received)}.`,
    en: `"appraisals" must be a list (a JSON array); received ${JSON.stringify(p.received)}.`,
  }),
  'batch-rubric': (p) => ({
    id: `"rubric" harus berupa teks (id rubrik); diterima ${JSON.stringify(p.received)}.`,
    en: `"rubric" must be a string (a rubric id); received ${JSON.stringify(p.received)}.`,
  }),
  'repeated-parameter': (p) => ({
    id: `Parameter ?${String(p.subject)}= diberikan lebih dari sekali (${list(p.received)}); berikan satu nilai saja.`,
    en: `The parameter ?${String(p.subject)}= is given more than once (${list(p.received)}); give one value only.`,
  }),
  'request-url': (p) => ({
    id: `URL permintaan tidak sah: ${JSON.stringify(p.received)}.`,
    en: `The request URL is not valid: ${JSON.stringify(p.received)}.`,
  }),
};

const messages: Record<HttpProblemCode, (p: MessageInput) => Messages> = {
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
  'unsupported-charset': (p) => ({
    id: `Charset ${JSON.stringify(p.received)} tidak didukung: isi permintaan dibaca sebagai UTF-8; kirim dengan charset=utf-8 atau tanpa charset.`,
    en: `Charset ${JSON.stringify(p.received)} is not supported: the body is read as UTF-8; send it with charset=utf-8 or no charset.`,
  }),
  'body-too-large': (p) => ({
    id: `Isi permintaan melebihi batas ${String(p.expected)} byte.`,
    en: `The request body exceeds the limit of ${String(p.expected)} bytes.`,
  }),
  'body-unreadable': () => ({
    id: 'Isi permintaan tidak dapat dibaca sampai selesai.',
    en: 'The request body could not be read to the end.',
  }),
  'invalid-request': (p) => invalidRequestMessages[p.reason ?? 'request-url'](p),
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

/** The fields of an {@link HttpProblem} its builder takes. */
export interface HttpProblemInit {
  /** JSON pointer into the request body; default '' (the request as a whole). */
  pointer?: string;
  expected?: unknown;
  received?: unknown;
}

/**
 * Builds an {@link HttpProblem} with its message, the same body the handler sends; adapters use it for the
 * requests they refuse before the handler sees them. An `invalid-request` needs its
 * {@link InvalidRequestReason}, and `subject` (the name the message talks about) for `repeated-parameter`.
 */
export function httpProblem(
  code: 'invalid-request',
  init: HttpProblemInit & { reason: InvalidRequestReason; subject?: string },
): HttpProblem;
export function httpProblem(
  code: Exclude<HttpProblemCode, 'invalid-request'>,
  init?: HttpProblemInit,
): HttpProblem;
export function httpProblem(
  code: HttpProblemCode,
  init: HttpProblemInit & { reason?: InvalidRequestReason; subject?: string } = {},
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
