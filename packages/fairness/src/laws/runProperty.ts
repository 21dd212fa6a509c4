import fc from 'fast-check';
import type { LawName, LawOptions, LawResult, LawText } from './LawResult.js';

/** How a law states its property over generated cases of type T. */
export interface PropertySpec<T> {
  /** The law's name. */
  readonly law: LawName;
  /** The generated cases. */
  readonly arbitrary: fc.Arbitrary<T>;
  /** Why the case breaks the law, or undefined when it holds. */
  readonly check: (value: T) => LawText | undefined;
  /** The case as a person reads it (e.g. the appraisal and the change made to it). */
  readonly readable: (value: T) => unknown;
  /** Default number of runs. */
  readonly numRuns?: number;
}

/**
 * Runs a law's property with fast-check and turns the run into a {@link LawResult}: on failure the SHRUNK
 * counterexample (made readable), the reason, the seed and the replay path. The check runs once more on the
 * shrunk case to say why it fails, because fast-check only keeps a boolean.
 */
export function runProperty<T>(spec: PropertySpec<T>, options: LawOptions = {}): LawResult {
  const property = fc.property(spec.arbitrary, (value) => spec.check(value) === undefined);
  const details = fc.check(property, {
    numRuns: options.numRuns ?? spec.numRuns ?? 100,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
  });
  if (!details.failed) return { law: spec.law, ok: true, runs: details.numRuns, seed: details.seed };
  const out: LawResult = { law: spec.law, ok: false, runs: details.numRuns, seed: details.seed };
  if (details.counterexamplePath) out.path = details.counterexamplePath;
  const value = details.counterexample?.[0];
  const say = (text: LawText) => {
    out.message = text.en;
    out.text = text;
  };
  if (value === undefined) {
    const why = String(details.errorInstance ?? 'unknown error');
    say({ id: `properti tidak dapat dijalankan: ${why}`, en: `the property could not run: ${why}` });
    return out;
  }
  try {
    const why = spec.check(value);
    const error = String(details.errorInstance ?? 'failed');
    say(why ?? { id: error, en: error });
  } catch (error) {
    // An engine that throws is a finding too: evaluate promises never to throw for bad data.
    const why = error instanceof Error ? error.message : String(error);
    say({ id: `evaluasi melempar galat: ${why}`, en: `evaluation threw: ${why}` });
  }
  out.counterexample = spec.readable(value);
  return out;
}
