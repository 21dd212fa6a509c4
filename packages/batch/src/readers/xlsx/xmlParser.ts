import { SaxesParser } from 'saxes';

/** What an XLSX part reader wants from the XML: element names without their namespace prefix, and text. */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** A push parser over XML text; `write` and `close` throw on malformed XML. */
export interface XmlParser {
  write(text: string): void;
  close(): void;
}

/** The name after its prefix: `x:row` and `row` are the same element to us, as they are to Excel. */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * saxes (the XML parser exceljs also used), without namespace processing: SpreadsheetML parts are written with
 * a default namespace by Excel and with an `x:` prefix by some .NET writers, and we match local names only.
 * Entities and CDATA are decoded by saxes; DOCTYPE internal subsets are not expanded.
 */
export function xmlParser(handlers: XmlHandlers): XmlParser {
  const parser = new SaxesParser({ xmlns: false });
  const { open, close, text } = handlers;
  if (open)
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  return {
    write: (chunk) => {
      parser.write(chunk);
    },
    close: () => {
      parser.close();
    },
  };
}

/**
 * Feeds a byte stream to a parser as UTF-8 text, handing on what `drain` has ready after each chunk. When the
 * parser throws, what came before the fault is handed on first, so a reader reports the rows it did read.
 */
export async function* parseStream<T>(
  stream: AsyncIterable<Uint8Array | string>,
  parser: XmlParser,
  drain: () => T[],
): AsyncGenerator<T> {
  const decoder = new TextDecoder('utf-8');
  const feed = (text: string, end: boolean): unknown => {
    try {
      parser.write(text);
      if (end) parser.close();
      return undefined;
    } catch (error) {
      return error ?? new Error('malformed XML');
    }
  };
  for await (const chunk of stream) {
    const fault = feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }), false);
    yield* drain();
    if (fault !== undefined) throw fault;
  }
  const fault = feed(decoder.decode(), true);
  yield* drain();
  if (fault !== undefined) throw fault;
}

/** An attribute by its local name (`r:id` and `relationships:id` are both `id`), for prefixed attributes. */
export function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  if (Object.hasOwn(attributes, name)) return attributes[name];
  for (const key of Object.keys(attributes)) if (localName(key) === name) return attributes[key];
  return undefined;
}
