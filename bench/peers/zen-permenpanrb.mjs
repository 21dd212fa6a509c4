/**
 * permenpanrb-6-2022 as a GoRules ZEN decision graph (@gorules/zen-engine 0.54): expression nodes compute the
 * evidence (target achievements, shares, the BerAKHLAK feedback score) and the outcomes; decision tables hold the
 * rating guide, the behaviour bands, the rating spellings, the 3×3 matrix and the angka-kredit factors. The
 * decision is created once and reused; each appraisal is one `decision.evaluate(context)`.
 * The caller derives the calendar facts (years in rank, previous predikat, months) in JS before the call, as
 * the json-rules-engine peer does: ZEN 0.54 has no calendar-month arithmetic in its expression language.
 */
import { ZenEngine } from '@gorules/zen-engine';
import { BERAKHLAK, fullYears, periodMonths, previousPredicate, ROLE_WEIGHT } from './common.mjs';
import { anyOf, chain, expressions, q, table } from './zen-common.mjs';

const FEEDBACK =
  "(type(#.value) == 'number' ? #.value : (lower(trim(#.value)) == 'sangat baik' ? 5 : lower(trim(#.value)) == 'baik' ? 4 : lower(trim(#.value)) == 'cukup' ? 3 : lower(trim(#.value)) == 'kurang' ? 2 : 1))";

function feedbackRows() {
  const rows = [];
  const means = [];
  for (const v of BERAKHLAK) {
    const key = v.replace(/-/g, '_');
    const parts = [];
    const weights = [];
    for (const [role, w] of Object.entries(ROLE_WEIGHT)) {
      const k = `${key}_${role.replace(/-/g, '_')}`;
      rows.push([k, `map(filter(ratings, #.indicator == '${v}' and #.role == '${role}'), ${FEEDBACK})`]);
      parts.push(`(len($.${k}) > 0 ? ${w} * avg($.${k}) : 0)`);
      weights.push(`(len($.${k}) > 0 ? ${w} : 0)`);
    }
    rows.push([`v_${key}`, `(${parts.join(' + ')}) / (${weights.join(' + ')})`]);
    means.push(`$.v_${key}`);
  }
  rows.push(['perilakuScore', `round(avg([${means.join(', ')}]), 2)`]);
  return rows;
}

const SPELLINGS = {
  'di-atas': [
    'di-atas',
    'di atas',
    'diatas',
    'di atas ekspektasi',
    'diatas ekspektasi',
    'di-atas-ekspektasi',
  ],
  sesuai: ['sesuai', 'sesuai ekspektasi', 'sesuai-ekspektasi'],
  'di-bawah': [
    'di-bawah',
    'di bawah',
    'dibawah',
    'di bawah ekspektasi',
    'dibawah ekspektasi',
    'di-bawah-ekspektasi',
  ],
};
const spellingTable = (name, field, out) =>
  table(
    name,
    [['given', field]],
    [['rating', out]],
    Object.entries(SPELLINGS).map(([idv, xs]) => [anyOf(xs), q(idv)]),
  );

