import type { CliIo } from '../CliIo.js';

/**
 * A progress line on stderr (`\r`-rewritten), only when stderr is a terminal, not in CI, and only once the run
 * has taken more than a second: short runs and logs stay clean.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private last = 0;
  private shown = false;

  constructor(private readonly io: CliIo) {
    const stderr = io.stderr as { isTTY?: boolean };
    this.enabled = stderr.isTTY === true && !io.env.CI;
  }

  /** Called after each row; redraws at most five times a second. */
  tick(rows: number, invalid: number): void {
    if (!this.enabled || (rows & 63) !== 0) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.last < 200) return;
    this.last = now;
    const rate = Math.round((rows * 1000) / (now - this.started));
    this.io.stderr.write(`\r${rows} rows, ${invalid} invalid, ${rate} rows/s\x1b[K`);
    this.shown = true;
  }

  /** Removes the line before other stderr output and at the end. */
  clear(): void {
    if (!this.shown) return;
    this.io.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
