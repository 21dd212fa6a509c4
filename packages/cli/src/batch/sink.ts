import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { TextSink } from '../CliIo.js';

/**
 * Where batch output goes, with back-pressure: chunks are gathered up to 64 KiB, and when the stream's buffer is
 * full the writer waits for `drain`, so memory does not grow with the output even when the disk or the pipe is
 * slower than scoring.
 */
export class BatchSink {
  private buffer: string[] = [];
  private size = 0;

  private constructor(
    private readonly target: TextSink,
    private readonly file?: WriteStream,
  ) {}

  /** Standard output (or any {@link TextSink}). */
  static of(target: TextSink): BatchSink {
    return new BatchSink(target);
  }

  /** A file, created or truncated; resolves once it is open, rejects when it cannot be. */
  static async toFile(path: string, cwd: string): Promise<BatchSink> {
    const stream = createWriteStream(resolve(cwd, path));
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', fail);
    });
    return new BatchSink(stream, stream);
  }

  /** Queues a chunk; flushes when 64 KiB have gathered. */
  async write(chunk: string): Promise<void> {
    if (chunk === '') return;
    this.buffer.push(chunk);
    this.size += chunk.length;
    if (this.size >= 64 * 1024) await this.flush();
  }

  /**
   * Writes bytes (UTF-8) after what is queued. A stream (a file, the process's stdout) gets them as they are;
   * `written` is called once it no longer needs them, so their buffer can be filled again. A plain text sink
   * gets them decoded.
   */
  async writeBytes(bytes: Uint8Array, written?: () => void): Promise<void> {
    await this.flush();
    const target = this.target;
    if (bytes.length === 0 || !(target instanceof Writable)) {
      if (bytes.length > 0) target.write(decoder.decode(bytes));
      written?.();
      return;
    }
    if (!target.write(bytes, () => written?.()))
      await new Promise<void>((done) => target.once('drain', done));
  }

  /** Writes what is queued and waits for `drain` when the stream asks for it. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    const ok = this.target.write(text);
    const stream = this.target as { once?: (event: string, listener: () => void) => unknown };
    if (ok === false && typeof stream.once === 'function') {
      await new Promise<void>((done) => stream.once?.('drain', done));
    }
  }

  /** Flushes and, for a file, closes it. */
  async close(): Promise<void> {
    await this.flush();
    const file = this.file;
    if (file)
      await new Promise<void>((done, fail) =>
        file.end((error?: Error | null) => (error ? fail(error) : done())),
      );
  }
}

const decoder = new TextDecoder();
