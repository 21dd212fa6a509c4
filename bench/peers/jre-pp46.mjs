/**
 * pp-46-2011 on json-rules-engine 7: the group scores and the overall score are computed in JS (the same
 * formulas as the hand-written peer) and passed as facts; the band ratings, the predikat and the outcomes are
 * rules. One Engine, reused. The outcomes read the predikat as a runtime fact added by the predicate rule.
 */
import { Engine } from 'json-rules-engine';
import { pp46Scores } from './handwritten-pp46.mjs';

const fact = (f, operator, value) => ({ fact: f, operator, value });
const BANDS = [
  ['sangat-baik', [fact('$', 'greaterThan', 90)]],
  ['baik', [fact('$', 'greaterThan', 75), fact('$', 'lessThanInclusive', 90)]],
  ['cukup', [fact('$', 'greaterThan', 60), fact('$', 'lessThanInclusive', 75)]],
  ['kurang', [fact('$', 'greaterThan', 50), fact('$', 'lessThanInclusive', 60)]],
  ['buruk', [fact('$', 'lessThanInclusive', 50)]],
];

export function createEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const subject of ['skpScore', 'perilakuScore', 'score']) {
    for (const [level, all] of BANDS) {
      const conditions = { all: all.map((c) => ({ ...c, fact: subject })) };
      if (subject === 'score') {
        engine.addRule({
          name: `predicate-${level}`,
          priority: 50,
          conditions,
          event: { type: 'predicate', params: { id: level } },
          onSuccess: (_e, almanac) => almanac.addRuntimeFact('predicate', level),
        });
      } else {
        engine.addRule({
          name: `${subject}-${level}`,
          priority: 50,
          conditions,
          event: { type: 'rating', params: { subject, level } },
        });
      }
    }
  }
  engine.addRule({
    name: 'pembinaan',
    priority: 10,
    conditions: { any: [fact('predicate', 'in', ['kurang', 'buruk'])] },
    event: { type: 'outcome', params: { id: 'pembinaan' } },
  });
  engine.addRule({
    name: 'rujukan-hukuman-disiplin',
    priority: 10,
    conditions: { all: [fact('skpScore', 'lessThan', 50)] },
    event: { type: 'outcome', params: { id: 'rujukan-hukuman-disiplin' } },
  });
  engine.addRule({
    name: 'prestasi-memenuhi-syarat-kp',
    priority: 10,
    conditions: { any: [fact('predicate', 'in', ['sangat-baik', 'baik'])] },
    event: { type: 'outcome', params: { id: 'prestasi-memenuhi-syarat-kp' } },
  });
  return engine;
}

export function createPeer() {
  const engine = createEngine();
  return {
    name: 'json-rules-engine',
    async: true,
    async evaluate(a) {
      // Scores as facts: the same arithmetic as the hand-written function.
      const s = pp46Scores(a);
      const facts = { skpScore: s.skp, perilakuScore: s.perilaku, score: s.score };
      const { events } = await engine.run(facts);
      const rating = {};
      const met = {
        pembinaan: false,
        'prestasi-memenuhi-syarat-kp': false,
        'rujukan-hukuman-disiplin': false,
      };
      let predicate = null;
      for (const e of events) {
        if (e.type === 'rating') rating[e.params.subject] = e.params.level;
        else if (e.type === 'predicate') predicate = e.params.id;
        else met[e.params.id] = true;
      }
      return {
        status: 'complete',
        score: facts.score,
        predicate,
        groups: {
          perilaku: { score: facts.perilakuScore, rating: rating.perilakuScore },
          skp: { score: facts.skpScore, rating: rating.skpScore },
        },
        outcomes: {
          pembinaan: { met: met.pembinaan },
          'prestasi-memenuhi-syarat-kp': { met: met['prestasi-memenuhi-syarat-kp'] },
          'rujukan-hukuman-disiplin': { met: met['rujukan-hukuman-disiplin'] },
        },
        flags: [],
      };
    },
  };
}
