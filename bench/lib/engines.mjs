/** Every engine the bench times, by name, as { evaluate(a), async, verdict(result) }. */
import { loadPack } from './rubrics.mjs';
import { kinerjaVerdict } from './verdict.mjs';

const PEER_FILES = {
  'permenpanrb-6-2022': {
    handwritten: 'handwritten-permenpanrb',
    jre: 'jre-permenpanrb',
    zen: 'zen-permenpanrb',
  },
  'pp-46-2011': { handwritten: 'handwritten-pp46', jre: 'jre-pp46', zen: 'zen-pp46' },
};

export const ENGINES = ['handwritten', 'kinerja', 'kinerja-trusted', 'kinerja-score', 'jre', 'zen'];
export const ENGINE_LABEL = {
  handwritten: 'hand-written function',
  kinerja: 'Kinerja evaluate(a)',
  'kinerja-trusted': 'Kinerja evaluate(a, { trusted: true })',
  'kinerja-score': 'Kinerja evaluate(a, { scoreOnly: true })',
  jre: 'json-rules-engine (engine reused)',
  zen: '@gorules/zen-engine (decision reused)',
};

/** Whether @gorules/zen-engine (a native module) loads on this machine; the error text when not. */
export async function zenAvailable() {
  try {
    await import('@gorules/zen-engine');
    return { ok: true };
  } catch (e) {
    return { ok: false, error: String(e?.message ?? e).split('\n')[0] };
  }
}

export async function createEngine(name, pack) {
  if (name.startsWith('kinerja')) {
    const rubric = loadPack(pack);
    const opts =
      name === 'kinerja-trusted'
        ? { trusted: true }
        : name === 'kinerja-score'
          ? { scoreOnly: true }
          : undefined;
    return {
      async: false,
      evaluate: opts ? (a) => rubric.evaluate(a, opts) : (a) => rubric.evaluate(a),
      verdict: kinerjaVerdict,
      predicateOf: (e) => e.predicate?.id,
    };
  }
  const mod = await import(`../peers/${PEER_FILES[pack][name]}.mjs`);
  const peer = mod.createPeer ? mod.createPeer() : mod.peer;
  return { async: peer.async, evaluate: peer.evaluate, verdict: (v) => v, predicateOf: (v) => v.predicate };
}
