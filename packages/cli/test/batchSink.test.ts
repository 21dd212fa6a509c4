import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BatchSink } from '../src/batch/sink.js';

/** A stream slower than its writer: every 64 KiB flush fills its buffer, so the sink waits for 'drain' each time. */
function slowStream(): Writable {
  return new Writable({
    highWaterMark: 1024,
    write(_chunk, _encoding, callback) {
      setImmediate(callback);
    },
  });
}

describe('BatchSink back-pressure', () => {
  it('leaves no listeners behind after many waits for drain', async () => {
    const stream = slowStream();
    const before = { error: stream.listenerCount('error'), close: stream.listenerCount('close') };
    const sink = BatchSink.of(stream);
    const chunk = 'x'.repeat(70 * 1024);
    for (let i = 0; i < 30; i++) await sink.write(chunk);
    await sink.flush();
    // The sink keeps one 'error' listener of its own to remember a failure; the waits add none.
    expect(stream.listenerCount('error')).toBe(before.error + 1);
    expect(stream.listenerCount('close')).toBe(before.close);
    expect(stream.listenerCount('drain')).toBe(0);
  });
});
