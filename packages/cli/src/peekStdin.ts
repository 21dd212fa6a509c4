import type { CliIo } from './CliIo.js';
import { stdinUnreadable } from './readInput.js';

/**
 * Reads standard input only as far as its first character after a byte-order mark and white space, and gives
 * back a stdin that replays what was read before the rest. That character tells an array (a batch) from one
 * appraisal without holding a large piped batch in memory.
 */
export async function peekStdin(
  stdin: CliIo['stdin'],
): Promise<{ first: string | undefined; stdin: AsyncIterable<string | Uint8Array> }> {
  const iterator = stdin[Symbol.asyncIterator]();
  const seen: (string | Uint8Array)[] = [];
  const decoder = new TextDecoder('utf-8');
  let first: string | undefined;
  let done = false;
  try {
    while (first === undefined) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      seen.push(next.value);
      const text = typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
      first = /[^\s\uFEFF]/.exec(text)?.[0];
    }
  } catch (error) {
    throw stdinUnreadable(error);
  }
  return {
    first,
    stdin: {
      async *[Symbol.asyncIterator]() {
        yield* seen;
        if (done) return;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      },
    },
  };
}
