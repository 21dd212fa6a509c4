import {
  type CompiledRubric,
  compileRubric,
  type Interval,
  inInterval,
  parseInterval,
  type Rational,
} from '@kinerja/core';
import { type BandList, bandLists } from '../rubric/bandLists.js';
import { joinLawText } from './joinLawText.js';
import type { LawOptions, LawResult, LawText } from './LawResult.js';

/** One bound that did not land where its bracket says. */
export interface BoundaryViolation {
  /** The band list (JSON pointer into the rubric). */
  readonly bands: string;
  /** The score probed: exactly a finite bound of some band. */
  readonly score: number;
  /** The band whose bound it is, and its range. */
  readonly band: string;
  readonly range: string;
  /** Where the score landed (undefined: in no band). */
  readonly landed: string | undefined;
  /** Where it should have landed, by the brackets. */
  readonly expected: string;
  /** The gap policy that placed it, if one did. */
  readonly gap?: string;
}

const PROBE_APPRAISAL = {
  employee: { nip: '198501012010011001', unit: 'Probe', position: 'Probe' },
  period: { kind: 'annual', start: '2024-01-01', end: '2024-12-31' },
};

/**
 * A one-indicator rubric whose overall score is the input itself (`value` measure, weight 1, no rounding) and
 * whose predicate bands are the band list under test: placing a score through the public API, exactly. `requires`
 * and `otherwise` are left out: they redirect a score after it is placed, and they read facts the probe lacks.
 */
function probeRubric(list: BandList): CompiledRubric | string {
  const r = compileRubric({
    kinerja: 1,
    id: 'boundary-probe',
    version: '0.0.0',
    label: { id: 'Uji batas', en: 'Boundary probe' },
    groups: {
      probe: {
        label: { id: 'Uji', en: 'Probe' },
        indicators: { x: { label: { id: 'Skor', en: 'Score' }, measure: { kind: 'value', input: 'score' } } },
      },
    },
    score: { weights: { probe: 1 } },
    predicate: {
      levels: list.levels,
      bands: list.bands.map((b) => ({ id: b.id, range: b.range })),
      ...(list.gaps ? { gaps: list.gaps } : {}),
    },
  });
  return r.ok ? r.value : r.diagnostics.map((d) => d.code).join(', ');
}

/** A violation with its sentence: the Indonesian one cannot be rebuilt from the violation's English `expected`. */
type Found = [BoundaryViolation, LawText];

function probeList(list: BandList, found: Found[], errors: LawText[]): number {
  const probe = probeRubric(list);
  if (typeof probe === 'string') {
    errors.push({
      id: `${list.pointer}: rubrik uji tidak dapat dikompilasi (${probe})`,
      en: `${list.pointer}: the probe rubric does not compile (${probe})`,
    });
    return 0;
  }
  const parsed = list.bands.flatMap((b) => {
    const iv = parseInterval(b.range);
    return iv ? [{ id: b.id, iv }] : [];
  });
  let runs = 0;
  for (const { id, iv } of parsed) {
    const bounds: Array<[Rational | undefined, boolean]> = [
      [iv.min, iv.minIncluded],
      [iv.max, iv.maxIncluded],
    ];
    for (const [bound, included] of bounds) {
      if (!bound) continue;
      runs++;
      const score = bound.toNumber();
      const e = probe.evaluate({ ...PROBE_APPRAISAL, inputs: { x: { score } } });
      const landed = e.predicate?.id;
      const gap = e.predicateTrace?.band?.gap;
      // Where the bound belongs by the brackets as written: the bands that include it, if any.
      const home = parsed.filter((p) => inInterval(p.iv as Interval, bound)).map((p) => p.id);
      const wrong = included
        ? landed !== id
        : home.length > 0
          ? landed === undefined || !home.includes(landed)
          : landed === id;
      if (wrong) {
        const expected: LawText = included
          ? { id: `di ${id}`, en: `in ${id}` }
          : home.length > 0
            ? { id: `di ${home.join(' atau ')}`, en: `in ${home.join(' or ')}` }
            : { id: `di luar ${id}`, en: `outside ${id}` };
        const v: BoundaryViolation = {
          bands: list.pointer,
          score,
          band: id,
          range: iv.text,
          landed,
          expected: expected.en,
          ...(gap ? { gap } : {}),
        };
        const into = { id: landed ?? 'tidak satu band pun', en: landed ?? 'no band' };
        const by = {
          id: gap ? ` oleh kebijakan celah ${gap}` : '',
          en: gap ? ` by the gap policy ${gap}` : '',
        };
        found.push([
          v,
          {
            id: `${v.bands}: ${score} (batas ${id} ${v.range}) jatuh di ${into.id}${by.id}; seharusnya ${expected.id}`,
            en: `${v.bands}: ${score} (a bound of ${id} ${v.range}) lands in ${into.en}${by.en}; expected ${expected.en}`,
          },
        ]);
      }
    }
  }
  return runs;
}

/**
 * Boundaries: a score exactly on a finite bound of a band lands where the brackets say — in the band when the
 * bound is included (`[`, `]`), outside it when excluded (`(`, `)`). Checked for the predicate bands and every
 * group and target rating band list, by evaluating a probe rubric built from the list (see {@link probeRubric});
 * a gap policy that sends an excluded bound back into its band (bands `[76, 91)` and `(91, inf)` with
 * `gaps: upper` or `lower`: 91 belongs to neither, yet lands in one) is what this catches. Deterministic: no seed.
 */
export function boundaries(compiled: CompiledRubric, options: LawOptions = {}): LawResult {
  const found: Found[] = [];
  const errors: LawText[] = [];
  let runs = 0;
  for (const list of bandLists(compiled.rubric)) runs += probeList(list, found, errors);
  const seed = options.seed ?? 0;
  if (found.length === 0 && errors.length === 0)
    return runs > 0
      ? { law: 'boundaries', ok: true, runs, seed }
      : {
          law: 'boundaries',
          ok: true,
          skipped: true,
          runs,
          seed,
          message: 'no finite band bound to probe',
          text: { id: 'tidak ada batas band berhingga untuk diuji', en: 'no finite band bound to probe' },
        };
  const text = joinLawText([...errors, ...found.map(([, t]) => t)]);
  return {
    law: 'boundaries',
    ok: false,
    runs,
    seed,
    message: text.en,
    text,
    counterexample: found.map(([v]) => v),
  };
}
