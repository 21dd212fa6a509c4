import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * A zip read through its central directory (yauzl): any member can be opened in any order, so an XLSX whose
 * shared strings come after its sheets needs no spooling to temporary files, and nothing depends on the order
 * members arrive in a stream.
 */
export interface ZipArchive {
  /** Member names, as the central directory spells them. */
  readonly names: ReadonlySet<string>;
  /**
   * The member's decompressed bytes as a stream; sizes and CRC are checked as it is read. With `maxBytes`, a
   * member that declares more is refused before a byte is inflated (yauzl holds it to what it declares).
   */
  stream(name: string, maxBytes?: number): Promise<Readable>;
  /** The member's whole text, for small parts only (refused above `maxBytes`). */
  text(name: string, maxBytes: number): Promise<string>;
  /** Releases the file descriptor. Safe to call twice. */
  close(): void;
}

/** Raised for a member that is missing, encrypted or too large; the XLSX reader turns it into a diagnostic. */
export class ZipMemberError extends Error {}

/** Opens a zip from a file path (random access, nothing loaded) or from bytes already in memory. */
export async function openZipArchive(source: string | Buffer): Promise<ZipArchive> {
  const options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true };
  const zip =
    typeof source === 'string'
      ? await yauzl.openPromise(source, options)
      : await yauzl.fromBufferPromise(source, options);
  let entries: Map<string, Entry>;
  try {
    entries = await readEntries(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  const member = (name: string): Entry => {
    const entry = entries.get(name);
    if (!entry) throw new ZipMemberError(`the workbook has no part ${name}`);
    if (entry.isEncrypted()) throw new ZipMemberError(`part ${name} is encrypted`);
    return entry;
  };
  const within = (entry: Entry, maxBytes: number | undefined): Entry => {
    if (maxBytes !== undefined && entry.uncompressedSize > maxBytes)
      throw new ZipMemberError(
        `part ${entry.fileName} is ${entry.uncompressedSize} bytes, more than the ${maxBytes} this reader holds in memory`,
      );
    return entry;
  };
  let closed = false;
  return {
    names: new Set(entries.keys()),
    stream: async (name, maxBytes) => zip.openReadStreamPromise(within(member(name), maxBytes)),
    async text(name, maxBytes) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(within(member(name), maxBytes)))
        chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    close() {
      if (closed) return;
      closed = true;
      zip.close();
    },
  };
}

function readEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      // Names are matched without a leading slash; a duplicate keeps the first, as Excel does.
      const name = entry.fileName.replace(/^\/+/, '');
      if (!entries.has(name)) entries.set(name, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}
