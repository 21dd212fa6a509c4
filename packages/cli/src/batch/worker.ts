/**
 * The batch worker thread (emitted as dist/batch-worker.js): compiles the rubric once, then scores each chunk it
 * is sent and posts the formatted result back. Messages are answered in the order they arrive.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type BatchChunk, type WorkerConfig, workerScorer } from './chunkScorer.js';
import type { WorkerReply } from './workerPool.js';

const port = parentPort;
if (!port) throw new Error('batch-worker runs only as a worker thread');
const started = workerScorer(workerData as WorkerConfig);
if (!started.ok) {
  // Without a message listener the thread ends once this is posted.
  port.postMessage({ type: 'failed', message: started.message } satisfies WorkerReply<never>);
} else {
  const score = started.score;
  port.on('message', (message: { id: number; task: BatchChunk }) => {
    const result = score(message.task);
    // The output's buffer moves to the main thread (and comes back later as a spare) instead of being copied.
    port.postMessage({ type: 'done', id: message.id, result } satisfies WorkerReply<unknown>, [
      result.bytes.buffer,
    ]);
  });
}
