import type { AuditReport, Finding } from './auditCohort.js';
import { decimalText } from './decimalText.js';
import type { DisparityAudit, GroupRate } from './groupDisparity.js';
import type { Interval } from './stats/Interval.js';
import type { SpreadTest } from './stats/spreadTest.js';

type Lang = 'id' | 'en';

const words = {
  title: { id: 'Laporan audit penilaian kinerja', en: 'Appraisal audit report' },
  cohort: { id: 'Kohort', en: 'Cohort' },
  appraisals: { id: 'penilaian', en: 'appraisals' },
  ratings: { id: 'rating', en: 'ratings' },
  raters: { id: 'penilai', en: 'raters' },
  findings: { id: 'Temuan', en: 'Findings' },
  none: { id: 'Tidak ada temuan.', en: 'Nothing flagged.' },
  leniency: { id: 'Kemurahan / kekerasan penilai', en: 'Rater leniency / severity' },
  central: { id: 'Kecenderungan tengah', en: 'Central tendency' },
  halo: { id: 'Efek halo', en: 'Halo' },
  agreement: {
    id: 'Kesepakatan antarpenilai (alpha Krippendorff)',
    en: "Inter-rater agreement (Krippendorff's alpha)",
  },
  divergence: { id: 'Atasan dibanding rekan kerja', en: 'Supervisor versus peers' },
  disparity: { id: 'Disparitas antarkelompok', en: 'Group disparity' },
  curve: { id: 'Kurva distribusi (SE MenPAN-RB 3/2023)', en: 'Distribution curve (SE MenPAN-RB 3/2023)' },
  method: { id: 'Metode', en: 'Method' },
  margin: { id: 'margin', en: 'margin' },
  rater: { id: 'Penilai', en: 'Rater' },
  ratees: { id: 'Dinilai', en: 'Ratees' },
  estimate: { id: 'Estimasi', en: 'Estimate' },
  interval: { id: 'Interval', en: 'Interval' },
  flag: { id: 'Tanda', en: 'Flag' },
  indicator: { id: 'Indikator', en: 'Indicator' },
  units: { id: 'Unit', en: 'Units' },
  group: { id: 'Kelompok', en: 'Group' },
  rate: { id: 'Tingkat', en: 'Rate' },
  ratio: { id: 'Rasio', en: 'Ratio' },
  warnings: { id: 'Peringatan', en: 'Warnings' },
  roleGap: {
    id: 'Rata-rata selisih semua atasan terhadap rekan',
    en: 'Mean gap of all supervisors to peers',
  },
  fits: { id: 'sesuai pola', en: 'fits the pattern' },
  misses: {
    id: 'tidak sesuai; orang yang harus dipindah predikatnya',
    en: 'off the pattern; people to move',
  },
  infeasible: {
    id: 'pola tidak mungkin dipenuhi dengan jumlah ini',
    en: 'the pattern cannot be met with this head count',
  },
  bound: { id: 'Batas', en: 'Bound' },
  count: { id: 'Jumlah', en: 'Count' },
  rounding: { id: 'pembulatan', en: 'rounding' },
  org: { id: 'predikat organisasi', en: 'organisation predikat' },
  spread: { id: 'sebaran normal antarpenilai', en: 'normal spread between raters' },
  spreadSe: { id: 'galat baku τ̂²', en: 'standard error of τ̂²' },
  pOneSided: { id: 'p (satu sisi)', en: 'p (one-sided)' },
  detectable: { id: 'Pergeseran terdeteksi', en: 'Detectable shift' },
  rubric: { id: 'Rubrik', en: 'Rubric' },
  input: { id: 'Masukan', en: 'Input' },
  seed: { id: 'Benih bootstrap', en: 'Bootstrap seed' },
  seedNote: {
    id: 'rubrik, masukan, opsi, dan benih yang sama memberi laporan yang sama persis',
    en: 'the same rubric, input, options and seed give the same report, byte for byte',
  },
  findingsNote: {
    id: 'Temuan adalah alasan untuk memeriksa, bukan putusan. Penilai: bandingkan nilainya dengan nilai penilai lain untuk orang yang sama dan minta penjelasannya sebelum bertindak. Disparitas: rasio dampak menunjukkan bahwa hasil berbeda antarkelompok, bukan sebabnya; periksa apakah kelompok berbeda dalam hal yang dibaca aturan (jabatan, pangkat, masa kerja) sebelum menyebut aturan itu tidak adil. Kurva: jumlah orang yang harus dipindah adalah hitungan, bukan nama.',
    en: "A finding is a reason to look, not a verdict. A rater: read their ratings next to the other raters' of the same people and ask them why before acting. A disparity: an impact ratio shows that outcomes differ between groups, not why; check whether the groups differ in what the rule reads (position, rank, years in rank) before calling the rule unfair. The curve: the people to move are a count, not names.",
  },
  disparityNote: {
    id: 'Rasio di bawah 4/5 yang signifikan menunjukkan hasil yang tidak setara antarkelompok, bukan diskriminasi: sebabnya bisa perbedaan yang sah dalam hal yang dibaca aturan.',
    en: 'A significant ratio below 4/5 shows unequal outcomes between groups, not discrimination: the cause may be a legitimate difference in what the rule reads.',
  },
  notAudited: { id: 'tidak diaudit', en: 'not audited' },
  smallSample: {
    id: 'sampel kecil: lihat peringatan di bagian kemurahan/kekerasan',
    en: 'small sample: see the warning under leniency',
  },
  smallSampleDivergence: {
    id: 'sampel kecil: lihat peringatan di bagian atasan dibanding rekan kerja',
    en: 'small sample: see the warning under supervisor versus peers',
  },
  inconclusive: {
    id: 'Tidak dapat disimpulkan (kelompok terlalu kecil; peringatan, bukan putusan)',
    en: 'Inconclusive (group too small; a warning, not a verdict)',
  },
  selected: { id: 'terpilih', en: 'selected' },
  gap: { id: 'Selisih', en: 'Gap' },
  baseline: { id: 'Acuan', en: 'Baseline' },
  off: { id: 'Meleset', en: 'Off' },
  notChecked: {
    id: 'tidak diperiksa: tidak ada orang dengan predikat yang dipetakan ke tingkat SE',
    en: 'not checked: nobody has a predikat mapped to an SE level',
  },
  detectableNote: {
    id: 'Pergeseran terdeteksi: kemurahan atau kekerasan terkecil di luar sebaran normal yang ditandai audit dengan peluang {power} untuk penilai itu. Penilai yang tidak ditandai masih mungkin bergeser kurang dari itu; makin sedikit orang yang dinilainya, makin besar angkanya.',
    en: 'Detectable shift: the smallest leniency or severity beyond the normal spread that the audit flags with probability {power} for that rater. A rater who is not flagged may still be shifted by less; the fewer people they rate, the larger it is.',
  },
} as const;

