import { joinPointer } from '../diagnostics/pointer.js';
import type { Level } from '../schema/rubricSchema.js';
import { BoundedMemo } from '../util/BoundedMemo.js';
import type { CompileContext } from './CompileContext.js';
import { MEMO_MAX_LENGTH, normaliseLabel } from './measures/scale.js';

/** Finds a level (rating or predicate) by id, alias or label, ignoring case, spaces and dashes. */
export interface LevelIndex {
  /** Level ids, best first. */
  readonly ids: readonly string[];
  /** The set of ids. */
  readonly idSet: ReadonlySet<string>;
  /** Level by id. */
  readonly byId: ReadonlyMap<string, Level>;
  /** The id a text names, or undefined. */
  lookup(text: string): string | undefined;
}

/** Indexes levels, refusing two levels that answer to the same spelling. */
export function levelIndex(levels: readonly Level[], pointer: string, ctx: CompileContext): LevelIndex {
  const names = new Map<string, string>();
  const byId = new Map<string, Level>();
  levels.forEach((level, i) => {
    if (byId.has(level.id)) {
      ctx.report({ code: 'duplicate-id', pointer: joinPointer(pointer, i, 'id'), received: level.id });
      return;
    }
    byId.set(level.id, level);
    const spellings = new Set(
      [level.id, level.label.id, level.label.en, ...(level.aliases ?? [])].map(normaliseLabel),
    );
    for (const s of spellings) {
      const other = names.get(s);
      if (other !== undefined && other !== level.id) {
        ctx.report({ code: 'duplicate-id', pointer: joinPointer(pointer, i), received: s });
      }
      names.set(s, level.id);
    }
  });
  const ids = levels.map((l) => l.id);
  const find = (text: string) => names.get(normaliseLabel(text));
  // A spelling as given straight to its id: one lookup per supervisor rating or history entry instead of two
  // (normalising, then the id). Bounded like normaliseLabel's own memo, and only for as short texts.
  const found = new BoundedMemo(find);
  return {
    ids,
    idSet: new Set(ids),
    byId,
    lookup: (text) => (text.length <= MEMO_MAX_LENGTH ? found.get(text) : find(text)),
  };
}
