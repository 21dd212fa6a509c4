/**
 * permenpanrb-6-2022 on json-rules-engine 7, the way its README teaches: numbers computed in JS and passed as
 * facts; the rating guide, the behaviour bands, the 3×3 matrix and the outcomes are rules. One Engine, built once
 * and reused for every appraisal (engine.run(facts) per appraisal). Rules that need the predikat run after the
 * matrix rules (priority) and read it as a runtime fact the matrix rule adds in onSuccess.
 */
import { Engine } from 'json-rules-engine';
import {
  ANNUAL_COEFFICIENT,
  fullYears,
  lookup,
  PMR_MATRIX,
  PMR_RATING,
  PREDICATE_PERCENT,
  periodMonths,
  pmrEvidence,
  previousPredicate,
  round2,
} from './common.mjs';

const fact = (f, operator, value) => ({ fact: f, operator, value });
const event = (type, params) => ({ type, params });

export function createEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  // The sample rating guide (PermenPAN-RB 6/2022 p. 97–98): suggestions for hasil kerja, first match wins.
  const atas = { all: [fact('shareAbove', 'greaterThan', 0.5), fact('mainBelowCount', 'equal', 0)] };
  const sesuai = { all: [fact('shareBelow', 'lessThan', 0.5), fact('mainBelowShare', 'lessThan', 0.5)] };
  engine.addRule({
    name: 'hk-di-atas',
    priority: 100,
    conditions: atas,
    event: event('suggest', { group: 'hasil-kerja', rating: 'di-atas' }),
  });
  engine.addRule({
    name: 'hk-sesuai',
    priority: 100,
    conditions: { all: [{ not: atas }, sesuai] },
    event: event('suggest', { group: 'hasil-kerja', rating: 'sesuai' }),
  });
  engine.addRule({
    name: 'hk-di-bawah',
    priority: 100,
    conditions: { all: [{ not: atas }, { not: sesuai }] },
    event: event('suggest', { group: 'hasil-kerja', rating: 'di-bawah' }),
  });
  // Behaviour feedback bands.
  const bands = [
    ['di-bawah', [fact('perilakuScore', 'lessThan', 3.5)]],
    ['sesuai', [fact('perilakuScore', 'greaterThanInclusive', 3.5), fact('perilakuScore', 'lessThan', 4.5)]],
    ['di-atas', [fact('perilakuScore', 'greaterThanInclusive', 4.5)]],
  ];
  for (const [rating, all] of bands) {
    engine.addRule({
      name: `p-${rating}`,
      priority: 100,
      conditions: { all },
      event: event('suggest', { group: 'perilaku', rating }),
    });
  }
  // The 3×3 quadrant: nine rules over the supervisor's ratings.
  for (const [row, cols] of Object.entries(PMR_MATRIX)) {
    for (const [col, predicate] of Object.entries(cols)) {
      engine.addRule({
        name: `matrix-${row}-${col}`,
        priority: 50,
        conditions: { all: [fact('hasilKerjaRating', 'equal', row), fact('perilakuRating', 'equal', col)] },
        event: event('predicate', { id: predicate }),
        onSuccess: (_e, almanac) => almanac.addRuntimeFact('predicate', predicate),
      });
    }
  }
  // Outcomes.
  engine.addRule({
    name: 'pembinaan',
    priority: 10,
    conditions: { all: [fact('predicate', 'in', ['butuh-perbaikan', 'kurang', 'sangat-kurang'])] },
    event: event('outcome', { id: 'pembinaan' }),
  });
  engine.addRule({
    name: 'suksesi',
    priority: 10,
    conditions: { all: [fact('predicate', 'equal', 'sangat-baik')] },
    event: event('outcome', { id: 'suksesi' }),
  });
  engine.addRule({
    name: 'kenaikan-pangkat',
    priority: 10,
    conditions: {
      all: [
        fact('periodKind', 'equal', 'annual'),
        fact('yearsInRank', 'greaterThanInclusive', 4),
        fact('predicate', 'in', ['sangat-baik', 'baik']),
        fact('previousPredicate', 'in', ['sangat-baik', 'baik']),
      ],
    },
    event: event('outcome', { id: 'kenaikan-pangkat' }),
  });
  engine.addRule({
    name: 'angka-kredit',
    priority: 10,
    conditions: { all: [fact('positionType', 'equal', 'fungsional')] },
    event: event('outcome', { id: 'angka-kredit' }),
  });
  return engine;
}

export function createPeer() {
  const engine = createEngine();
  return {
    name: 'json-rules-engine',
    async: true,
    async evaluate(a) {
      const ev = pmrEvidence(a);
      const facts = {
        ...ev,
        hasilKerjaRating: lookup(PMR_RATING, a.supervisorRatings['hasil-kerja']),
        perilakuRating: lookup(PMR_RATING, a.supervisorRatings.perilaku),
        periodKind: a.period.kind,
        yearsInRank: fullYears(a.employee.rankSince, a.period.end),
        previousPredicate: previousPredicate(a.employee.history, Number(a.period.end.slice(0, 4))),
        positionType: a.employee.positionType,
      };
      const { events } = await engine.run(facts);
      const suggested = {};
      const met = { 'angka-kredit': false, 'kenaikan-pangkat': false, pembinaan: false, suksesi: false };
      let predicate = null;
      for (const e of events) {
        if (e.type === 'suggest') suggested[e.params.group] = e.params.rating;
        else if (e.type === 'predicate') predicate = e.params.id;
        else met[e.params.id] = true;
      }
      const flags = [];
      if (facts.hasilKerjaRating !== suggested['hasil-kerja']) flags.push('rating-departs:hasil-kerja');
      if (facts.perilakuRating !== suggested.perilaku) flags.push('rating-departs:perilaku');
      const credit = { met: met['angka-kredit'] };
      if (credit.met) {
        credit.value = round2(
          (PREDICATE_PERCENT[predicate] *
            lookup(ANNUAL_COEFFICIENT, a.employee.functionalLevel) *
            periodMonths(a.period.start, a.period.end)) /
            12,
        );
      }
      return {
        status: 'complete',
        predicate,
        groups: {
          'hasil-kerja': {
            score: ev.hasilKerjaScore,
            rating: facts.hasilKerjaRating,
            suggestedRating: suggested['hasil-kerja'],
          },
          perilaku: {
            score: ev.perilakuScore,
            rating: facts.perilakuRating,
            suggestedRating: suggested.perilaku,
          },
        },
        outcomes: {
          'angka-kredit': credit,
          'kenaikan-pangkat': { met: met['kenaikan-pangkat'] },
          pembinaan: { met: met.pembinaan },
          suksesi: { met: met.suksesi },
        },
        flags,
      };
    },
  };
}