/** Text on one line: a line break in a name (a unit, a group) would end a table row or a heading. */
const oneLine = (s: string): string => s.replace(/\r\n|\r|\n/g, '\\n');
const cell = (s: string): string => oneLine(s).replace(/\|/g, '\\|');
/** A number as given (an option, a bound), with the decimal separator of `lang`. */
const plain = (x: number, lang: Lang): string => (lang === 'id' ? String(x).replace('.', ',') : String(x));
const percent = (x: number, lang: Lang): string => `${plain(Number((100 * x).toFixed(1)), lang)}%`;

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

type Words = Readonly<Record<Lang, string>>;

/** Evaluation statuses. */
const statusWords: Readonly<Record<string, Words>> = {
  complete: { id: 'lengkap', en: 'complete' },
  pending: { id: 'tertunda', en: 'pending' },
  invalid: { id: 'tidak valid', en: 'invalid' },
};

/** Audit ids in the findings. */
const auditWords: Readonly<Record<Finding['audit'], Words>> = {
  leniency: { id: 'kemurahan/kekerasan', en: 'leniency' },
  'central-tendency': { id: 'kecenderungan tengah', en: 'central-tendency' },
  halo: { id: 'efek halo', en: 'halo' },
  agreement: { id: 'kesepakatan', en: 'agreement' },
  divergence: { id: 'atasan vs rekan', en: 'divergence' },
  disparity: { id: 'disparitas', en: 'disparity' },
  curve: { id: 'kurva', en: 'curve' },
};

