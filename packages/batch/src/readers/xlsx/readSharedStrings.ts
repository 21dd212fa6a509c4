import { parseStream, xmlParser } from './xmlParser.js';

/**
 * The workbook's shared-string table, streamed: one string per `<si>`, the text of its `<t>` runs joined (rich
 * text loses its formatting, not its words). Phonetic guides (`<rPh>`, furigana) are not part of the value.
 */
export async function readSharedStrings(stream: AsyncIterable<Uint8Array | string>): Promise<string[]> {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  const parser = xmlParser({
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0 && current !== undefined;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current ?? '');
        current = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText) current += text;
    },
  });
  for await (const _ of parseStream(stream, parser, () => [])) {
    // the table is filled by the handlers
  }
  return strings;
}
