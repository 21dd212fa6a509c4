import type { ErrorCode as YamlErrorCode } from 'yaml';
import type { Messages, Severity, Stage } from './diagnostic.js';
import { quoteJson } from './quoteJson.js';
import { roleWordId } from './roleWords.js';

/** Data a message template may use. */
export interface MessageData {
  /** What was expected. */
  expected?: unknown;
  /** What was found. */
  received?: unknown;
  /** Named extra values (ids, names, limits). */
  params?: Readonly<Record<string, string | number>>;
}

/** One row of the diagnostic catalogue. */
export interface CodeInfo {
  /** Stage that reports it. */
  stage: Stage;
  /** Default severity. */
  severity: Severity;
  /** One-line description for docs/errors.md (English). */
  summary: string;
  /** Renders the message from the diagnostic's data. */
  render: (data: MessageData) => Messages;
}

// Room for a value in a message. A list (usually the allowed values) gets more, so that a typo's neighbours show.
const VALUE_BUDGET = 80;
const LIST_BUDGET = 240;

/**
 * A list as JSON, cut at an item boundary when it would pass {@link LIST_BUDGET} characters and ending with how
 * many items were left out: a list cut mid-token hid the very names a reader looks for.
 */
const showList = (items: readonly unknown[], lang: 'id' | 'en'): string => {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    const json = JSON.stringify(items[i]) ?? 'null';
    const item = json.length > LIST_BUDGET ? `${json.slice(0, LIST_BUDGET - 3)}...` : json;
    const rest = items.length - i;
    if (i > 0 && out.length + item.length + 1 > LIST_BUDGET) {
      return `${out}, … ${lang === 'id' ? `dan ${rest} lainnya` : `and ${rest} more`}]`;
    }
    out += (i > 0 ? ',' : '') + item;
  }
  return `${out}]`;
};

const show = (v: unknown, lang: 'id' | 'en' = 'en'): string => {
  if (v === undefined) return '—';
  if (typeof v === 'string') return quoteJson(v);
  // What JSON.stringify would print, without its cost: many diagnostics per appraisal carry counts.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  try {
    if (Array.isArray(v)) return showList(v, lang);
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > VALUE_BUDGET ? `${s.slice(0, VALUE_BUDGET - 3)}...` : s;
  } catch {
    return String(v);
  }
};
// The English phrases the engine itself puts in `expected` (a type, a size, a form), as an Indonesian message shows
// them. `expected` stays as it is for programs; anything else (ids, field names, values) is shown untouched.
const EXPECTED_ID: Readonly<Record<string, string>> = {
  object: 'objek',
  array: 'daftar',
  string: 'teks',
  number: 'angka',
  integer: 'bilangan bulat',
  boolean: 'benar/salah',
  'finite number': 'angka terhingga',
  'non-finite number': 'angka tak terhingga (Infinity atau NaN)',
  condition: 'kondisi',
  'one of all, any, not, fact': 'salah satu dari all, any, not, fact',
  'a text, a number or true/false': 'teks, angka, atau benar/salah',
};
const SIZE_UNITS_ID: Readonly<Record<string, string>> = {
  characters: 'karakter',
  items: 'butir',
  properties: 'properti',
};
// The phrases with ids or figures in them that the engine puts in `expected` (missing-input, invalid-input of a
// lookup), matched whole: an id inside is shown as written.
const PHRASES_ID: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^at least (\d+) target\(s\) for (.+)$/, (m) => `minimal ${m[1]} target untuk ${m[2]}`],
  [/^the data of target (.+)$/, (m) => `data target ${m[1]}`],
  [
    /^data for at least one (target|indicator) of group (.+)$/,
    (m) => `data untuk minimal satu ${m[1] === 'target' ? 'target' : 'indikator'} dari kelompok ${m[2]}`,
  ],
  [/^ratings of (.+) and (.+)$/, (m) => `rating ${m[1]} dan ${m[2]}`],
  [/^a value in (.+)$/, (m) => `nilai dalam ${m[1]}`],
];
const expectedId = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(expectedId);
  if (typeof v !== 'string') return v;
  if (Object.hasOwn(EXPECTED_ID, v)) return EXPECTED_ID[v];
  // A union of types, as the schema reports one ("string | number").
  if (v.includes(' | ')) {
    const parts = v.split(' | ');
    if (parts.every((t) => Object.hasOwn(EXPECTED_ID, t)))
      return parts.map((t) => EXPECTED_ID[t]).join(' | ');
  }
  // A bound on a number a measure reads: `number > 0`, `number ≥ targetMin (90)`.
  if (v.startsWith('number ') && /^number [≥>] /.test(v)) return `angka${v.slice(6)}`;
  for (const [pattern, worded] of PHRASES_ID) {
    const m = pattern.exec(v);
    if (m) return worded(m);
  }
  const size = /^([≥≤]) (\d+) (characters|items|properties)$/.exec(v);
  return size ? `${size[1]} ${size[2]} ${SIZE_UNITS_ID[size[3] as string]}` : v;
};
/** {@link show} for an Indonesian message: the engine's own English phrases in `expected` in Indonesian. */
const showId = (v: unknown): string => show(expectedId(v), 'id');
const p = (d: MessageData, k: string): string => String(d.params?.[k] ?? '');
// A reason given in both languages (`why` English, `whyId` Indonesian); callers that give only `why` show it as is.
const whyId = (d: MessageData): string => p(d, 'whyId') || p(d, 'why');

// The id-keyed maps of a rubric that `overrides` can add to (override-misspelt-key's `params.what`), as a message
// names one of their entries.
const WHAT_ID: Readonly<Record<string, string>> = {
  indicator: 'indikator',
  addition: 'tambahan',
  group: 'grup',
  outcome: 'tindak lanjut',
  fact: 'fakta',
};
const WHAT_EN: Readonly<Record<string, string>> = {
  indicator: 'an indicator',
  addition: 'an addition',
  group: 'a group',
  outcome: 'an outcome',
  fact: 'a fact',
};

// A mapping's column type (`type:` of @kinerja/batch) as an Indonesian message names it.
const cellTypeId = (type: string): string =>
  type === 'date' ? 'tanggal' : Object.hasOwn(EXPECTED_ID, type) ? (EXPECTED_ID[type] as string) : type;

// The words of a csv-syntax diagnostic from its `problem` key (counts in expected / received).
function csvSyntaxWords(d: MessageData): Messages {
  switch (d.params?.problem) {
    case 'text-after-quote':
      return {
        id: `ada teks setelah tanda kutip penutup sel ${p(d, 'cell')}`,
        en: `text after the closing quote of cell ${p(d, 'cell')}`,
      };
    case 'unclosed-quote':
      return {
        id: `sel berkutip yang dibuka di baris ${p(d, 'line')} kolom ${p(d, 'column')} tidak ditutup sebelum akhir berkas`,
        en: `the quoted cell opened at line ${p(d, 'line')}, column ${p(d, 'column')} is not closed before the end of the file`,
      };
    case 'too-many-cells':
      return {
        id: `${show(d.received)} sel, padahal baris judul hanya punya ${showId(d.expected)} kolom`,
        en: `${show(d.received)} cells, but the header has ${show(d.expected)} columns`,
      };
    case 'too-few-cells':
      return {
        id: `hanya ${show(d.received)} dari ${showId(d.expected)} kolom judul (baris terpotong)`,
        en: `only ${show(d.received)} of the header's ${show(d.expected)} columns (the row is cut short)`,
      };
    default:
      return { id: p(d, 'detail'), en: p(d, 'detail') };
  }
}

// The yaml library's error codes (and our own `complex-key`), in Indonesian.
// Typed over the library's code union, so a yaml upgrade that adds a code fails the typecheck until it is worded.
const YAML_PROBLEM_ID: Readonly<Record<YamlErrorCode | 'complex-key', string>> = {
  ALIAS_PROPS: 'alias tidak boleh diberi anchor atau tag',
  BAD_ALIAS: 'alias merujuk anchor yang tidak ada',
  BAD_COLLECTION_TYPE: 'jenis koleksi tidak cocok dengan tag-nya',
  BAD_DIRECTIVE: 'direktif YAML tidak sah',
  BAD_DQ_ESCAPE: 'escape tidak sah di dalam string berkutip ganda',
  BAD_INDENT: 'indentasi tidak sesuai',
  BAD_PROP_ORDER: 'anchor dan tag tidak pada tempatnya',
  BAD_SCALAR_START: 'nilai tanpa kutip diawali karakter yang tidak diizinkan; beri tanda kutip',
  BLOCK_AS_IMPLICIT_KEY: 'koleksi blok tidak boleh menjadi kunci',
  BLOCK_IN_FLOW: 'koleksi blok tidak boleh berada di dalam [ ] atau { }',
  DUPLICATE_KEY: 'kunci yang sama muncul dua kali',
  IMPOSSIBLE: 'struktur dokumen tidak dapat diuraikan',
  KEY_OVER_1024_CHARS: 'kunci tanpa tanda ? lebih dari 1024 karakter',
  MISSING_CHAR: 'karakter penutup atau pemisah hilang',
  MULTILINE_IMPLICIT_KEY: 'kunci tidak boleh lebih dari satu baris',
  MULTIPLE_ANCHORS: 'satu nilai diberi lebih dari satu anchor',
  MULTIPLE_DOCS: 'teks berisi lebih dari satu dokumen YAML',
  MULTIPLE_TAGS: 'satu nilai diberi lebih dari satu tag',
  NON_STRING_KEY: 'kunci harus berupa teks',
  RESOURCE_EXHAUSTION: 'dokumen terlalu besar untuk diuraikan',
  TAB_AS_INDENT: 'tab tidak boleh dipakai untuk indentasi; gunakan spasi',
  TAG_RESOLVE_FAILED: 'tag tidak dikenal atau nilainya tidak cocok dengan tag',
  UNEXPECTED_TOKEN: 'ada tanda yang tidak terduga di sini',
  'complex-key': 'kunci yang berupa koleksi tidak didukung',
};