export function graph() {
  return chain(
    expressions(
      'evidence',
      [
        ['items', "map(targets['hasil-kerja'], #.realisation * 100 / #.target)"],
        ['mains', "filter(targets['hasil-kerja'], #.main == true)"],
        ['hasilKerjaScore', 'round(avg($.items), 2)'],
        ['shareAbove', 'len(filter($.items, # > 110)) / len($.items)'],
        ['shareBelow', 'len(filter($.items, # < 100)) / len($.items)'],
        ['mainBelowCount', 'len(filter($.mains, #.realisation * 100 / #.target < 100))'],
        ['mainBelowShare', '$.mainBelowCount / len($.mains)'],
        ...feedbackRows(),
        ['hkGiven', "lower(trim(supervisorRatings['hasil-kerja']))"],
        ['pGiven', 'lower(trim(supervisorRatings.perilaku))'],
        ['functionalLevel', "functionalLevel == null ? '' : lower(trim(functionalLevel))"],
        ['periodKind', 'periodKind'],
        ['yearsInRank', 'yearsInRank'],
        ['previousPredicate', 'previousPredicate'],
        ['months', 'months'],
        ['positionType', 'positionType'],
      ],
      false,
    ),
    table(
      'rating guide (hasil kerja)',
      [
        ['share above', 'shareAbove'],
        ['main below', 'mainBelowCount'],
        ['share below', 'shareBelow'],
        ['main share below', 'mainBelowShare'],
      ],
      [['suggested', 'hkSuggested']],
      [
        ['> 0.5', '0', '', '', q('di-atas')],
        ['', '', '< 0.5', '< 0.5', q('sesuai')],
        ['', '', '', '', q('di-bawah')],
      ],
    ),
    table(
      'behaviour bands',
      [['score', 'perilakuScore']],
      [['suggested', 'pSuggested']],
      [
        ['< 3.5', q('di-bawah')],
        ['[3.5..4.5)', q('sesuai')],
        ['>= 4.5', q('di-atas')],
      ],
    ),
    spellingTable('hasil kerja rating', 'hkGiven', 'hasilKerjaRating'),
    spellingTable('perilaku rating', 'pGiven', 'perilakuRating'),
    table(
      'kuadran 3×3',
      [
        ['hasil kerja', 'hasilKerjaRating'],
        ['perilaku', 'perilakuRating'],
      ],
      [['predikat', 'predicate']],
      [
        [q('di-atas'), q('di-atas'), q('sangat-baik')],
        [q('di-atas'), q('sesuai'), q('baik')],
        [q('di-atas'), q('di-bawah'), q('kurang')],
        [q('sesuai'), q('di-atas'), q('baik')],
        [q('sesuai'), q('sesuai'), q('baik')],
        [q('sesuai'), q('di-bawah'), q('kurang')],
        [q('di-bawah'), q('di-atas'), q('butuh-perbaikan')],
        [q('di-bawah'), q('sesuai'), q('butuh-perbaikan')],
        [q('di-bawah'), q('di-bawah'), q('sangat-kurang')],
      ],
    ),
    table(
      'persentase predikat',
      [['predikat', 'predicate']],
      [['persen', 'percent']],
      [
        [q('sangat-baik'), '1.5'],
        [q('baik'), '1'],
        [q('butuh-perbaikan'), '0.75'],
        [q('kurang'), '0.5'],
        [q('sangat-kurang'), '0.25'],
      ],
    ),
    table(
      'koefisien tahunan',
      [['jenjang', 'functionalLevel']],
      [['koefisien', 'coefficient']],
      [
        [q('pemula'), '3.75'],
        [q('terampil'), '5'],
        [q('mahir'), '12.5'],
        [q('penyelia'), '25'],
        [anyOf(['ahli pertama', 'ahli-pertama']), '12.5'],
        [anyOf(['ahli muda', 'ahli-muda']), '25'],
        [anyOf(['ahli madya', 'ahli-madya']), '37.5'],
        [anyOf(['ahli utama', 'ahli-utama']), '50'],
        ['', '0'],
      ],
    ),
    expressions('outcomes', [
      ['pembinaan', "predicate in ['butuh-perbaikan', 'kurang', 'sangat-kurang']"],
      ['suksesi', "predicate == 'sangat-baik'"],
      [
        'kenaikanPangkat',
        "periodKind == 'annual' and yearsInRank >= 4 and predicate in ['sangat-baik', 'baik'] and previousPredicate in ['sangat-baik', 'baik']",
      ],
      ['angkaKredit', "positionType == 'fungsional'"],
      ['angkaKreditValue', '$.angkaKredit ? round(percent * coefficient * months / 12, 2) : null'],
    ]),
  );
}

export function createPeer() {
  const decision = new ZenEngine().createDecision(graph());
  return {
    name: 'zen-engine',
    async: true,
    async evaluate(a) {
      const e = a.employee;
      const { result: r } = await decision.evaluate({
        targets: a.targets,
        ratings: a.ratings,
        supervisorRatings: a.supervisorRatings,
        functionalLevel: e.functionalLevel ?? null,
        positionType: e.positionType,
        periodKind: a.period.kind,
        yearsInRank: fullYears(e.rankSince, a.period.end),
        previousPredicate: previousPredicate(e.history, Number(a.period.end.slice(0, 4))) ?? null,
        months: periodMonths(a.period.start, a.period.end),
      });
      const flags = [];
      if (r.hasilKerjaRating !== r.hkSuggested) flags.push('rating-departs:hasil-kerja');
      if (r.perilakuRating !== r.pSuggested) flags.push('rating-departs:perilaku');
      const credit = { met: r.angkaKredit };
      if (r.angkaKredit) credit.value = r.angkaKreditValue;
      return {
        status: 'complete',
        predicate: r.predicate,
        groups: {
          'hasil-kerja': {
            score: r.hasilKerjaScore,
            rating: r.hasilKerjaRating,
            suggestedRating: r.hkSuggested,
          },
          perilaku: { score: r.perilakuScore, rating: r.perilakuRating, suggestedRating: r.pSuggested },
        },
        outcomes: {
          'angka-kredit': credit,
          'kenaikan-pangkat': { met: r.kenaikanPangkat },
          pembinaan: { met: r.pembinaan },
          suksesi: { met: r.suksesi },
        },
        flags,
      };
    },
  };
}
