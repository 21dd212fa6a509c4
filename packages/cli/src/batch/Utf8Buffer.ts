/**
 * Text gathered as UTF-8 bytes in one growing buffer, with the offset where each piece ends. A chunk's output
 * leaves a worker this way: the buffer is transferred, not copied, the main thread writes its bytes without ever
 * holding them as a string, and then hands the buffer back to be filled again (see `ChunkResult.bytes`).
 */
export class Utf8Buffer {
  private buffer: ArrayBuffer;
  private view: Uint8Array<ArrayBuffer>;
  private used = 0;

  /** @param reuse a buffer to fill, from an earlier chunk; a new one (64 KiB, growing) when absent. */
  constructor(reuse?: ArrayBuffer) {
    this.buffer = reuse ?? new ArrayBuffer(64 * 1024);
    this.view = new Uint8Array(this.buffer);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.used;
  }

  /** Appends `text` as UTF-8; returns the new length. */
  append(text: string): number {
    // A UTF-16 unit never takes more than 3 bytes, so one check makes room for the whole text.
    if (this.view.length - this.used < text.length * 3) this.grow(this.used + text.length * 3);
    this.used += encoder.encodeInto(text, this.view.subarray(this.used)).written;
    return this.used;
  }

  /** The bytes written, a view over the whole buffer's start (transfer `bytes().buffer` to move them). */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.view.subarray(0, this.used);
  }

  private grow(needed: number): void {
    const bigger = new ArrayBuffer(Math.max(needed, 2 * this.buffer.byteLength));
    const view = new Uint8Array(bigger);
    view.set(this.view.subarray(0, this.used));
    this.buffer = bigger;
    this.view = view;
  }
}

const encoder = new TextEncoder();
