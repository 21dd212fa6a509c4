import type { LawName, LawText } from './LawResult.js';

/**
 * Each law's name as a report prints it. English keeps the law's id, which `--law` and `checkLaws({ only })`
 * take; Bahasa Indonesia names what the law holds, since the id means nothing to a reader of Indonesian.
 */
export const lawLabels: Readonly<Record<LawName, LawText>> = {
  determinism: { id: 'determinisme', en: 'determinism' },
  bounds: { id: 'rentang skor', en: 'bounds' },
  boundaries: { id: 'batas band', en: 'boundaries' },
  monotonicity: { id: 'monotonisitas', en: 'monotonicity' },
  protectedAttributes: { id: 'atribut terlindungi', en: 'protectedAttributes' },
  identity: { id: 'identitas', en: 'identity' },
  reachability: { id: 'keterjangkauan', en: 'reachability' },
};