/** What a finding's `value` is, `{v}` the number. */
const valueWords: Readonly<Record<Finding['audit'], Words>> = {
  leniency: { id: 'estimasi {v} poin', en: 'estimate {v} points' },
  'central-tendency': { id: 'rasio simpangan baku {v}', en: 'SD ratio {v}' },
  halo: { id: 'estimasi {v}', en: 'estimate {v}' },
  agreement: { id: 'α {v}', en: 'α {v}' },
  divergence: { id: 'estimasi {v} poin', en: 'estimate {v} points' },
  disparity: { id: 'rasio dampak {v}', en: 'impact ratio {v}' },
  curve: { id: '{v} orang harus dipindah', en: '{v} people to move' },
};

/** Flag ids (stable in the JSON) as words. */
const flagWords: Readonly<Record<string, Words>> = {
  lenient: { id: 'terlalu murah', en: 'lenient' },
  severe: { id: 'terlalu keras', en: 'severe' },
  'central-tendency': { id: 'kecenderungan tengah', en: 'central-tendency' },
  halo: { id: 'efek halo', en: 'halo' },
  unreliable: { id: 'tidak andal', en: 'unreliable' },
  'above-consensus': { id: 'di atas konsensus', en: 'above-consensus' },
  'below-consensus': { id: 'di bawah konsensus', en: 'below-consensus' },
  'adverse-impact': { id: 'dampak merugikan', en: 'adverse-impact' },
  'off-pattern': { id: 'tidak sesuai pola', en: 'off-pattern' },
  infeasible: { id: 'pola tidak mungkin dipenuhi', en: 'infeasible' },
};

const kindWords: Readonly<Record<string, Words>> = {
  max: { id: 'maks', en: 'max' },
  min: { id: 'min', en: 'min' },
  'at-least-one': { id: 'minimal satu orang', en: 'at least one person' },
};

const roundingWords: Readonly<Record<string, Words>> = {
  exact: { id: 'tepat (maks dibulatkan ke bawah, min ke atas)', en: 'exact (max floor, min ceil)' },
  nearest: { id: 'terdekat', en: 'nearest' },
  lenient: { id: 'longgar (maks ke atas, min ke bawah)', en: 'lenient (max ceil, min floor)' },
};

const wordOf = (table: Readonly<Record<string, Words>>, key: string, lang: Lang): string =>
  Object.hasOwn(table, key) ? (table[key] as Words)[lang] : key;

/** The methods of the audits in Indonesian (the English ones are the report's own `method`). */
function methodId(report: AuditReport, lang: Lang) {
  const converged = report.leniency.converged;
  return {
    leniency: `model silang penilai × yang dinilai (kuadrat terkecil, gradien konjugat${converged ? '' : ', TIDAK konvergen'}), dikelompokkan per penilai × yang dinilai, interval t gabungan; tanda: uji t satu sisi pada alpha/2 per arah terhadap sebaran normal antarpenilai (Spiegelhalter 2005), derajat bebas Satterthwaite dari ketidakpastian sebaran dan varians residu`,
    central: `simpangan baku (SD) nilai dari penilai ÷ SD nilai dari penilai lain pada unit (yang dinilai, indikator) yang sama; bootstrap klaster atas orang yang dinilai; tanda bila rasionya < ${plain(report.centralTendency.maxSdRatio, lang)} dan batas atas intervalnya < 1`,
    halo: 'rata-rata atas orang yang dinilai dari (simpangan baku (SD) antarindikator − rata-rata SD antarindikator penilai lain); interval t atas orang yang dinilai; tanda bila seluruh interval di bawah −margin',
    agreement:
      'alpha Krippendorff (matriks koinsidensi; rating yang hilang diperbolehkan; unit dengan < 2 rating dibuang; tidak dihitung dari kurang dari 2 unit)',
    divergence:
      'per orang yang dinilai: rata-rata atas indikator dari (nilai atasan − rata-rata nilai penilai konsensus); rata-rata atas orang yang dinilai dikurangi acuan (median selisih atasan lain); interval t gabungan (model silang penilai); tanda: uji t satu sisi pada alpha/2 per arah terhadap sebaran normal antarpenilai, derajat bebas Satterthwaite dari ketidakpastian sebaran, varians residu dan acuan',
  };
}

