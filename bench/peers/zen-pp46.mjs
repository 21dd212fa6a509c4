/**
 * pp-46-2011 as a GoRules ZEN decision graph: an expression node computes every activity's value (quantity,
 * quality, time and cost efficiency with factor 1.76), the SKP, behaviour and overall scores; decision tables hold
 * the additional-duty step table and the bands; an expression node decides the outcomes. Created once, reused.
 */
import { ZenEngine } from '@gorules/zen-engine';
import { chain, expressions, q, table } from './zen-common.mjs';

const eff = (t, r) =>
  `(#.${r} == 0 ? 0 : (1 - #.${r} / #.${t} <= 0.24 ? (1.76 * #.${t} - #.${r}) / #.${t} * 100 : 76 - ((1.76 * #.${t} - #.${r}) / #.${t} * 100 - 100)))`;
const activity = `(#.costTarget == 0 ? (#.quantity * 100 / #.quantityTarget + #.quality * 100 / #.qualityTarget + ${eff('timeTarget', 'time')}) / 3 : (#.quantity * 100 / #.quantityTarget + #.quality * 100 / #.qualityTarget + ${eff('timeTarget', 'time')} + ${eff('costTarget', 'cost')}) / 4)`;

const band = (name, field, out) =>
  table(
    name,
    [['score', field]],
    [['level', out]],
    [
      ['> 90', q('sangat-baik')],
      ['> 75', q('baik')],
      ['> 60', q('cukup')],
      ['> 50', q('kurang')],
      ['', q('buruk')],
    ],
  );

export function graph() {
  return chain(
    table(
      'tugas tambahan',
      [['jumlah', "inputs['tugas-tambahan'].count"]],
      [['nilai', 'extraDuties']],
      [
        ['0', '0'],
        ['[1..3]', '1'],
        ['[4..6]', '2'],
        ['>= 7', '3'],
        ['', '0'],
      ],
    ),
    expressions(
      'scores',
      [
        ['activities', `map(targets.skp, ${activity})`],
        [
          'skp',
          'round(avg($.activities) + extraDuties + (inputs.kreativitas == null ? 0 : inputs.kreativitas.points), 2)',
        ],
        [
          'aspects',
          "filter([inputs['orientasi-pelayanan'], inputs.integritas, inputs.komitmen, inputs.disiplin, inputs['kerja-sama'], inputs.kepemimpinan], # != null)",
        ],
        ['perilaku', 'round(avg(map($.aspects, #.score)), 2)'],
        ['score', 'round(0.6 * $.skp + 0.4 * $.perilaku, 2)'],
      ],
      false,
    ),
    band('nilai SKP', 'skp', 'skpRating'),
    band('nilai perilaku', 'perilaku', 'perilakuRating'),
    band('sebutan', 'score', 'predicate'),
    expressions('outcomes', [
      ['pembinaan', "predicate in ['kurang', 'buruk']"],
      ['rujukan', 'skp < 50'],
      ['prestasi', "predicate in ['sangat-baik', 'baik']"],
    ]),
  );
}

export function createPeer() {
  const decision = new ZenEngine().createDecision(graph());
  return {
    name: 'zen-engine',
    async: true,
    async evaluate(a) {
      const { result: r } = await decision.evaluate({ targets: a.targets, inputs: a.inputs });
      return {
        status: 'complete',
        score: r.score,
        predicate: r.predicate,
        groups: {
          perilaku: { score: r.perilaku, rating: r.perilakuRating },
          skp: { score: r.skp, rating: r.skpRating },
        },
        outcomes: {
          pembinaan: { met: r.pembinaan },
          'prestasi-memenuhi-syarat-kp': { met: r.prestasi },
          'rujukan-hukuman-disiplin': { met: r.rujukan },
        },
        flags: [],
      };
    },
  };
}
