import type { LawText } from './LawResult.js';

/** Sentences joined language by language, so a result made of several findings stays in one language. */
export function joinLawText(parts: readonly LawText[], separator = '; '): LawText {
  return {
    id: parts.map((p) => p.id).join(separator),
    en: parts.map((p) => p.en).join(separator),
  };
}