// Within one yaml code the library's English detail can be sharper than the code (MISSING_CHAR covers an unclosed
// quote and a missing comma alike): the details a rubric author meets most, so the Indonesian reader loses nothing.
const YAML_DETAIL_ID: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Missing closing ["']quote/, 'tanda kutip penutup hilang: tutup teks yang dibuka dengan tanda kutip'],
  [/^Missing , or : between/, 'tanda koma atau titik dua hilang di antara butir dalam [ ] atau { }'],
  [/^Missing , between/, 'tanda koma hilang di antara butir dalam [ ] atau { }'],
  [/^Missing space after :/, 'perlu spasi sesudah titik dua'],
  [
    /^All (mapping|sequence) items must start at the same column/,
    'indentasi tidak sesuai: setiap butir di tingkat yang sama harus mulai di kolom yang sama dengan butir di atasnya',
  ],
];

function yamlProblemId(d: MessageData): string {
  const detail = p(d, 'detail');
  for (const [pattern, words] of YAML_DETAIL_ID) if (pattern.test(detail)) return words;
  const problem = p(d, 'problem');
  return Object.hasOwn(YAML_PROBLEM_ID, problem)
    ? YAML_PROBLEM_ID[problem as YamlErrorCode]
    : 'kesalahan penulisan YAML';
}

// What a JSON syntax error was due instead (`expected` of a json-syntax diagnostic), in both languages.
const JSON_EXPECTED: Readonly<Record<string, Messages>> = {
  value: { id: 'sebuah nilai', en: 'a value' },
  'property-name': { id: 'nama properti dalam tanda kutip ganda', en: 'a double-quoted property name' },
  colon: { id: "':' setelah nama properti", en: "':' after the property name" },
  'comma-or-brace': { id: "',' atau '}'", en: "',' or '}'" },
  'comma-or-bracket': { id: "',' atau ']'", en: "',' or ']'" },
  digit: { id: 'sebuah digit', en: 'a digit' },
  end: { id: 'akhir teks setelah nilai JSON', en: 'the end of the text after the JSON value' },
  array: { id: 'sebuah array berisi objek penilaian', en: 'an array of appraisal objects' },
  object: { id: 'sebuah objek penilaian', en: 'an appraisal object' },
};

// The words of a json-syntax diagnostic from its stable `problem` key; a caller that only has a free-text
// `detail` (the engine's own message, should the scanner ever be laxer than it) gets that text as it is.
function jsonSyntaxWords(d: MessageData): Messages {
  const expected = typeof d.expected === 'string' ? JSON_EXPECTED[d.expected] : undefined;
  const due = (m: Messages): Messages =>
    expected ? { id: `${m.id}, seharusnya ${expected.id}`, en: `${m.en}, expected ${expected.en}` } : m;
  switch (d.params?.problem) {
    case 'unexpected-character':
      return due({
        id: `karakter ${show(d.received)} tidak terduga`,
        en: `unexpected character ${show(d.received)}`,
      });
    case 'unexpected-end':
      return due({ id: 'teks berakhir terlalu cepat', en: 'unexpected end of input' });
    case 'unterminated-string':
      return { id: 'string tidak ditutup dengan tanda kutip', en: 'unterminated string' };
    case 'control-character':
      return {
        id: 'karakter kendali (mis. tab atau baris baru) di dalam string; tulis sebagai \\t atau \\n',
        en: 'control character (e.g. a tab or line break) in a string; write it as \\t or \\n',
      };
    case 'bad-unicode-escape':
      return { id: 'escape \\u harus diikuti 4 digit heksadesimal', en: 'a \\u escape needs 4 hex digits' };
    case 'bad-escape':
      return { id: 'escape tidak dikenal di dalam string', en: 'unknown escape in a string' };
    case 'empty':
      return { id: 'berkas kosong', en: 'the file is empty' };
    case 'element-too-large':
      return {
        id: `elemen yang dimulai di baris ${p(d, 'line')} lebih dari ${p(d, 'max')} karakter`,
        en: `the element starting on line ${p(d, 'line')} is over ${p(d, 'max')} characters`,
      };
    default:
      return { id: p(d, 'detail'), en: p(d, 'detail') };
  }
}

// The kind of id an unknown-reference names (`params.kind`), as the message begins with it.
const REFERENCE_KIND: Readonly<Record<string, Messages>> = {
  group: { id: 'Kelompok', en: 'Group' },
  rating: { id: 'Rating', en: 'Rating' },
  predicate: { id: 'Predikat', en: 'Predikat level' },
};

// Why a range is not an interval (`params.problem` of invalid-range, from checkInterval).
const RANGE_PROBLEM: Readonly<Record<string, Messages>> = {
  form: {
    id: 'tulis dua batas di antara [ atau ( dan ] atau ), dipisah koma',
    en: 'write two bounds between [ or ( and ] or ), separated by a comma',
  },
  exponent: {
    id: 'batas tidak boleh ditulis dengan eksponen (1e3); tulis angkanya lengkap (1000)',
    en: 'a bound may not be written with an exponent (1e3); write the number out (1000)',
  },
  reversed: {
    id: 'batas bawah lebih besar daripada batas atas; tulis batas yang lebih kecil lebih dulu',
    en: 'the lower bound is greater than the upper bound; write the smaller one first',
  },
  empty: {
    id: 'kedua batas sama, tetapi salah satunya tidak termasuk, jadi rentang ini tidak memuat nilai apa pun',
    en: 'both bounds are equal but one is excluded, so the range holds no value',
  },
  'infinite-included': {
    id: 'batas tak hingga tidak dapat termasuk; pakai ( atau ) di sisi inf',
    en: 'an infinite bound cannot be included; use ( or ) on the inf side',
  },
  'infinite-reversed': {
    id: 'batas bawah +inf atau batas atas -inf membuat rentang kosong',
    en: 'a lower bound of +inf or an upper bound of -inf leaves the range empty',
  },
};

