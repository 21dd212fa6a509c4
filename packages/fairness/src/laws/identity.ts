import type { Appraisal, CompiledRubric } from '@kinerja/core';
import fc from 'fast-check';
import { arbitraryAppraisal } from '../arbitrary/arbitraryAppraisal.js';
import { arbitraryNip } from '../arbitrary/arbitraryNip.js';
import { seededShuffle } from '../arbitrary/seededShuffle.js';
import { firstDifference } from '../evaluation/firstDifference.js';
import { verdictOf } from '../evaluation/verdictOf.js';
import { nipConstants } from '../rubric/nipConstants.js';
import type { LawOptions, LawResult, LawText } from './LawResult.js';
import { runProperty } from './runProperty.js';

interface Case {
  readonly appraisal: Appraisal;
  readonly nip: string;
  readonly name: string;
  readonly tag: number;
  readonly shuffle: number;
}

/**
 * The same appraisal under another NIP, another name and other rater ids; and the renaming, old → new. With
 * `keepOrder`, new rater ids sort as the old ones did (a common prefix), so an explanation that lists raters by id
 * lists them alike; without it, ids are renamed freely, which only the verdict must survive.
 */
function renamed(c: Case, keepOrder: boolean): { appraisal: Appraisal; tokens: Map<string, string> } {
  const a = structuredClone(c.appraisal);
  const tokens = new Map<string, string>();
  const oldNip = a.employee.nip;
  if (c.nip !== oldNip) tokens.set(oldNip, c.nip);
  a.employee.nip = c.nip;
  a.employee.name = c.name;
  // A self-rating is given under the employee's own NIP, so it follows the NIP, not the other raters.
  const raters = [...new Set((a.ratings ?? []).map((r) => r.rater))].filter((r) => r !== oldNip);
  for (const [i, r] of raters.entries()) {
    tokens.set(r, keepOrder ? `p${c.tag}.${r}` : `penilai-${c.tag}-${raters.length - i}`);
  }
  const rename = (r: string) => tokens.get(r) ?? r;
  if (a.ratings) a.ratings = a.ratings.map((r) => ({ ...r, rater: rename(r.rater) }));
  if (a.conflicts) a.conflicts = a.conflicts.map((x) => ({ ...x, rater: rename(x.rater) }));
  return { appraisal: a, tokens };
}

function shuffled(c: Case): Appraisal {
  const a = structuredClone(c.appraisal);
  if (a.ratings) a.ratings = seededShuffle(a.ratings, c.shuffle);
  if (a.targets) {
    a.targets = Object.fromEntries(
      Object.entries(a.targets).map(([g, list], i) => [g, seededShuffle(list, c.shuffle + i + 1)]),
    );
  }
  return a;
}

function check(compiled: CompiledRubric, c: Case): LawText | undefined {
  const base = compiled.evaluate(c.appraisal);
  const r = renamed(c, true);
  // Names come back only where the engine echoes them (the NIP, raters in a trace or a diagnostic): map them back.
  let text = JSON.stringify(compiled.evaluate(r.appraisal));
  for (const [from, to] of r.tokens) text = text.replaceAll(JSON.stringify(to), JSON.stringify(from));
  if (text !== JSON.stringify(base)) {
    const d = firstDifference(JSON.parse(JSON.stringify(base)), JSON.parse(text));
    const change = `${JSON.stringify(d?.before)} → ${JSON.stringify(d?.after)}`;
    return {
      id: `mengganti nama pegawai atau penilai mengubah hasil evaluasi di ${d?.pointer}: ${change}`,
      en: `renaming the employee or raters changed the evaluation at ${d?.pointer}: ${change}`,
    };
  }
  const verdict = JSON.parse(JSON.stringify(verdictOf(base)));
  const others: Array<[LawText, Appraisal]> = [
    [
      { id: 'mengganti nama penilai dengan urutan lain', en: 'renaming raters in another order' },
      renamed(c, false).appraisal,
    ],
    [{ id: 'mengubah urutan penilai atau target', en: 'reordering raters or targets' }, shuffled(c)],
  ];
  for (const [how, a] of others) {
    const d = firstDifference(verdict, JSON.parse(JSON.stringify(verdictOf(compiled.evaluate(a)))));
    if (d) {
      const change = `${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`;
      return {
        id: `${how.id} mengubah putusan di ${d.pointer}: ${change}`,
        en: `${how.en} changed the verdict at ${d.pointer}: ${change}`,
      };
    }
  }
  return undefined;
}

/**
 * Identity: who a person is, and who rated them, is not a reason. Renaming the employee (NIP, name) or the raters
 * changes nothing but the echoed names (rater ids renamed so they sort alike, since an explanation may list raters
 * by id); renaming raters so they sort differently, or listing the ratings or the targets in another order,
 * changes no score,
 * rating, predicate, outcome or flag (listed targets are compared sorted by id, since results keep the form's
 * order). New NIPs are random, and now and then one the rubric itself names (see {@link nipConstants}).
 */
export function identity(compiled: CompiledRubric, options: LawOptions = {}): LawResult {
  const named = nipConstants(compiled.rubric);
  const arbitrary = fc.record({
    appraisal: arbitraryAppraisal(compiled, options.appraisal),
    nip: named.length > 0 ? fc.oneof(arbitraryNip(), fc.constantFrom(...named)) : arbitraryNip(),
    name: fc.constantFrom('Yakobus Tefa', 'Nur Aisyah', 'Dewa Ayu Kade'),
    tag: fc.integer({ min: 1, max: 999 }),
    shuffle: fc.integer(),
  });
  return runProperty(
    {
      law: 'identity',
      arbitrary,
      check: (c) => check(compiled, c),
      readable: (c) => ({
        appraisal: c.appraisal,
        renamed: renamed(c, true).appraisal.employee,
        reordered: { ratings: shuffled(c).ratings, targets: shuffled(c).targets },
      }),
    },
    options,
  );
}
