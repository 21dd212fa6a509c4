import { Composer, LineCounter, Parser } from 'yaml';
import { createAstLocator } from './createAstLocator.js';
import type { SourceLocator } from './SourceLocator.js';

/**
 * A {@link SourceLocator} for JSON text.
 *
 * JSON is a YAML 1.2 flow document, so the yaml library's tree doubles as a JSON position
 * index; it is only built on the first `locate` call, keeping clean appraisals at one
 * native `JSON.parse`.
 */
export function createJsonLocator(text: string): SourceLocator {
  return createAstLocator(() => {
    const lineCounter = new LineCounter();
    const tokens = new Parser(lineCounter.addNewLine).parse(text);
    // Lenient on purpose: the text is already known-good JSON; YAML-only quibbles
    // (e.g. keys over 1024 characters) must not stop us from locating values.
    const composer = new Composer({ version: '1.2', schema: 'core', uniqueKeys: false, strict: false });
    let contents: unknown = null;
    for (const doc of composer.compose(tokens, true, text.length)) {
      contents ??= doc.contents;
    }
    return { contents, lineCounter };
  });
}
