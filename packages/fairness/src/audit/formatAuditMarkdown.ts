import type { AuditReport } from './auditCohort.js';
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
  pOneSided: { id: 'p (satu sisi)', en: 'p (one-sided)' },
  detectable: { id: 'Pergeseran terdeteksi', en: 'Detectable shift' },
  detectableNote: {
    id: 'Pergeseran terdeteksi: kemurahan atau kekerasan terkecil di luar sebaran normal yang ditandai audit dengan peluang {power} untuk penilai itu. Penilai yang tidak ditandai masih mungkin bergeser kurang dari itu; makin sedikit orang yang dinilainya, makin besar angkanya.',
    en: 'Detectable shift: the smallest leniency or severity beyond the normal spread that the audit flags with probability {power} for that rater. A rater who is not flagged may still be shifted by less; the fewer people they rate, the larger it is.',
  },
} as const;

const num = (x: number | undefined, digits = 2): string =>
  x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
const ci = (i: Interval | undefined): string => (i ? `[${num(i.lower)}, ${num(i.upper)}]` : '–');
const cell = (s: string): string => s.replace(/\|/g, '\\|');
/** The one-sided p-value on the side the estimate lies. */
const pOf = (t: SpreadTest | undefined, i: Interval | undefined): string =>
  t && i ? num(i.estimate >= 0 ? t.pAbove : t.pBelow, 4) : '–';
const percent = (x: number): string => `${Number((100 * x).toFixed(1))}%`;

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/**
 * Renders an {@link AuditReport} as Markdown for people, in Bahasa Indonesia (`id`) or English (`en`): the cohort,
 * the findings first, then one section per audit with its method. Rater tables list flagged raters and the five
 * most extreme others, to stay readable on large cohorts (the JSON report has everyone).
 */
export function formatAuditMarkdown(report: AuditReport, lang: Lang = 'en'): string {
  const w = (k: keyof typeof words) => words[k][lang];
  const out: string[] = [`# ${w('title')}`, ''];
  const c = report.cohort;
  out.push(
    `**${w('cohort')}:** ${c.appraisals} ${w('appraisals')} (${Object.entries(c.status)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}), ${c.ratings} ${w('ratings')}, ${c.raters} ${w('raters')}${
      c.rubric ? `; rubric \`${c.rubric.id}\` ${c.rubric.version}` : ''
    }.`,
    '',
    `## ${w('findings')}`,
    '',
  );
  if (report.findings.length === 0) out.push(w('none'));
  else
    for (const f of report.findings)
      out.push(`- **${f.audit}** \`${f.subject}\`: ${f.flag} (${num(f.value)})`);
  const detectableHead = (power: number) => `${w('detectable')} (${percent(power)})`;
  const detectableNote = (power: number) => w('detectableNote').replace('{power}', percent(power));
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
          r.flag ?? '',
        ]),
      ),
    );
    if (tested && power !== undefined) out.push('', detectableNote(power));
  };
  const l = report.leniency;
  raterSection(
    w('leniency'),
    `${l.method}; alpha ${l.alpha}; ${w('spread')} ${num(l.spread, 3)}`,
    l.margin,
    l.raters,
    l.power,
  );
  raterSection(w('central'), report.centralTendency.method, undefined, report.centralTendency.raters);
  raterSection(w('halo'), report.halo.method, report.halo.margin, report.halo.raters);
  out.push('', `## ${w('agreement')}`, '', `${w('method')}: ${report.agreement.method}.`, '');
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
  const d = report.divergence;
  out.push(
    '',
    `## ${w('divergence')}`,
    '',
    `${w('method')}: ${d.method}; alpha ${d.alpha}; ${w('spread')} ${num(d.spread, 3)}; ${w('margin')} ${num(d.margin, 3)}.`,
  );
  if (d.roleGap !== undefined) out.push('', `${w('roleGap')}: ${num(d.roleGap)}.`);
  out.push(
    '',
    table(
      [
        w('rater'),
        w('ratees'),
        'gap',
        'baseline',
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
        s.flag ?? '',
      ]),
    ),
  );
  if (d.supervisors.some((s) => s.test)) out.push('', detectableNote(d.power));
  if (report.disparity) {
    out.push('', `## ${w('disparity')}`, '', `${w('method')}: ${report.disparity.rule}.`);
    for (const r of report.disparity.results) {
      out.push('', `### ${r.attribute} → ${r.outcome} (${r.direction})`, '');
      out.push(
        table(
          [w('group'), 'n', 'selected', w('rate'), w('ratio'), 'p', 'p (Holm)', w('flag')],
          r.groups.map((g) => [
            g.value + (g.value === r.reference ? ' *' : ''),
            String(g.n),
            String(g.selected),
            num(g.rate, 3),
            num(g.ratio, 3),
            num(g.pValue, 4),
            num(g.adjustedP, 4),
            g.flagged ? 'adverse-impact' : g.belowThreshold ? '< 4/5, n.s.' : '',
          ]),
        ),
      );
      if (r.warnings.length > 0) out.push('', `${w('warnings')}:`, ...r.warnings.map((x) => `- ${x}`));
    }
  }
  if (report.curve) {
    const k = report.curve;
    out.push(
      '',
      `## ${w('curve')}`,
      '',
      `${w('org')}: **${k.organisation}**; ${w('rounding')}: ${k.rounding}${k.majorityFloor ? '; sebagian besar > 50%' : ''}.`,
    );
    for (const g of k.curves) {
      out.push(
        '',
        `### ${g.group} (n ${g.n}): ${g.fits ? w('fits') : `${w('misses')}: ${g.peopleToMove}`}${g.feasible ? '' : ` — ${w('infeasible')}`}`,
        '',
        table(
          ['', w('count'), w('bound'), 'off'],
          g.bounds.map((b) => [
            `${b.levels.join(' + ')} ${b.kind}${b.percent !== undefined ? ` ${b.percent}%` : ''}`,
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
