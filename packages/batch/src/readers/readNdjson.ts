import type { InputRecord } from '../records.js';
import { lineRecords, readLineBlocks, scanLineBlocks } from './readLineBlocks.js';
import type { ByteSource } from './textChunks.js';

/**
 * Reads NDJSON (JSON Lines): one JSON document per line, `\n` or `\r\n`, blank lines skipped. Yields each line's
 * text with its 1-based line number; memory holds one block of lines at a time. A line over core's parse limit
 * (in UTF-8 bytes) is reported as an `input-too-large` error record without being held. A parallel batch reads
 * the same {@link readLineBlocks} and splits them with the same {@link lineRecords} in its workers, so both give
 * the same records.
 */
export async function* readNdjson(input: ByteSource, file: string): AsyncGenerator<InputRecord> {
  // Views, not copies, decoded at once; blocks of a few dozen lines keep each decoded text small and short-lived.
  for await (const item of scanLineBlocks(input, file, { maxLines: 32 })) {
    if (item.kind === 'lines') yield* lineRecords(item, file);
    else yield item;
  }
}