const codes = {
  // parse
  'yaml-syntax': {
    stage: 'parse',
    severity: 'error',
    summary: 'The YAML text cannot be parsed.',
    render: (d) => {
      // The errors yaml gives for every line after a slip are counted, not shown; the reader learns they exist.
      const more = d.params?.followOns !== undefined;
      return {
        // The yaml library words its errors in English only; Indonesian readers get the meaning of its error code.
        id: `YAML tidak dapat dibaca: ${yamlProblemId(d)}${more ? `; ${p(d, 'followOns')} kesalahan lain sampai baris ${p(d, 'followOnsUntil')} adalah akibat dari kesalahan ini dan tidak ditampilkan` : ''}`,
        en: `YAML cannot be parsed: ${p(d, 'detail')}${more ? `; ${p(d, 'followOns')} more errors up to line ${p(d, 'followOnsUntil')} follow from this one and are not shown` : ''}`,
      };
    },
  },
  'json-syntax': {
    stage: 'parse',
    severity: 'error',
    summary: 'The JSON text cannot be parsed.',
    render: (d) => {
      const why = jsonSyntaxWords(d);
      return { id: `JSON tidak dapat dibaca: ${why.id}`, en: `JSON cannot be parsed: ${why.en}` };
    },
  },
  'duplicate-key': {
    stage: 'parse',
    severity: 'error',
    summary: 'A mapping has the same key twice; YAML would silently keep only one.',
    render: (d) => ({
      id: `Kunci ${show(d.received)} ditulis dua kali di tempat yang sama, padahal hanya satu yang akan terbaca; hapus atau gabungkan salah satunya.`,
      en: `Key ${show(d.received)} appears twice in one mapping, and only one would be read; remove or merge one of them.`,
    }),
  },
  'yaml-directive': {
    stage: 'parse',
    severity: 'error',
    summary: 'YAML directives (%YAML, %TAG) are refused: rubrics are plain YAML 1.2.',
    render: () => ({
      id: 'Direktif YAML (%YAML, %TAG) tidak diizinkan; rubrik memakai YAML 1.2 biasa.',
      en: 'YAML directives (%YAML, %TAG) are not allowed; rubrics use plain YAML 1.2.',
    }),
  },
  'yaml-tag': {
    stage: 'parse',
    severity: 'error',
    summary: 'Explicit or custom tags (!!binary, !foo) are refused.',
    render: (d) => ({
      id: `Tag YAML ${show(d.received)} tidak diizinkan.`,
      en: `YAML tag ${show(d.received)} is not allowed.`,
    }),
  },
  'yaml-alias': {
    stage: 'parse',
    severity: 'error',
    summary: 'Anchors and aliases (&a, *a) are refused: every value is written where it applies.',
    render: () => ({
      id: 'Anchor dan alias YAML (&a, *a) tidak diizinkan; tulis nilainya langsung.',
      en: 'YAML anchors and aliases (&a, *a) are not allowed; write the value where it applies.',
    }),
  },
  'yaml-multiple-documents': {
    stage: 'parse',
    severity: 'error',
    summary: 'The text holds more than one YAML document.',
    render: () => ({
      id: 'Berkas berisi lebih dari satu dokumen YAML; satu rubrik per berkas.',
      en: 'The file holds more than one YAML document; one rubric per file.',
    }),
  },
  'input-too-large': {
    stage: 'parse',
    severity: 'error',
    summary: 'The text is larger than the configured limit.',
    render: (d) => ({
      id: `Ukuran teks ${show(d.received)} byte melebihi batas ${showId(d.expected)} byte.`,
      en: `The text is ${show(d.received)} bytes, over the limit of ${show(d.expected)} bytes.`,
    }),
  },
  'input-too-deep': {
    stage: 'parse',
    severity: 'error',
    summary: 'Nesting is deeper than the configured limit.',
    render: (d) => ({
      id: `Kedalaman bersarang melebihi batas ${showId(d.expected)}.`,
      en: `Nesting is deeper than the limit of ${show(d.expected)}.`,
    }),
  },
  'input-too-many-keys': {
    stage: 'parse',
    severity: 'error',
    summary: 'The document has more keys and items than the configured limit.',
    render: (d) => ({
      id: `Jumlah kunci dan butir melebihi batas ${showId(d.expected)}.`,
      en: `The document has more keys and items than the limit of ${show(d.expected)}.`,
    }),
  },
  'number-precision': {
    stage: 'parse',
    severity: 'error',
    summary:
      'A number has more digits than can be held exactly (about 15 significant digits); it would be read as a different number.',
    render: (d) => ({
      id: `Angka ${show(d.received)} terlalu panjang untuk disimpan tepat; tulis paling banyak 15 digit bermakna.`,
      en: `Number ${show(d.received)} has too many digits to be held exactly; write at most 15 significant digits.`,
    }),
  },
  'forbidden-key': {
    stage: 'parse',
    severity: 'error',
    summary: 'The keys __proto__, constructor and prototype are refused everywhere.',
    render: (d) => ({
      id: `Kunci ${show(d.received)} tidak diizinkan.`,
      en: `Key ${show(d.received)} is not allowed.`,
    }),
  },
  // validate
  'schema-type': {
    stage: 'validate',
    severity: 'error',
    summary: 'A value has the wrong type.',
    render: (d) => ({
      // `received` is a type name the engine wrote (never the user's value), so it is worded like `expected`.
      id:
        p(d, 'formId') !== ''
          ? `Tipe salah: diharapkan teks berbentuk ${p(d, 'formId')}, diterima ${showId(d.received)}; tulis nilainya di antara tanda kutip.`
          : `Tipe salah: diharapkan ${showId(d.expected)}, diterima ${showId(d.received)}.`,
      en:
        p(d, 'form') !== ''
          ? `Wrong type: expected a text of the form ${p(d, 'form')}, received ${show(d.received)}; write the value in quotes.`
          : `Wrong type: expected ${show(d.expected)}, received ${show(d.received)}.`,
    }),
  },
  'schema-required': {
    stage: 'validate',
    severity: 'error',
    summary: 'A required property is missing.',
    render: (d) => ({
      id: `Properti wajib ${showId(d.expected)} tidak ada.`,
      en: `Required property ${show(d.expected)} is missing.`,
    }),
  },
  'schema-unknown-property': {
    stage: 'validate',
    severity: 'error',
    summary: 'A property is not part of the format (often a typo).',
    render: (d) => ({
      id: `Properti ${show(d.received)} tidak dikenal di sini.`,
      en: `Property ${show(d.received)} is not known here.`,
    }),
  },
  'schema-enum': {
    stage: 'validate',
    severity: 'error',
    summary: 'A value is not one of the allowed values.',
    render: (d) => ({
      id: `Nilai ${show(d.received)} tidak diizinkan; pilihan: ${showId(d.expected)}.`,
      en: `Value ${show(d.received)} is not allowed; allowed: ${show(d.expected)}.`,
    }),
  },
  'schema-pattern': {
    stage: 'validate',
    severity: 'error',
    summary: 'A string does not have the required form.',
    render: (d) => ({
      id: `Teks ${show(d.received)} tidak sesuai bentuk ${p(d, 'formId') || p(d, 'form') || showId(d.expected)}.`,
      en: `Text ${show(d.received)} does not have the form ${p(d, 'form') || show(d.expected)}.`,
    }),
  },
  'schema-range': {
    stage: 'validate',
    severity: 'error',
    summary: 'A number, string or list is outside its allowed size or range.',
    render: (d) => ({
      id: `Nilai ${show(d.received)} di luar batas: ${showId(d.expected)}.`,
      en: `Value ${show(d.received)} is out of range: ${show(d.expected)}.`,
    }),
  },
  'schema-invalid': {
    stage: 'validate',
    severity: 'error',
    summary: 'A value does not match the format (any other schema rule).',
    render: (d) => ({
      id: `Nilai tidak sesuai format: ${showId(d.expected)}.`,
      en: `Value does not match the format: ${show(d.expected)}.`,
    }),
  },
  // resolve
  'file-unreadable': {
    stage: 'resolve',
    severity: 'error',
    summary: 'A rubric or appraisal file cannot be read (missing, a directory, or no permission).',
    render: (d) => {
      const reason = p(d, 'reason');
      return reason === 'ENOENT'
        ? { id: `Berkas ${show(d.received)} tidak ditemukan.`, en: `File ${show(d.received)} was not found.` }
        : reason === 'EISDIR'
          ? {
              id: `${show(d.received)} adalah direktori, bukan berkas.`,
              en: `${show(d.received)} is a directory, not a file.`,
            }
          : reason === 'EACCES' || reason === 'EPERM'
            ? {
                id: `Tidak ada izin membaca berkas ${show(d.received)}.`,
                en: `No permission to read file ${show(d.received)}.`,
              }
            : {
                id: `Berkas ${show(d.received)} tidak dapat dibaca${reason ? ` (${reason})` : ''}.`,
                en: `File ${show(d.received)} cannot be read${reason ? ` (${reason})` : ''}.`,
              };
    },
  },
  'extends-not-found': {
    stage: 'resolve',
    severity: 'error',
    summary: 'The rubric named in `extends` cannot be found.',
    render: (d) => ({
      id: `Rubrik induk ${show(d.received)} tidak ditemukan. Periksa ejaannya: \`extends\` menerima id paket (berkas \`rubrics/<id>/<id>.rubric.yaml\` di folder rubrik ini atau folder di atasnya, atau paket terpasang \`@kinerja/rubric-<id>\`) atau nama berkas \`*.yaml\` relatif terhadap rubrik ini.`,
      en: `Base rubric ${show(d.received)} was not found. Check its spelling: \`extends\` takes a pack id (the file \`rubrics/<id>/<id>.rubric.yaml\` in this rubric's folder or a folder above it, or the installed package \`@kinerja/rubric-<id>\`) or a \`*.yaml\` file name relative to this rubric.`,
    }),
  },
  'extends-cycle': {
    stage: 'resolve',
    severity: 'error',
    summary: 'Rubrics extend each other in a cycle.',
    render: (d) => ({
      id: `Rantai extends membentuk siklus: ${p(d, 'chain')}. Setiap rubrik dalam rantai harus punya id sendiri: bila \`id\` rubrik ini sama dengan id induknya, beri id baru (mis. id instansi).`,
      en: `The extends chain forms a cycle: ${p(d, 'chain')}. Each rubric in the chain needs its own id: when this rubric's \`id\` is its base's, give it a new one (e.g. the agency's).`,
    }),
  },
  'overrides-without-extends': {
    stage: 'resolve',
    severity: 'error',
    summary: '`overrides` is only meaningful with `extends`.',
    render: () => ({
      id: '`overrides` hanya dapat dipakai bersama `extends`.',
      en: '`overrides` can only be used together with `extends`.',
    }),
  },
  // compile
  'unknown-reference': {
    stage: 'compile',
    severity: 'error',
    summary: 'A group, indicator, rating, predicate or role id is referenced but not declared.',
    render: (d) => {
      const kind = p(d, 'kind');
      const name = Object.hasOwn(REFERENCE_KIND, kind)
        ? (REFERENCE_KIND[kind] as Messages)
        : { id: kind, en: kind };
      return {
        id: `${name.id} ${show(d.received)} tidak dideklarasikan; yang ada: ${showId(d.expected)}.`,
        en: `${name.en} ${show(d.received)} is not declared; declared: ${show(d.expected)}.`,
      };
    },
  },
  'unknown-fact': {
    stage: 'compile',
    severity: 'error',
    summary: 'A condition or measure reads a fact the rubric does not declare.',
    render: (d) => ({
      id: `Fakta ${show(d.received)} tidak dikenal${d.params?.nearest !== undefined ? `; mungkin maksudnya ${show(d.params.nearest)}` : ''}; yang ada: ${showId(d.expected)}.`,
      en: `Fact ${show(d.received)} is not known${d.params?.nearest !== undefined ? `; did you mean ${show(d.params.nearest)}` : ''}; known: ${show(d.expected)}.`,
    }),
  },
  'protected-fact': {
    stage: 'compile',
    severity: 'error',
    summary: 'A rule reads a protected attribute (gender, religion, …), which no rule may read.',
    render: (d) => ({
      id: `Atribut terlindungi ${show(d.received)} tidak boleh dibaca oleh aturan apa pun.`,
      en: `Protected attribute ${show(d.received)} may not be read by any rule.`,
    }),
  },
  'unknown-operator': {
    stage: 'compile',
    severity: 'error',
    summary: 'A condition uses an operator that does not exist.',
    render: (d) => ({
      id: `Operator ${show(d.received)} tidak dikenal; yang ada: ${showId(d.expected)}.`,
      en: `Operator ${show(d.received)} is not known; known: ${show(d.expected)}.`,
    }),
  },
  'operator-value': {
    stage: 'compile',
    severity: 'error',
    summary:
      'A condition value does not suit its operator (in/notIn need a list, numeric operators a number).',
    render: (d) => ({
      id: `Operator ${p(d, 'operator')} memerlukan ${showId(d.expected)}, diterima ${show(d.received)}.`,
      en: `Operator ${p(d, 'operator')} needs ${show(d.expected)}, received ${show(d.received)}.`,
    }),
  },
  'empty-condition': {
    stage: 'compile',
    severity: 'error',
    summary: 'An `all` or `any` has no conditions: its meaning would be a silent true or false.',
    render: () => ({
      id: '`all`/`any` kosong tidak diizinkan.',
      en: 'An empty `all`/`any` is not allowed.',
    }),
  },
  'invalid-path': {
    stage: 'compile',
    severity: 'error',
    summary: 'A path is not a plain own-property path ($.a.b[0]); filters and scripts are refused.',
    render: (d) => ({
      id: `Path ${show(d.received)} tidak sah; gunakan bentuk $.a.b[0].`,
      en: `Path ${show(d.received)} is not valid; use the form $.a.b[0].`,
    }),
  },
  'weight-sum': {
    stage: 'compile',
    severity: 'error',
    summary: 'Weights do not add up exactly to the declared total.',
    render: (d) => ({
      id: `Jumlah bobot ${show(d.received)}, seharusnya tepat ${showId(d.expected)}.`,
      en: `Weights add up to ${show(d.received)}; they must be exactly ${show(d.expected)}.`,
    }),
  },
  'weight-missing': {
    stage: 'compile',
    severity: 'error',
    summary:
      'A weighted combination lacks a weight for one of its parts, or has one for a part that does not exist.',
    render: (d) =>
      // `expected: 'weight'`: an indicator of a weighted group (combine: weighted, or a sibling has a weight) has none.
      d.expected === 'weight'
        ? {
            id: `Indikator ${show(d.received)} tidak memiliki \`weight\`, padahal kelompoknya menggabungkan indikator menurut bobot; beri setiap indikator \`weight\`.`,
            en: `Indicator ${show(d.received)} has no \`weight\`, but its group combines its indicators by weight; give every indicator a \`weight\`.`,
          }
        : {
            id: `Bobot untuk ${show(d.received)} tidak sesuai dengan bagian yang ada (${showId(d.expected)}).`,
            en: `The weight for ${show(d.received)} does not match the parts that exist (${show(d.expected)}).`,
          },
  },
  'invalid-range': {
    stage: 'compile',
    severity: 'error',
    summary:
      'A range is not a valid interval such as "[76, 91)": not in that form, a bound written with an exponent, bounds in the wrong order, or an interval that holds no value.',
    render: (d) => {
      const why = Object.hasOwn(RANGE_PROBLEM, p(d, 'problem'))
        ? (RANGE_PROBLEM[p(d, 'problem')] as Messages)
        : undefined;
      return {
        id: `Rentang ${show(d.received)} tidak sah${why ? `: ${why.id}` : ''}; contoh yang benar: "[76, 91)".`,
        en: `Range ${show(d.received)} is not valid${why ? `: ${why.en}` : ''}; a valid example: "[76, 91)".`,
      };
    },
  },
  'band-overlap': {
    stage: 'compile',
    severity: 'error',
    summary: 'Two bands (or two rows of a lookup table) share some values, so a score could land in both.',
    render: (d) =>
      p(d, 'of') === 'lookup'
        ? {
            id: `Baris ${p(d, 'a')} dan ${p(d, 'b')} pada tabel lookup tumpang tindih.`,
            en: `Rows ${p(d, 'a')} and ${p(d, 'b')} of the lookup table overlap.`,
          }
        : {
            id: `Band ${p(d, 'a')} dan ${p(d, 'b')} tumpang tindih.`,
            en: `Bands ${p(d, 'a')} and ${p(d, 'b')} overlap.`,
          },
  },
  'band-gap': {
    stage: 'compile',
    severity: 'error',
    summary: 'Bands leave values uncovered and no `gaps: { policy }` says where those values go.',
    render: (d) => ({
      id: `Ada celah ${show(d.received)} di antara band: tutup celahnya, atau nyatakan \`gaps: { policy: reject | lower | upper | round }\`.`,
      en: `There is a gap ${show(d.received)} between bands: close it, or declare \`gaps: { policy: reject | lower | upper | round }\`.`,
    }),
  },
  'matrix-incomplete': {
    stage: 'compile',
    severity: 'error',
    summary: 'The predicate matrix does not cover every pair of ratings.',
    render: (d) => ({
      id: `Matriks predikat tidak memiliki sel untuk ${show(d.received)}.`,
      en: `The predicate matrix has no cell for ${show(d.received)}.`,
    }),
  },
  'duplicate-id': {
    stage: 'compile',
    severity: 'error',
    summary: 'The same id (or alias) is declared twice.',
    render: (d) => ({
      id: `Id ${show(d.received)} dideklarasikan lebih dari sekali.`,
      en: `Id ${show(d.received)} is declared more than once.`,
    }),
  },
  'unreachable-outcome': {
    stage: 'compile',
    severity: 'error',
    summary:
      'An outcome condition can never be true: inside one `all` it needs values this rubric never gives together (two different predikat levels, a level or rating no band or matrix cell gives, a flag nothing raises). A condition that names a predikat level or rating that is not declared at all is `operator-value` instead.',
    render: (d) => ({
      id: `Tindak lanjut ${p(d, 'outcome')} tidak pernah dapat terpenuhi: ${whyId(d)}.`,
      en: `Outcome ${p(d, 'outcome')} can never be met: ${p(d, 'why')}.`,
    }),
  },
  'invalid-structure': {
    stage: 'compile',
    severity: 'error',
    summary:
      'The rubric’s parts do not fit together (e.g. a group with neither indicators nor items, a predicate with both bands and a matrix).',
    render: (d) => ({
      id: `Struktur rubrik tidak konsisten: ${whyId(d)}.`,
      en: `The rubric’s structure is inconsistent: ${p(d, 'why')}.`,
    }),
  },
  'invalid-measure': {
    stage: 'compile',
    severity: 'error',
    summary: 'A measure is not well formed (e.g. a piecewise table out of order, a scale with no entries).',
    render: (d) => ({
      id: `Cara ukur tidak sah: ${whyId(d)}.`,
      en: `Invalid measure: ${p(d, 'why')}.`,
    }),
  },
  // evaluate
  'missing-input': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'The appraisal lacks a value the rubric needs.',
    render: (d) => ({
      id: `Data penilaian tidak memuat ${showId(d.expected)}.`,
      en: `The appraisal has no ${show(d.expected)}.`,
    }),
  },
  'ambiguous-input': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'The data gives more than one of a `one-of` measure’s alternative field sets (e.g. both a normal and a lower-is-better target), so which one counts cannot be told.',
    render: (d) => ({
      id: `Data memuat lebih dari satu set isian alternatif (${showId(d.received)}); isi tepat satu dari ${showId(d.expected)}.`,
      en: `The data gives more than one alternative field set (${show(d.received)}); give exactly one of ${show(d.expected)}.`,
    }),
  },
  'missing-alternative': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'The data gives none of a `one-of` measure’s alternative field sets.',
    render: (d) => ({
      id: `Data tidak memuat satu pun set isian alternatif; isi tepat satu dari ${showId(d.expected)}.`,
      en: `The data gives none of the alternative field sets; give exactly one of ${show(d.expected)}.`,
    }),
  },
  'invalid-input': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'An appraisal value has the wrong type, is not a finite number, or is outside what its measure takes (a negative target or realisation of an achievement measure; a range whose lower bound is above its upper bound).',
    render: (d) => ({
      id: `Nilai ${show(d.received)} tidak sah; diharapkan ${showId(d.expected)}.`,
      en: `Value ${show(d.received)} is not valid; expected ${show(d.expected)}.`,
    }),
  },
  'missing-fact': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'A condition reads a fact or path that has no value for this appraisal; the rule is undetermined, never a silent false.',
    render: (d) => ({
      id: p(d, 'rule')
        ? `Fakta ${showId(d.expected)} tidak memiliki nilai, padahal aturan rubrik di ${p(d, 'rule')} membacanya; aturan itu tidak dapat diputuskan.`
        : `Fakta ${showId(d.expected)} tidak memiliki nilai; aturan ini tidak dapat diputuskan.`,
      en: p(d, 'rule')
        ? `Fact ${show(d.expected)} has no value, but the rubric's rule at ${p(d, 'rule')} reads it; that rule cannot be decided.`
        : `Fact ${show(d.expected)} has no value; this rule cannot be decided.`,
    }),
  },
  'fact-type': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'A fact read by a condition has a type its operator cannot compare.',
    render: (d) => ({
      id: `Operator ${p(d, 'operator')} memerlukan ${showId(d.expected)}, fakta bernilai ${show(d.received)}.`,
      en: `Operator ${p(d, 'operator')} needs ${show(d.expected)}; the fact is ${show(d.received)}.`,
    }),
  },
  'division-by-zero': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'A ratio has a target of zero.',
    render: (d) => ({
      id: `Target ${p(d, 'field')} bernilai 0, rasio tidak dapat dihitung.`,
      en: `Target ${p(d, 'field')} is 0; the ratio cannot be computed.`,
    }),
  },
  'unknown-rating': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'A rating value is not on the rubric’s rating scale.',
    render: (d) => ({
      id: `Rating ${show(d.received)} tidak dikenal; yang ada: ${showId(d.expected)}.`,
      en: `Rating ${show(d.received)} is not known; known: ${show(d.expected)}.`,
    }),
  },
  'rating-out-of-scale': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'A rater’s number lies outside the rating scale its `raters` measure declares (`range`, e.g. 0 or −40 on a 1–5 scale): it would pull the combined score anywhere.',
    render: (d) => ({
      id: `Rating ${show(d.received)} di luar skala rating yang dinyatakan rubrik, ${showId(d.expected)}.`,
      en: `Rating ${show(d.received)} is outside the rating scale the rubric declares, ${show(d.expected)}.`,
    }),
  },
  'input-out-of-range': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'A number a `value` measure reads lies outside the range that measure declares (`range`, e.g. a coverage goal of −90 or 9000 where "(0, 100]" is declared): it would be scored as if it were sound.',
    render: (d) => ({
      id: `Nilai ${show(d.received)} pada ${p(d, 'field')} di luar rentang yang dinyatakan rubrik untuknya, ${showId(d.expected)}.`,
      en: `Value ${show(d.received)} of ${p(d, 'field')} is outside the range the rubric declares for it, ${show(d.expected)}.`,
    }),
  },
  'unknown-indicator': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'The appraisal gives data for an indicator or group the rubric does not have.',
    render: (d) => ({
      id: `Indikator ${show(d.received)} tidak ada dalam rubrik${d.params?.nearest !== undefined ? `; mungkin maksudnya ${show(d.params.nearest)}` : ''}${d.expected !== undefined ? `; yang ada: ${showId(d.expected)}` : ''}.`,
      en: `Indicator ${show(d.received)} is not in the rubric${d.params?.nearest !== undefined ? `; did you mean ${show(d.params.nearest)}` : ''}${d.expected !== undefined ? `; known: ${show(d.expected)}` : ''}.`,
    }),
  },
  'data-misplaced': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      "The appraisal gives data for a group or indicator of the rubric in the wrong place (a group's list of targets under `inputs`, an indicator under `targets`, or a group of indicators as one entry), so it would not be read.",
    render: (d) => {
      const id = show(d.received);
      switch (p(d, 'belongs')) {
        case 'targets':
          return {
            id: `Kelompok ${id} membaca daftar targetnya dari \`targets\`, bukan dari \`${p(d, 'given')}\`: data ini tidak akan dibaca. Pindahkan ke \`targets\`.`,
            en: `Group ${id} reads its list of targets from \`targets\`, not from \`${p(d, 'given')}\`: this data would not be read. Move it to \`targets\`.`,
          };
        case 'inputs': {
          const addition = d.params?.kind === 'addition';
          return {
            id: `${addition ? 'Tambahan nilai' : 'Indikator'} ${id} membaca datanya dari \`inputs\`, bukan dari \`${p(d, 'given')}\`: data ini tidak akan dibaca. Pindahkan ke \`inputs\`.`,
            en: `${addition ? 'Addition' : 'Indicator'} ${id} reads its data from \`inputs\`, not from \`${p(d, 'given')}\`: this data would not be read. Move it to \`inputs\`.`,
          };
        }
        case 'none':
          return {
            id: `Kelompok ${id} tidak membaca data apa pun dari \`${p(d, 'given')}\`: data ini tidak akan dibaca.`,
            en: `Group ${id} reads no data from \`${p(d, 'given')}\`: this data would not be read.`,
          };
        default:
          return {
            id: `Kelompok ${id} tidak punya data sendiri: berikan data tiap indikatornya di \`inputs\` dengan id indikator (${showId(d.expected)}). Data ini tidak akan dibaca.`,
            en: `Group ${id} has no data of its own: give each of its indicators' data under \`inputs\` by indicator id (${show(d.expected)}). This data would not be read.`,
          };
      }
    },
  },
  'unknown-field': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'An input record (`inputs.<id>`) or listed target (`targets.<group>[i]`) has a field no measure of that indicator or group reads, usually a misspelling; ignored, it could let an optional measure drop out and change the verdict. The message lists the fields the rubric reads there and the nearest match.',
    render: (d) => {
      const near = p(d, 'nearest');
      const none = Array.isArray(d.expected) && d.expected.length === 0;
      // Every field, in full: the one meant is usually in the list, and show() would cut a long list short.
      const read = Array.isArray(d.expected) ? d.expected.join(', ') : show(d.expected);
      return {
        id: `Kolom ${show(d.received)} tidak dibaca oleh rubrik untuk ${p(d, 'owner')}, jadi nilainya akan diabaikan. ${none ? 'Rubrik tidak membaca kolom apa pun di sini' : `Kolom yang dibaca: ${read}`}${near ? `; mungkin yang dimaksud ${JSON.stringify(near)}?` : '.'}`,
        en: `Field ${show(d.received)} is not read by the rubric for ${p(d, 'owner')}, so its value would be ignored. ${none ? 'The rubric reads no field here' : `Fields read: ${read}`}${near ? `; did you mean ${JSON.stringify(near)}?` : '.'}`,
      };
    },
  },
  'supervisor-rating-not-read': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'The appraisal gives a supervisor rating for a group this rubric does not rate by the supervisor (it rates it from its score, or not at all), so the rating would be ignored.',
    render: (d) => {
      const fromScore = d.params?.from === 'score';
      return {
        id: `Rubrik ini tidak memakai rating atasan untuk kelompok ${p(d, 'group')} (${fromScore ? 'ratingnya dihitung dari skor kelompok' : 'kelompok ini tidak diberi rating'}), jadi rating ${show(d.received)} tidak akan dibaca. Hapus rating itu, atau pakai rubrik yang mengambil rating kelompok ini dari atasan.`,
        en: `This rubric does not use a supervisor rating for group ${p(d, 'group')} (${fromScore ? 'its rating is computed from the group score' : 'the group has no rating'}), so the rating ${show(d.received)} would not be read. Leave it out, or use a rubric that takes this group's rating from the supervisor.`,
      };
    },
  },
  'unknown-role': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'A rating comes from a rater role the indicator does not accept.',
    render: (d) => ({
      id: `Peran penilai ${show(d.received)} tidak diterima di sini; yang diterima: ${showId(d.expected)}.`,
      en: `Rater role ${show(d.received)} is not accepted here; accepted: ${show(d.expected)}.`,
    }),
  },
  'self-rating': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'A person rates themselves in a role other than self.',
    render: (d) => ({
      id: `Pegawai ${show(d.received)} menilai dirinya sendiri sebagai ${roleWordId(p(d, 'role'))}.`,
      en: `Employee ${show(d.received)} rates themselves as ${p(d, 'role')}.`,
    }),
  },
  'duplicate-rating': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'One rater rates the same indicator twice.',
    render: (d) => ({
      id: `Penilai ${show(d.received)} menilai indikator yang sama dua kali.`,
      en: `Rater ${show(d.received)} rates the same indicator twice.`,
    }),
  },
  'score-in-gap': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'A score falls between bands and the rubric’s gap policy is `reject`.',
    render: (d) => ({
      id: `Nilai ${show(d.received)} jatuh di celah antarband.`,
      en: `Score ${show(d.received)} falls in a gap between bands.`,
    }),
  },
  'score-out-of-bands': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'A score lies outside every band.',
    render: (d) => ({
      id: `Nilai ${show(d.received)} berada di luar semua band (${showId(d.expected)}).`,
      en: `Score ${show(d.received)} lies outside every band (${show(d.expected)}).`,
    }),
  },
  'not-applicable': {
    stage: 'evaluate',
    severity: 'warning',
    summary:
      'The appraisal gives data for an indicator that does not apply to this employee (its `appliesWhen` is false); the data is ignored.',
    render: (d) => ({
      id: `Indikator ${show(d.received)} tidak berlaku bagi pegawai ini; datanya diabaikan.`,
      en: `Indicator ${show(d.received)} does not apply to this employee; its data is ignored.`,
    }),
  },
  'score-out-of-range': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'A score falls outside the range its rubric declares (e.g. a behaviour rating of 130 on a 0–120 scale).',
    render: (d) => ({
      id: `Nilai ${show(d.received)} di luar rentang yang dinyatakan rubrik ${showId(d.expected)}.`,
      en: `Score ${show(d.received)} is outside the range the rubric declares, ${show(d.expected)}.`,
    }),
  },
  'outside-effective-period': {
    stage: 'evaluate',
    severity: 'warning',
    summary: 'The appraisal period is not within the dates the rubric is in force.',
    render: (d) => ({
      id: `Periode ${show(d.received)} berada di luar masa berlaku rubrik ${showId(d.expected)}.`,
      en: `Period ${show(d.received)} is outside the rubric's effective dates ${show(d.expected)}.`,
    }),
  },
  'invalid-date': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'A date is not a real calendar date, or a period ends before it starts.',
    render: (d) => ({
      id: `Tanggal ${show(d.received)} tidak sah: ${whyId(d)}.`,
      en: `Date ${show(d.received)} is not valid: ${p(d, 'why')}.`,
    }),
  },
  'period-too-long': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'The appraisal period is longer than its `kind` allows (an annual period beyond one calendar year, a quarterly one beyond 3 months, a monthly one beyond 1 month): what is computed from its length (angka kredit, years) would count more than one period. A shorter period is allowed.',
    render: (d) => {
      const kind = p(d, 'kind');
      const limit =
        kind === 'annual'
          ? { id: 'dalam satu tahun kalender', en: 'within one calendar year' }
          : {
              id: `paling lama ${p(d, 'months')} bulan`,
              en: `at most ${p(d, 'months')} month${p(d, 'months') === '1' ? '' : 's'} long`,
            };
      const kindId =
        kind === 'annual'
          ? 'tahunan'
          : kind === 'quarterly'
            ? 'triwulanan'
            : kind === 'monthly'
              ? 'bulanan'
              : kind;
      return {
        id: `Periode ${show(d.received)} terlalu panjang untuk periode ${kindId} (${kind}): periode ${kindId} harus ${limit.id}.`,
        en: `Period ${show(d.received)} is too long for ${kind === 'annual' ? 'an' : 'a'} ${kind} period: it must be ${limit.en}.`,
      };
    },
  },
  'rater-excluded': {
    stage: 'evaluate',
    severity: 'info',
    summary: 'A rater’s ratings were left out because of a declared conflict of interest.',
    render: (d) => ({
      id: `Penilaian dari ${show(d.received)} tidak dihitung karena konflik kepentingan (${p(d, 'kind')}).`,
      en: `Ratings by ${show(d.received)} were left out: conflict of interest (${p(d, 'kind')}).`,
    }),
  },
  'role-short': {
    stage: 'evaluate',
    severity: 'warning',
    summary:
      'A rater role has fewer ratings than the rubric’s minimum; the verdict is pending or the weights renormalised.',
    render: (d) => ({
      id: `Peran ${roleWordId(p(d, 'role'))} hanya memiliki ${show(d.received)} penilaian, minimal ${showId(d.expected)}.`,
      en: `Role ${p(d, 'role')} has ${show(d.received)} ratings; at least ${show(d.expected)} are needed.`,
    }),
  },
  'rating-departs': {
    stage: 'evaluate',
    severity: 'warning',
    summary: 'The rating the supervisor gave differs from the rating the evidence suggests.',
    render: (d) => ({
      id: `Rating yang diberikan ${show(d.received)} berbeda dari rating yang disarankan bukti ${showId(d.expected)}.`,
      en: `The given rating ${show(d.received)} differs from the rating the evidence suggests, ${show(d.expected)}.`,
    }),
  },
  'rater-divergence': {
    stage: 'evaluate',
    severity: 'warning',
    summary:
      'The supervisor’s rating departs from the consensus of the other raters by more than the rubric’s threshold; the indicator is flagged for review.',
    render: (d) => ({
      id: `Rating atasan ${show(d.received)} untuk ${p(d, 'indicator')} menyimpang dari konsensus penilai lain ${showId(d.expected)} lebih dari ${p(d, 'threshold')}; perlu ditinjau.`,
      en: `The supervisor’s rating ${show(d.received)} for ${p(d, 'indicator')} departs from the other raters’ consensus ${show(d.expected)} by more than ${p(d, 'threshold')}; it needs review.`,
    }),
  },
  'rater-uncalibrated': {
    stage: 'evaluate',
    severity: 'info',
    summary:
      'The rubric calibrates ratings against each rater’s history, but this rater has none in `raterStats`; the rating is used as given.',
    render: (d) => ({
      id: `Penilai ${show(d.received)} tidak memiliki riwayat penilaian (raterStats); nilainya dipakai tanpa kalibrasi.`,
      en: `Rater ${show(d.received)} has no rating history (raterStats); the rating is used uncalibrated.`,
    }),
  },
  // batch (@kinerja/batch: spreadsheet and JSON exports scored row by row)
  'mapping-invalid': {
    stage: 'validate',
    severity: 'error',
    summary:
      'A batch mapping file (portal columns → appraisal fields) is wrong: an unknown key or appraisal path, a value of the wrong kind.',
    render: (d) => ({
      id: `Pemetaan kolom tidak sah: ${p(d, 'detailId') || p(d, 'detail')}.`,
      en: `The column mapping is not valid: ${p(d, 'detail')}.`,
    }),
  },
  'column-missing': {
    stage: 'validate',
    severity: 'error',
    summary:
      'A column the mapping names is not in the header row of the input file; no row of the file is scored.',
    render: (d) => ({
      id: `Kolom ${showId(d.expected)} yang disebut pemetaan tidak ada di baris judul${p(d, 'near') ? `; mungkin ${p(d, 'near')}` : ''}.`,
      en: `Column ${show(d.expected)} named by the mapping is not in the header row${p(d, 'near') ? `; did you mean ${p(d, 'near')}` : ''}.`,
    }),
  },
  'column-duplicate': {
    stage: 'validate',
    severity: 'error',
    summary:
      'The header row of the input file has the same column name twice, so a mapping cannot tell them apart.',
    render: (d) => ({
      id: `Nama kolom ${show(d.received)} muncul dua kali di baris judul.`,
      en: `Column name ${show(d.received)} appears twice in the header row.`,
    }),
  },
  'csv-syntax': {
    stage: 'parse',
    severity: 'error',
    summary:
      'A CSV record cannot be read: an unterminated quote, text after a closing quote, or more cells than the header.',
    render: (d) => {
      const why = csvSyntaxWords(d);
      return {
        id: `Baris CSV tidak dapat dibaca: ${why.id}.`,
        en: `The CSV record cannot be read: ${why.en}.`,
      };
    },
  },
  'cell-invalid': {
    stage: 'validate',
    severity: 'error',
    summary:
      'A cell cannot be read as the type the mapping gives its column (number, integer, boolean, date in the declared format).',
    render: (d) => ({
      id: `Sel kolom "${p(d, 'column')}" berisi ${show(d.received)}, bukan ${cellTypeId(p(d, 'type'))}${p(d, 'why') ? ` (${whyId(d)})` : ''}.`,
      en: `Cell of column "${p(d, 'column')}" holds ${show(d.received)}, not a ${p(d, 'type')}${p(d, 'why') ? ` (${p(d, 'why')})` : ''}.`,
    }),
  },
  'nip-mangled': {
    stage: 'validate',
    severity: 'error',
    summary:
      'A NIP cell is not 18 digits written as text: a spreadsheet turned it into a number (1.98501E+17) or cut digits. Refused, never converted.',
    render: (d) => ({
      id: `NIP di kolom "${p(d, 'column')}" berbentuk ${show(d.received)}, bukan 18 digit teks; kemungkinan dirusak spreadsheet (format sel sebagai Teks lalu ekspor ulang).`,
      en: `NIP in column "${p(d, 'column')}" reads ${show(d.received)}, not 18 digits as text; a spreadsheet probably mangled it (format the cells as Text and export again).`,
    }),
  },
  'cell-missing': {
    stage: 'validate',
    severity: 'error',
    summary:
      'A cell the row needs is empty: e.g. a rating value whose rater, role or indicator column is blank.',
    render: (d) => ({
      id: `Sel kolom "${p(d, 'column')}" kosong, padahal ${p(d, 'neededId') || p(d, 'needed')}.`,
      en: `Cell of column "${p(d, 'column')}" is empty, but ${p(d, 'needed')}.`,
    }),
  },
  'group-key-missing': {
    stage: 'validate',
    severity: 'error',
    summary:
      'A row of a long-format file (mapping `groupBy`) has an empty key cell, so it cannot be placed in an appraisal.',
    render: (d) => ({
      id: `Kolom kunci "${p(d, 'column')}" kosong: baris ini tidak dapat digabung ke penilaian mana pun (groupBy).`,
      en: `Key column "${p(d, 'column')}" is empty: this row cannot be placed in any appraisal (groupBy).`,
    }),
  },
  'group-disagrees': {
    stage: 'validate',
    severity: 'error',
    summary:
      'The rows of one appraisal in a long-format file hold different values in a column that has one value per appraisal.',
    render: (d) => ({
      id: `Kolom "${p(d, 'column')}" berisi ${show(d.received)}, padahal ${p(d, 'first')} dari penilaian yang sama berisi ${showId(d.expected)}; baris satu penilaian harus sama di kolom ini.`,
      en: `Column "${p(d, 'column')}" holds ${show(d.received)}, but ${p(d, 'first')} of the same appraisal holds ${show(d.expected)}; the rows of one appraisal must agree in this column.`,
    }),
  },
  'group-split': {
    stage: 'validate',
    severity: 'error',
    summary:
      'A key of a long-format file comes back after other keys: the rows of one appraisal must follow each other. The returning rows are not scored.',
    render: (d) => ({
      id: `Kunci ${show(d.received)} sudah dipakai di ${p(d, 'earlierId') || p(d, 'earlier')} dan penilaiannya sudah selesai di sana; baris satu penilaian harus berurutan (urutkan ekspor menurut ${p(d, 'columns')}). Baris ini tidak dinilai.`,
      en: `Key ${show(d.received)} was already used at ${p(d, 'earlier')} and its appraisal ended there; the rows of one appraisal must follow each other (sort the export by ${p(d, 'columns')}). This row is not scored.`,
    }),
  },
  'group-too-large': {
    stage: 'validate',
    severity: 'error',
    summary:
      'More consecutive rows share one key than an appraisal can have; `groupBy` most likely names the wrong columns.',
    render: (d) => ({
      id: `Lebih dari ${p(d, 'max')} baris berturut-turut berkunci ${show(d.received)}; periksa kolom groupBy (${p(d, 'columns')}). Baris-baris ini tidak dinilai.`,
      en: `More than ${p(d, 'max')} consecutive rows share key ${show(d.received)}; check the groupBy columns (${p(d, 'columns')}). These rows are not scored.`,
    }),
  },
  'sheet-missing': {
    stage: 'parse',
    severity: 'error',
    summary: 'The workbook has no worksheet with the name or position the mapping or `--sheet` gives.',
    render: (d) => ({
      id: `Buku kerja tidak memiliki lembar ${show(d.received)}; lembar yang ada: ${p(d, 'sheets')}.`,
      en: `The workbook has no worksheet ${show(d.received)}; its worksheets are: ${p(d, 'sheets')}.`,
    }),
  },
  // batch readers: input that must not be read silently (limits, encodings, worksheet layout)
  'csv-record-too-large': {
    stage: 'parse',
    severity: 'error',
    summary:
      'A CSV record grows past the reader’s limit (1 MiB by default) without ending: most often a quote that is never closed, or a file that is not CSV. Reading stops there.',
    render: (d) =>
      p(d, 'quoted') === 'yes'
        ? {
            id: `Sel berkutip yang dibuka di baris ${p(d, 'line')} kolom ${p(d, 'column')} belum ditutup setelah ${showId(d.expected)} karakter: tanda kutip penutupnya kemungkinan hilang. Pembacaan berkas dihentikan di sini.`,
            en: `A quoted cell opened at line ${p(d, 'line')}, column ${p(d, 'column')} is still open after ${show(d.expected)} characters: its closing quote is probably missing. Reading stops here.`,
          }
        : {
            id: `Satu rekaman CSV melebihi ${showId(d.expected)} karakter tanpa akhir baris, di sel yang dimulai di baris ${p(d, 'line')} kolom ${p(d, 'column')}. Pembacaan berkas dihentikan di sini.`,
            en: `A CSV record passes ${show(d.expected)} characters without a line end, in the cell that starts at line ${p(d, 'line')}, column ${p(d, 'column')}. Reading stops here.`,
          },
  },
  'encoding-invalid': {
    stage: 'parse',
    severity: 'error',
    summary:
      'The file is not valid UTF-8 (often Windows-1252 from an older spreadsheet): its bytes are refused, never replaced with �. Save the file as UTF-8.',
    render: (d) => {
      const byte = typeof d.received === 'string' ? d.received : show(d.received);
      // Advice by the kind of file: only a spreadsheet export has Excel's "CSV UTF-8"; a rubric or JSON file is
      // saved from a text editor.
      const text = p(d, 'file') === 'text';
      return {
        id: `Berkas bukan teks UTF-8 yang sah: byte ${byte} di baris ${p(d, 'line')} (posisi byte ${p(d, 'byte')} dari awal berkas). ${text ? 'Simpan ulang berkas sebagai UTF-8 dari penyunting teks (mis. "Simpan dengan Encoding" → UTF-8).' : 'Simpan ulang berkas sebagai UTF-8 (di Excel: "CSV UTF-8").'}`,
        en: `The file is not valid UTF-8 text: byte ${byte} on line ${p(d, 'line')} (byte offset ${p(d, 'byte')} from the start of the file). ${text ? 'Save the file as UTF-8 in your text editor (e.g. "Save with Encoding" → UTF-8).' : 'Save the file as UTF-8 (in Excel: "CSV UTF-8").'}`,
      };
    },
  },
  'header-missing': {
    stage: 'parse',
    severity: 'error',
    summary:
      'A CSV file or worksheet has no header row: it is empty or holds only blank lines, so no column can be found.',
    render: (d) => ({
      id: `${show(d.received)} tidak memiliki baris judul: berkas atau lembarnya kosong (atau hanya berisi baris kosong).`,
      en: `${show(d.received)} has no header row: the file or worksheet is empty (or holds only blank lines).`,
    }),
  },
  'cell-outside-header': {
    stage: 'parse',
    severity: 'error',
    summary:
      'A worksheet row has a value to the right of the header row’s last column; the row is not scored rather than lose the value.',
    render: (d) => ({
      id: `Sel ${p(d, 'cell')} berisi ${show(d.received)}, tetapi baris judul hanya punya ${showId(d.expected)} kolom (sampai kolom ${p(d, 'last')}); beri kolom itu judul atau hapus isinya.`,
      en: `Cell ${p(d, 'cell')} holds ${show(d.received)}, but the header row has only ${show(d.expected)} columns (up to column ${p(d, 'last')}); give that column a header or clear it.`,
    }),
  },
  'cell-merged': {
    stage: 'parse',
    severity: 'error',
    summary:
      'A cell lies inside a merged range: the spreadsheet shows the top-left cell’s value there, but the file stores it only in that cell, so the cell reads as empty. An error when the mapping reads the column, a warning otherwise.',
    render: (d) => ({
      id: `Sel ${p(d, 'cell')} termasuk sel gabungan ${p(d, 'range')}: nilainya hanya tersimpan di ${p(d, 'anchor')}, jadi sel ini terbaca kosong. Pisahkan gabungan sel (Unmerge) dan isi setiap sel.`,
      en: `Cell ${p(d, 'cell')} is inside the merged range ${p(d, 'range')}: its value is stored only in ${p(d, 'anchor')}, so this cell reads as empty. Unmerge the cells and fill each one.`,
    }),
  },
  // Appraisal checks (self role, conflicts, history years, listed targets, shown scores, plain input).
  'self-rating-by-other': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'A rating in the `self` role, where self has a weight, comes from a rater other than the employee (the rater id is not the employee’s NIP); it is refused rather than counted as the self-assessment.',
    render: (d) => ({
      id: `Penilaian diri hanya boleh diberikan oleh pegawai ${showId(d.expected)} sendiri, tetapi penilai ini ${show(d.received)}; penilaian itu ditolak.`,
      en: `A self rating may only come from the employee ${show(d.expected)}, but this rater is ${show(d.received)}; the rating is refused.`,
    }),
  },
  'conflict-rater-unknown': {
    stage: 'evaluate',
    severity: 'warning',
    summary:
      'A declared conflict of interest names a rater who gave no rating in this appraisal, so it leaves nothing out; a typo there would let the conflicted rater’s rating count. The message lists the raters present and the nearest match.',
    render: (d) => {
      const near = p(d, 'nearest');
      return {
        id: `Konflik kepentingan dinyatakan untuk penilai ${show(d.received)}, tetapi tidak ada penilaian dari penilai itu, jadi tidak ada yang dikecualikan. Penilai yang ada: ${showId(d.expected)}${near ? `; mungkin yang dimaksud ${JSON.stringify(near)}?` : '.'}`,
        en: `A conflict of interest is declared for rater ${show(d.received)}, but no rating comes from that rater, so nothing is left out. Raters present: ${show(d.expected)}${near ? `; did you mean ${JSON.stringify(near)}?` : '.'}`,
      };
    },
  },
  'duplicate-history-year': {
    stage: 'evaluate',
    severity: 'error',
    summary: 'The employee’s predikat history gives the same year more than once.',
    render: (d) => ({
      id: `Riwayat predikat pegawai memuat tahun ${show(d.received)} lebih dari sekali.`,
      en: `The employee’s predikat history lists the year ${show(d.received)} more than once.`,
    }),
  },
  'duplicate-target': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'The same target id is listed twice in one group’s targets; the second is refused, not counted again.',
    render: (d) => ({
      id: `Target ${show(d.received)} dicantumkan dua kali di kelompok ${p(d, 'group')}.`,
      en: `Target ${show(d.received)} is listed twice in group ${p(d, 'group')}.`,
    }),
  },
  'no-targets': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'A group scored from listed targets lists none. Its `items.min: 0` allows that, but then the group has no score, and the rubric needs one (the overall score or a rating reads it).',
    render: (d) => ({
      id: `Kelompok ${p(d, 'group')} tidak mencantumkan target. Rubrik membolehkannya (jumlah target paling sedikit 0), tetapi tanpa target kelompok ini tidak bernilai, padahal nilainya diperlukan.`,
      en: `Group ${p(d, 'group')} lists no targets. The rubric allows that (at least 0 targets), but without targets the group has no score, and its score is needed.`,
    }),
  },
  'score-not-representable': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'A score is exact but too large to show as a finite number (e.g. a realisation of 1e308 over a target of 5e-324); it is an error rather than Infinity or null in the result.',
    render: () => ({
      id: `Nilai ini (dihitung tepat) terlalu besar untuk ditampilkan sebagai bilangan terhingga; periksa target dan realisasinya.`,
      en: `This score (computed exactly) is too large to show as a finite number; check its target and realisation.`,
    }),
  },
  'input-not-plain': {
    stage: 'evaluate',
    severity: 'error',
    summary:
      'An appraisal passed to `evaluate` in code is not plain JSON data: an object with a prototype other than Object.prototype or null (a class instance, inherited properties), a getter or setter, a hole in an array, a function, or a value that throws when read (e.g. a Proxy). Only own stored values are read.',
    render: (d) => {
      switch (d.params?.problem) {
        case 'prototype':
          return {
            id: 'Data penilaian di sini bukan objek data biasa: objek ini mewarisi sifat dari purwarupa lain (misalnya objek sebuah kelas), padahal yang dibaca hanya sifat milik objek itu sendiri.',
            en: 'The appraisal data here is not a plain object: it has a prototype other than Object.prototype or null (e.g. a class instance), and only an object’s own properties are read.',
          };
        case 'accessor':
          return {
            id: 'Data penilaian di sini dihitung oleh fungsi saat dibaca, bukan nilai yang tersimpan.',
            en: 'The appraisal data here is a getter or setter, not a stored value.',
          };
        case 'hole':
          return {
            id: 'Larik di sini berlubang: elemen ini tidak ada.',
            en: 'The array has a hole here: this element does not exist.',
          };
        case 'function':
          return {
            id: 'Data penilaian di sini berupa fungsi, bukan data.',
            en: 'The appraisal data here is a function, not data.',
          };
        default:
          return {
            id: 'Data penilaian di sini tidak dapat dibaca: membacanya menimbulkan galat.',
            en: 'The appraisal data here cannot be read: reading it threw an error (e.g. a Proxy).',
          };
      }
    },
  },
  // compile: evaluation order and levels nothing produces
  'read-before-computed': {
    stage: 'compile',
    severity: 'error',
    summary:
      'A measure or condition reads a value no evaluation order can compute before it (its own group’s score, its own score, a circle of reads, a rating while scoring, the overall score, the predikat, flags): every appraisal would lack it. Reads of other groups and indicators are ordered for, whatever their ids.',
    render: (d) => {
      const name = p(d, 'name');
      const order = p(d, 'order');
      const reader: Messages = (() => {
        switch (d.params?.reader) {
          case 'indicator':
            return { id: `indikator ${name}`, en: `indicator ${name}` };
          case 'addition':
            return { id: `tambahan ${name}`, en: `addition ${name}` };
          case 'items':
            return { id: `target kelompok ${name}`, en: `the targets of group ${name}` };
          case 'rating':
            return { id: `rating kelompok ${name}`, en: `the rating of group ${name}` };
          default:
            return { id: 'band predikat', en: 'the predikat bands' };
        }
      })();
      const why: Messages = (() => {
        switch (d.params?.reason) {
          case 'indicator-score':
            return {
              id: `skor indikator baru diketahui setelah indikator itu dinilai: mesin menilai apa yang dibaca suatu bagian lebih dulu (urutan kelompok: ${order}), tetapi indikator tidak dapat mendahului dirinya sendiri, tambahan tidak dapat mendahului indikator kelompoknya, dan dua bagian yang saling membaca tidak dapat saling mendahului`,
              en: `an indicator’s score is known only once it is scored: the engine scores what a part reads before the part (groups in this order: ${order}), but an indicator cannot come before itself, an addition cannot come before its group’s indicators, and two parts that read each other cannot both come first`,
            };
          case 'group-items':
            return {
              id: `ringkasan target kelompok baru diketahui setelah semua targetnya dinilai: kelompok dinilai setelah kelompok yang dibacanya (urutan: ${order}), tetapi tidak setelah dirinya sendiri, dan tidak dalam lingkaran kelompok yang saling membaca`,
              en: `a group’s targets summary is known only once all its targets are scored: a group is scored after the groups it reads (order: ${order}), but not after itself, nor around a circle of groups that read each other`,
            };
          case 'group-score':
            return {
              id: `skor kelompok baru diketahui setelah semua indikator dan tambahannya dinilai: kelompok dinilai setelah kelompok yang dibacanya (urutan: ${order}), tetapi tidak setelah dirinya sendiri, dan tidak dalam lingkaran kelompok yang saling membaca`,
              en: `a group’s score is known only once all its indicators and additions are scored: a group is scored after the groups it reads (order: ${order}), but not after itself, nor around a circle of groups that read each other`,
            };
          case 'group-rating':
            return {
              id: `rating kelompok baru ditetapkan setelah semua kelompok dinilai, masing-masing setelah kelompok yang ratingnya dibaca (urutan: ${order}), tetapi tidak setelah dirinya sendiri, dan tidak dalam lingkaran`,
              en: `groups are rated only after every group is scored, each after the groups whose rating it reads (order: ${order}), but not after itself, nor around a circle`,
            };
          case 'group-whole':
            return {
              id: `data kelompok baru lengkap setelah kelompok itu dinilai dan diberi rating; semua kelompok dinilai dulu (urutan: ${order}), baru kemudian diberi rating`,
              en: `a group’s entry is complete only once the group is scored and rated; every group is scored first (order: ${order}), and only then rated`,
            };
          case 'groups-all':
            return {
              id: 'fakta groups baru lengkap setelah semua kelompok dinilai dan diberi rating',
              en: 'the groups fact is complete only once every group is scored and rated',
            };
          case 'indicators-all':
            return {
              id: 'fakta indicators baru lengkap setelah semua indikator dan tambahan dinilai',
              en: 'the indicators fact is complete only once every indicator and addition is scored',
            };
          case 'score':
            return {
              id: 'skor keseluruhan baru dihitung setelah semua kelompok dinilai dan diberi rating',
              en: 'the overall score is computed only after every group is scored and rated',
            };
          case 'predicate':
            return {
              id: 'predikat ditetapkan paling akhir, dari skor keseluruhan atau rating kelompok; hanya tindak lanjut yang dapat membacanya',
              en: 'the predikat is decided last, from the overall score or the group ratings; only outcomes can read it',
            };
          default:
            return {
              id: 'penanda dipasang selama indikator dinilai (needs-review) dan kelompok diberi rating (rating-departs); daftarnya baru lengkap setelah semua kelompok diberi rating, jadi hanya band predikat dan tindak lanjut yang dapat membacanya',
              en: 'flags are raised while indicators are scored (needs-review) and groups are rated (rating-departs); the list is complete only after every group is rated, so only the predikat bands and outcomes can read it',
            };
        }
      })();
      return {
        id: `${p(d, 'reads')} baru dihitung setelah ${reader.id}, jadi belum diketahui saat dibaca: ${why.id}.`,
        en: `${p(d, 'reads')} is computed after ${reader.en}, so it is not known when read: ${why.en}.`,
      };
    },
  },
  'unproduced-level': {
    stage: 'compile',
    severity: 'warning',
    summary:
      'A declared predikat level is given by no band and no matrix cell, so no appraisal of this rubric can get it (a rubric that extends it, or `employee.previousPredicates`, may still use it).',
    render: (d) => ({
      id: `Predikat ${show(d.received)} dideklarasikan, tetapi tidak ada band atau sel matriks yang menghasilkannya: tidak ada penilaian dengan rubrik ini yang dapat memperolehnya.`,
      en: `Predikat level ${show(d.received)} is declared, but no band or matrix cell gives it: no appraisal under this rubric can get it.`,
    }),
  },
  'raters-unbounded': {
    stage: 'compile',
    severity: 'warning',
    summary:
      'A `raters` measure declares no `range`, so any number a rater gives counts, however far off the scale (0 or −40 on a 1–5 scale). Declare the rating scale, e.g. `range: "[1, 5]"`.',
    render: () => ({
      id: 'Cara ukur raters ini tidak menyatakan `range`: angka berapa pun dari penilai dihitung, sejauh apa pun di luar skala (0 atau −40 pada skala 1–5). Nyatakan skala ratingnya, misalnya `range: "[1, 5]"`.',
      en: 'This raters measure declares no `range`: any number a rater gives counts, however far off the scale (0 or −40 on a 1–5 scale). Declare the rating scale, e.g. `range: "[1, 5]"`.',
    }),
  },
  // Load-time checks of settings a rubric could otherwise carry silently into every appraisal.
  'invalid-time-zone': {
    stage: 'compile',
    severity: 'error',
    summary:
      'The rubric’s `timeZone` is not a time zone the calendar knows: every date-time in an appraisal would be placed nowhere.',
    render: (d) => ({
      id: `Zona waktu ${show(d.received)} tidak dikenal; tulis nama zona IANA, misalnya "Asia/Makassar", "Asia/Jakarta" atau "Asia/Jayapura".`,
      en: `Time zone ${show(d.received)} is not known; write an IANA zone name such as "Asia/Makassar", "Asia/Jakarta" or "Asia/Jayapura".`,
    }),
  },
  'invalid-effective': {
    stage: 'compile',
    severity: 'error',
    summary:
      'The rubric’s `effective` dates are not real calendar days, or `until` comes before `from`: no appraisal could fall inside them.',
    render: (d) =>
      d.params?.problem === 'until-before-from'
        ? {
            id: `Masa berlaku berakhir ${show(d.received)} sebelum dimulai ${showId(d.expected)}: tidak ada penilaian yang dapat berada di dalamnya.`,
            en: `The effective period ends ${show(d.received)} before it starts ${show(d.expected)}: no appraisal could fall inside it.`,
          }
        : {
            id: `Tanggal masa berlaku ${show(d.received)} tidak ada di kalender.`,
            en: `Effective date ${show(d.received)} is not a calendar date.`,
          },
  },
  'min-above-max': {
    stage: 'compile',
    severity: 'error',
    summary:
      'A lower bound (`min`) is above its upper bound (`max`): no value satisfies both (a fact would refuse every value, a clamp would give `min` to every score).',
    render: (d) => ({
      id: `Batas bawah ${show(d.received)} lebih besar daripada batas atas ${showId(d.expected)}: tidak ada nilai yang memenuhi keduanya.`,
      en: `The lower bound ${show(d.received)} is above the upper bound ${show(d.expected)}: no value satisfies both.`,
    }),
  },
  'invalid-fact': {
    stage: 'compile',
    severity: 'error',
    summary:
      'A fact declaration cannot work: its `default` is not a value the fact accepts, an `enum` has no `values`, or `values` / `min` / `max` are given to a type that ignores them.',
    render: (d) => {
      // The words from the `problem` key; the fact's type is in `type`.
      const typeId: Readonly<Record<string, string>> = {
        number: 'angka',
        integer: 'bilangan bulat',
        boolean: 'true atau false',
        string: 'teks',
        enum: 'salah satu dari `values`',
        date: 'tanggal YYYY-MM-DD',
      };
      const typeEn: Readonly<Record<string, string>> = {
        number: 'a number',
        integer: 'an integer',
        boolean: 'true or false',
        string: 'text',
        enum: 'one of `values`',
        date: 'a date YYYY-MM-DD',
      };
      const type = p(d, 'type');
      switch (d.params?.problem) {
        case 'default-type':
          return {
            id: `Nilai bawaan ${show(d.received)} bukan ${typeId[type] ?? type}, jadi setiap penilaian tanpa fakta ini akan ditolak.`,
            en: `The default ${show(d.received)} is not ${typeEn[type] ?? type}, so every appraisal without this fact would be refused.`,
          };
        case 'default-range':
          return {
            id: `Nilai bawaan ${show(d.received)} di luar rentang ${showId(d.expected)}, jadi setiap penilaian tanpa fakta ini akan ditolak.`,
            en: `The default ${show(d.received)} is outside ${show(d.expected)}, so every appraisal without this fact would be refused.`,
          };
        case 'default-not-in-values':
          return {
            id: `Nilai bawaan ${show(d.received)} tidak termasuk \`values\` ${showId(d.expected)}, jadi setiap penilaian tanpa fakta ini akan ditolak.`,
            en: `The default ${show(d.received)} is not among \`values\` ${show(d.expected)}, so every appraisal without this fact would be refused.`,
          };
        case 'enum-without-values':
          return {
            id: 'Fakta bertipe `enum` memerlukan daftar `values`; tanpa daftar itu setiap nilai ditolak.',
            en: 'A fact of type `enum` needs a list of `values`; without it every value is refused.',
          };
        case 'ignored':
          return {
            id: `\`${p(d, 'key')}\` tidak berlaku untuk fakta bertipe ${show(type)} dan akan diabaikan tanpa pemberitahuan; hapus, atau ubah tipenya.`,
            en: `\`${p(d, 'key')}\` does not apply to a fact of type ${show(type)} and would be silently ignored; remove it, or change the type.`,
          };
        default:
          return {
            id: 'Deklarasi fakta ini tidak dapat bekerja.',
            en: 'This fact declaration cannot work.',
          };
      }
    },
  },
  'override-deletes-missing': {
    stage: 'resolve',
    severity: 'error',
    summary:
      '`overrides` deletes (`null`) a key the base rubric does not have, so it deletes nothing: usually a typo.',
    render: (d) => ({
      id: `\`overrides\` menghapus ${show(d.received)}, tetapi rubrik induk tidak memilikinya${d.params?.nearest !== undefined ? `; mungkin maksudnya ${show(d.params.nearest)}` : ''}; yang ada: ${showId(d.expected)}.`,
      en: `\`overrides\` deletes ${show(d.received)}, but the base rubric has no such key${d.params?.nearest !== undefined ? `; did you mean ${show(d.params.nearest)}` : ''}; it has: ${show(d.expected)}.`,
    }),
  },
  'override-misspelt-key': {
    stage: 'resolve',
    severity: 'error',
    summary:
      '`overrides` adds an entry the base rubric does not have, spelt close to one it has and lacking what a new entry needs: usually a typo of the inherited id.',
    render: (d) => {
      const what = p(d, 'what');
      const missing = p(d, 'missing')
        .split(', ')
        .map((k) => show(k));
      const last = missing.pop() ?? '';
      const lacks = (and: string) => (missing.length > 0 ? `${missing.join(', ')} ${and} ${last}` : last);
      return {
        id: `${show(d.received)} bukan ${WHAT_ID[what] ?? what} rubrik induk: \`overrides\` akan menambahkannya sebagai ${WHAT_ID[what] ?? what} baru, tetapi ${lacks('dan')} tidak ada. Mungkin maksudnya ${show(p(d, 'nearest'))}? Yang ada di rubrik induk: ${showId(d.expected)}.`,
        en: `${show(d.received)} is not ${WHAT_EN[what] ?? what} of the base rubric: \`overrides\` would add it as a new one, but it lacks ${lacks('and')}. Did you mean ${show(p(d, 'nearest'))}? The base rubric has: ${show(d.expected)}.`,
      };
    },
  },
  'override-deletes-required': {
    stage: 'resolve',
    severity: 'error',
    summary: '`overrides` deletes (`null`) a key every rubric must have.',
    render: (d) => ({
      id: `\`overrides\` menghapus ${show(d.received)}, padahal bagian itu wajib ada; ganti isinya alih-alih menghapusnya.`,
      en: `\`overrides\` deletes ${show(d.received)}, which is required; replace its content instead of deleting it.`,
    }),
  },
} satisfies Record<string, CodeInfo>;

/** Every stable diagnostic code. One row per code in docs/errors.md. */
export type DiagnosticCode = keyof typeof codes;

/** The catalogue of diagnostic codes with their stage, severity, summary and message templates. */
export const diagnosticCatalogue: Readonly<Record<DiagnosticCode, CodeInfo>> = codes;