/**
 * Renders an {@link AuditReport} as Markdown for people, in Bahasa Indonesia (`id`) or English (`en`): the cohort,
 * the findings first (and what is inconclusive), then one section per audit with its method and the people it
 * left out. Rater tables list flagged raters and the five most extreme others, to stay readable on large cohorts
 * (the JSON report has everyone). Flags are shown as words in the report's language; the JSON keeps their ids.
 */
export function formatAuditMarkdown(report: AuditReport, lang: Lang = 'en'): string {
  const w = (k: keyof typeof words) => words[k][lang];
  const id = lang === 'id';
  const num = (x: number | undefined, digits = 2): string => decimalText(x, digits, lang);
  // A decimal comma would make "[0,13, 0,86]" ambiguous: Indonesian separates the ends with a semicolon.
  const ci = (i: Interval | undefined): string =>
    i ? `[${num(i.lower)}${id ? ';' : ','} ${num(i.upper)}]` : '–';
  /** The one-sided p-value on the side the estimate lies. */
  const pOf = (t: SpreadTest | undefined, i: Interval | undefined): string =>
    t && i ? num(i.estimate >= 0 ? t.pAbove : t.pBelow, 4) : '–';
  const findingValue = (f: Finding): string =>
    valueWords[f.audit][lang].replace(
      '{v}',
      f.audit === 'curve'
        ? String(f.value)
        : num(f.value, f.audit === 'agreement' || f.audit === 'disparity' ? 3 : 2),
    );
  const flagWord = (f: string | undefined) => (f === undefined ? '' : wordOf(flagWords, f, lang));
  const methods = id ? methodId(report, lang) : undefined;
  const out: string[] = [`# ${w('title')}`, ''];
  const c = report.cohort;
  out.push(
    `**${w('cohort')}:** ${c.appraisals} ${w('appraisals')} (${Object.entries(c.status)
      .map(
        ([s, n]) =>
          `${wordOf(statusWords, s, lang)} ${n}${s === 'invalid' && n > 0 ? ` — ${w('notAudited')}` : ''}`,
      )
      .join(', ')}), ${c.ratings} ${w('ratings')}, ${c.raters} ${w('raters')}.`,
    '',
  );
  if (c.rubric)
    out.push(
      `**${w('rubric')}:** \`${oneLine(c.rubric.id)}\` ${oneLine(c.rubric.version)} (\`${c.rubric.fingerprint}\`)`,
      '',
    );
  if (c.inputs && c.inputs.length > 0)
    out.push(`**${w('input')}:** ${c.inputs.map((i) => `\`${oneLine(i)}\``).join(', ')}`, '');
  out.push(`**${w('seed')}:** ${c.seed} (${w('seedNote')})`, '', `## ${w('findings')}`, '');
  if (report.findings.length === 0) out.push(w('none'));
  else
    for (const f of report.findings)
      out.push(
        `- **${wordOf(auditWords, f.audit, lang)}** \`${oneLine(f.subject)}\`: ${flagWord(f.flag)} (${findingValue(f)})${f.warnings?.includes('small-sample') ? ` — ${w(f.audit === 'divergence' ? 'smallSampleDivergence' : 'smallSample')}` : ''}`,
      );
  if (report.findings.length > 0) out.push('', w('findingsNote'));
  const inconclusive = (report.disparity?.results ?? []).flatMap((r) =>
    r.groups
      .filter((g) => g.inconclusive)
      .map((g) => ({ r, g, text: `\`${oneLine(`${r.attribute}=${g.value} → ${r.outcome}`)}\`` })),
  );
  if (inconclusive.length > 0) {
    out.push('', `${w('inconclusive')}:`);
    for (const { g, text } of inconclusive)
      out.push(
        `- ${text}: ${id ? 'rasio' : 'ratio'} ${num(g.ratio, 3)}, p (Holm) ${num(g.adjustedP, 4)} — ${smallWhy(g, lang, report.disparity as DisparityAudit, num)}`,
      );
  }
  const detectableHead = (power: number) => `${w('detectable')} (${percent(power, lang)})`;
  const detectableNote = (power: number) => w('detectableNote').replace('{power}', percent(power, lang));
  const raterSection = (
    title: string,
    method: string,
    margin: number | undefined,
    rows: Array<{ rater: string; ratees: number; interval?: Interval; test?: SpreadTest; flag?: string }>,
    power?: number,
  ) => {
    out.push(
      '',
      `## ${title}`,
      '',
      `${w('method')}: ${method}${margin !== undefined ? `; ${w('margin')} ${num(margin, 3)}` : ''}.`,
      '',
    );
    const shown = [...rows.filter((r) => r.flag), ...rows.filter((r) => !r.flag).slice(0, 5)];
    const tested = rows.some((r) => r.test);
    out.push(
      table(
        [
          w('rater'),
          w('ratees'),
          w('estimate'),
          w('interval'),
          ...(tested ? [w('pOneSided')] : []),
          ...(tested && power !== undefined ? [detectableHead(power)] : []),
          w('flag'),
        ],
        shown.map((r) => [
          r.rater,
          String(r.ratees),
          num(r.interval?.estimate),
          ci(r.interval),
          ...(tested ? [pOf(r.test, r.interval)] : []),
          ...(tested && power !== undefined ? [num(r.test?.detectable)] : []),
          flagWord(r.flag),
        ]),
      ),
    );
    if (tested && power !== undefined) out.push('', detectableNote(power));
  };
  const l = report.leniency;
  raterSection(
    w('leniency'),
    `${methods?.leniency ?? l.method}; alpha ${plain(l.alpha, lang)}; ${w('spread')} ${num(l.spread, 3)} (${w('spreadSe')} ${num(l.spread2Se, 4)})`,
    l.margin,
    l.raters,
    l.power,
  );
  const cautions = l.raters.flatMap((r) => r.warnings ?? []).map((x) => oneLine(x.message[lang]));
  if (cautions.length > 0) out.push('', `${w('warnings')}:`, ...cautions.map((x) => `- ${x}`));
  raterSection(
    w('central'),
    methods?.central ?? report.centralTendency.method,
    undefined,
    report.centralTendency.raters,
  );
  raterSection(w('halo'), methods?.halo ?? report.halo.method, report.halo.margin, report.halo.raters);
  out.push(
    '',
    `## ${w('agreement')}`,
    '',
    `${w('method')}: ${methods?.agreement ?? report.agreement.method}.`,
    '',
  );
  out.push(
    table(
      [w('indicator'), w('units'), w('raters'), 'α interval', 'α ordinal'],
      report.agreement.indicators.map((i) => [
        i.indicator,
        String(i.units),
        String(i.raters),
        num(i.alpha.interval?.alpha, 3),
        num(i.alpha.ordinal?.alpha, 3),
      ]),
    ),
  );
  const notComputed = (why: 'too-few-units' | 'no-variation') =>
    report.agreement.indicators.filter((i) => Object.values(i.alpha).some((a) => a?.notComputed === why))
      .length;
  const fewUnits = notComputed('too-few-units');
  const flat = notComputed('no-variation');
  if (fewUnits > 0)
    out.push(
      '',
      id
        ? `α tidak dihitung untuk ${fewUnits} indikator: kurang dari dua orang yang dinilai oleh sedikitnya dua penilai (α dari satu orang hanyalah artefak); bukan temuan.`
        : `α not computed for ${fewUnits} indicator(s): fewer than two people rated by at least two raters (α from one person is an artefact); not a finding.`,
    );
  if (flat > 0)
    out.push(
      '',
      id
        ? `α tidak dihitung untuk ${flat} indikator: semua nilai sama, tidak ada variasi untuk dibandingkan.`
        : `α not computed for ${flat} indicator(s): every value is the same, there is no variation to compare.`,
    );
  const d = report.divergence;
  out.push(
    '',
    `## ${w('divergence')}`,
    '',
    `${w('method')}: ${methods?.divergence ?? d.method}; alpha ${plain(d.alpha, lang)}; ${w('spread')} ${num(d.spread, 3)} (${w('spreadSe')} ${num(d.spread2Se, 4)}); ${w('margin')} ${num(d.margin, 3)}.`,
  );
  if (d.roleGap !== undefined) out.push('', `${w('roleGap')}: ${num(d.roleGap)}.`);
  out.push(
    '',
    table(
      [
        w('rater'),
        w('ratees'),
        w('gap'),
        w('baseline'),
        w('estimate'),
        w('interval'),
        w('pOneSided'),
        detectableHead(d.power),
        w('flag'),
      ],
      d.supervisors.map((s) => [
        s.supervisor,
        String(s.ratees),
        num(s.gap),
        num(s.baseline),
        num(s.interval?.estimate),
        ci(s.interval),
        pOf(s.test, s.interval),
        num(s.test?.detectable),
        flagWord(s.flag),
      ]),
    ),
  );
  if (d.supervisors.some((s) => s.baseline === undefined))
    out.push(
      '',
      id
        ? 'Acuan "–": tidak ada atasan lain untuk dibandingkan, jadi selisih atasan tidak dapat dipisahkan dari kebiasaan peran atasan; tidak diuji.'
        : 'Baseline "–": there is no other supervisor to compare with, so the gap cannot be told from a habit of the supervisor role; not tested.',
    );
  if (d.supervisors.some((s) => s.test)) out.push('', detectableNote(d.power));
  const divergenceCautions = d.supervisors
    .flatMap((s) => s.warnings ?? [])
    .map((x) => oneLine(x.message[lang]));
  if (divergenceCautions.length > 0)
    out.push('', `${w('warnings')}:`, ...divergenceCautions.map((x) => `- ${x}`));
  if (report.disparity) {
    const p = report.disparity;
    const rule = id
      ? `tandai kelompok bila rasio dampaknya terhadap kelompok yang paling diuntungkan di bawah ${plain(p.threshold, lang)} (aturan empat perlima) DAN uji ${p.test === 'mid-p' ? 'Fisher mid-p' : 'eksak Fisher'} dua sisi terhadap kelompok itu memberi p terkoreksi Holm < ${plain(p.alpha, lang)}; kelompok dengan n < ${p.minGroupSize} atau jumlah harapan (terpilih atau tidak, pada tingkat gabungan) < ${p.minExpected} hanya diberi peringatan, bukan putusan`
      : p.rule;
    out.push('', `## ${w('disparity')}`, '', `${w('method')}: ${rule}.`, '', w('disparityNote'));
    for (const r of p.results) {
      const direction = id ? (r.direction === 'adverse' ? 'merugikan' : 'menguntungkan') : r.direction;
      out.push('', `### ${oneLine(r.attribute)} → ${oneLine(r.outcome)} (${direction})`, '');
      out.push(
        table(
          [w('group'), 'n', w('selected'), w('rate'), w('ratio'), 'p', 'p (Holm)', w('flag')],
          r.groups.map((g) => [
            g.value + (g.value === r.reference ? ' *' : ''),
            String(g.n),
            String(g.selected),
            num(g.rate, 3),
            num(g.ratio, 3),
            num(g.pValue, 4),
            num(g.adjustedP, 4),
            g.inconclusive
              ? id
                ? 'tidak dapat disimpulkan'
                : 'inconclusive'
              : g.flagged
                ? flagWord('adverse-impact')
                : g.belowThreshold
                  ? id
                    ? '< 4/5, tidak signifikan'
                    : '< 4/5, n.s.'
                  : '',
          ]),
        ),
      );
      const left: string[] = [];
      if (r.missingAttribute > 0)
        left.push(
          id
            ? `${r.missingAttribute} orang tanpa atribut ${oneLine(r.attribute)}`
            : `${r.missingAttribute} without the attribute ${oneLine(r.attribute)}`,
        );
      if (r.undetermined > 0)
        left.push(
          id
            ? `${r.undetermined} orang yang hasilnya belum ditentukan (tertunda, tidak valid, atau tidak dinilai)`
            : `${r.undetermined} whose outcome is undetermined (pending, invalid or not evaluated)`,
        );
      if (left.length > 0) out.push('', `${id ? 'Tidak disertakan' : 'Left out'}: ${left.join('; ')}.`);
      const warnings = r.warnings.map((x) => oneLine(x.message[lang]));
      if (warnings.length > 0) out.push('', `${w('warnings')}:`, ...warnings.map((x) => `- ${x}`));
    }
  }
  if (report.curve) {
    const k = report.curve;
    out.push(
      '',
      `## ${w('curve')}`,
      '',
      `${w('org')}: **${k.organisation}**; ${w('rounding')}: ${wordOf(roundingWords, k.rounding, lang)}${
        k.majorityFloor ? (id ? '; "sebagian besar" dibaca > 50%' : '; "sebagian besar" read as > 50%') : ''
      }.`,
    );
    const unmapped = Object.entries(k.unmapped);
    const left: string[] = [];
    if (k.withoutPredicate > 0)
      left.push(
        id
          ? `${k.withoutPredicate} orang tanpa predikat (tertunda atau tidak valid)`
          : `${k.withoutPredicate} without a predikat (pending or invalid)`,
      );
    if (unmapped.length > 0)
      left.push(
        `${
          id ? 'predikat yang tidak dipetakan ke tingkat SE' : 'predikat not mapped to an SE level'
        }: ${unmapped.map(([p, n]) => `\`${oneLine(p)}\` ${n}`).join(', ')}`,
      );
    if (left.length > 0) out.push('', `${id ? 'Tidak disertakan' : 'Left out'}: ${left.join('; ')}.`);
    for (const g of k.curves) {
      const name = g.group === '*' ? (id ? '* (seluruh kohort)' : '* (whole cohort)') : oneLine(g.group);
      let verdict: string;
      if (g.n === 0) verdict = w('notChecked');
      else if (!g.feasible)
        verdict = `${w('infeasible')}: ${(g.conflicts ?? [])
          .map((x) =>
            x.kind === 'minima-over-n'
              ? id
                ? `jumlah minimum ${x.minima} > n ${g.n}`
                : `the minima total ${x.minima} > n ${g.n}`
              : id
                ? `${x.levels.join(' + ')} min ${x.min} > maks ${x.max}`
                : `${x.levels.join(' + ')} min ${x.min} > max ${x.max}`,
          )
          .join('; ')}`;
      else verdict = g.fits ? w('fits') : `${w('misses')}: ${g.peopleToMove}`;
      out.push('', `### ${name} (n ${g.n}): ${verdict}`);
      if (g.n === 0) continue;
      out.push(
        '',
        table(
          ['', w('count'), w('bound'), w('off')],
          g.bounds.map((b) => [
            `${b.levels.join(' + ')} ${wordOf(kindWords, b.kind, lang)}${b.percent !== undefined && b.kind !== 'at-least-one' ? ` ${plain(b.percent, lang)}%` : ''}`,
            String(b.count),
            String(b.bound),
            String(b.off),
          ]),
        ),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** What is too small about a group, in words. */
function smallWhy(
  g: GroupRate,
  lang: Lang,
  limits: { minGroupSize: number; minExpected: number },
  num: (x: number | undefined, digits?: number) => string,
): string {
  const id = lang === 'id';
  return (g.smallBecause ?? [])
    .map((b) => {
      if (b === 'n') return `n ${g.n} < ${limits.minGroupSize}`;
      const x = b === 'expected-selected' ? g.expected.selected : g.expected.notSelected;
      const what =
        b === 'expected-selected'
          ? id
            ? 'jumlah harapan terpilih'
            : 'expected selected'
          : id
            ? 'jumlah harapan tidak terpilih'
            : 'expected not selected';
      return `${what} ${num(x, 1)} < ${limits.minExpected} ${id ? '(pada tingkat gabungan)' : '(at the pooled rate)'}`;
    })
    .join('; ');
}
