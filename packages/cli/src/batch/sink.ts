import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { TextSink } from '../CliIo.js';
import { errorReason, OutputError } from '../UsageError.js';

type Listener = (...args: unknown[]) => void;
type Listening = {
  once(event: string, listener: Listener): unknown;
  removeListener(event: string, listener: Listener): unknown;
};
const listens = (t: unknown): t is Listening =>
  typeof (t as Listening | null)?.once === 'function' &&
  typeof (t as Listening | null)?.removeListener === 'function';

/**
 * Where batch output goes, with back-pressure: chunks are gathered up to 64 KiB, and when the stream's buffer is
 * full the writer waits for `drain`, so memory does not grow with the output even when the disk or the pipe is
 * slower than scoring.
 */
export class BatchSink {
  private buffer: string[] = [];
  private size = 0;
  /** The stream's first error: every later write or close reports it as an {@link OutputError}. */
  private failure: unknown;

  private constructor(
    private readonly target: TextSink,
    private readonly file?: WriteStream,
    /** `--out` as given, for messages; undefined for standard output. */
    private readonly name?: string,
  ) {
    // A stream that fails emits 'error' and never 'drain': remembered here, so a write neither crashes the
    // process with a stack nor waits forever.
    if (typeof (target as { on?: unknown }).on === 'function')
      (target as Writable).on('error', (error) => {
        this.failure ??= error;
      });
  }

  /** Standard output (or any {@link TextSink}). */
  static of(target: TextSink): BatchSink {
    return new BatchSink(target);
  }

  /**
   * A file, created or truncated; resolves once it is open, rejects with an {@link OutputError} when it cannot
   * be.
   */
  static async toFile(path: string, cwd: string): Promise<BatchSink> {
    const stream = createWriteStream(resolve(cwd, path));
    try {
      await new Promise<void>((ok, fail) => {
        stream.once('open', () => ok());
        stream.once('error', fail);
      });
    } catch (error) {
      throw new OutputError(path, errorReason(error));
    }
    return new BatchSink(stream, stream, path);
  }

  private check(): void {
    if (this.failure !== undefined) throw new OutputError(this.name, errorReason(this.failure));
  }

  /** Waits until the stream can take more, or has failed. */
  private async drained(): Promise<void> {
    const target = this.target;
    if (!listens(target)) return;
    await new Promise<void>((done) => {
      // Whichever event comes first settles the wait; the other two listeners must go with it, or every drain
      // of a long batch leaves an 'error' and a 'close' listener behind (Node warns after ten).
      const settle = () => {
        target.removeListener('drain', settle);
        target.removeListener('error', settle);
        target.removeListener('close', settle);
        done();
      };
      target.once('drain', settle);
      target.once('error', settle);
      target.once('close', settle);
    });
    this.check();
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
    this.check();
    const target = this.target;
    if (bytes.length === 0 || !(target instanceof Writable)) {
      if (bytes.length > 0) target.write(decoder.decode(bytes));
      written?.();
      return;
    }
    if (!target.write(bytes, () => written?.())) await this.drained();
    this.check();
  }

  /** Writes what is queued and waits for `drain` when the stream asks for it. */
  async flush(): Promise<void> {
    this.check();
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (this.target.write(text) === false) await this.drained();
    this.check();
  }

  /** Flushes and, for a file, closes it; a file that could not be written throws an {@link OutputError}. */
  async close(): Promise<void> {
    const file = this.file;
    try {
      await this.flush();
    } catch (error) {
      file?.destroy();
      throw error;
    }
    if (file)
      await new Promise<void>((done, fail) =>
        file.end((error?: Error | null) =>
          error ? fail(new OutputError(this.name, errorReason(this.failure ?? error))) : done(),
        ),
      );
    this.check();
  }
}

const decoder = new TextDecoder();
