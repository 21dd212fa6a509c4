import { type Transferable, Worker } from 'node:worker_threads';

/** What a worker posts back: a task's result, or why it cannot work at all (then it ends). */
export type WorkerReply<R> = { type: 'done'; id: number; result: R } | { type: 'failed'; message: string };

/**
 * A worker could not start or stopped before answering (an exception, out of memory, `process.exit`). Its message
 * is one line for the user; the batch stops with the output written so far closed.
 */
export class WorkerFailure extends Error {
  /** @param message what happened, one line. */
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>;
}

/**
 * Up to `size` worker threads running one entry file, started lazily: a new thread only when every started one
 * is busy, so a small batch does not pay for threads it would not use. A task goes to the least loaded thread;
 * each thread answers in the order it receives. The first failure rejects every pending task (and later ones),
 * so a caller awaiting results never hangs on a dead thread.
 */
export class WorkerPool<T, R> {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private failure: WorkerFailure | undefined;
  private closing = false;

  /**
   * @param entry the worker's module (see `batchWorkerEntry`)
   * @param workerData sent to each thread once, at its start
   * @param size the most threads to start
   */
  constructor(
    private readonly entry: URL,
    private readonly workerData: unknown,
    private readonly size: number,
  ) {}

  /** Threads started so far. */
  get started(): number {
    return this.slots.length;
  }

  /**
   * Sends a task to a thread; resolves with its result, rejects with a {@link WorkerFailure}. What `transfer`
   * lists (a block's buffer) moves to the thread and is unusable here afterwards.
   */
  run(task: T, transfer: readonly Transferable[] = []): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (result: never) => void, reject });
      slot.worker.postMessage({ id, task }, transfer);
    });
  }

  /** Stops every thread; pending tasks are dropped (their promises stay unsettled unless a failure came first). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pick(): Slot {
    let best: Slot | undefined;
    for (const slot of this.slots) if (!best || slot.pending.size < best.pending.size) best = slot;
    if (best && (best.pending.size === 0 || this.slots.length >= this.size)) return best;
    return this.spawn();
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, {
      workerData: this.workerData,
      // Each thread is a whole V8 heap, and V8 sizes it for throughput, not for a process that runs several.
      // Measured on 200k PermenPAN-RB NDJSON rows, 2 workers (peak RSS of the process): any old-generation cap
      // up to 1 GiB makes V8 grow the old generation by a smaller factor (~285 -> ~208 MiB; 4 GiB, the default
      // here, does not), and a 6 MB young generation saves ~10 MiB more than 12 MB at the same speed (3 MB is
      // slower). 512 MB is far above what a worker holds (the rubric and one chunk, ~30 MB).
      resourceLimits: { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 512 },
    });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: WorkerReply<R>) => {
      if (reply.type === 'failed') return this.fail(new WorkerFailure(reply.message));
      const pending = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      pending?.resolve(reply.result as never);
    });
    worker.on('error', (error: Error) =>
      this.fail(new WorkerFailure(`a scoring worker stopped: ${error.message}`)),
    );
    worker.on('messageerror', (error: Error) =>
      this.fail(new WorkerFailure(`a scoring worker sent a message that cannot be read: ${error.message}`)),
    );
    worker.on('exit', (code: number) => {
      if (this.closing || slot.pending.size === 0) return;
      // A `failed` reply posted just before the exit may still be on its way; let it name the cause first.
      setImmediate(() =>
        this.fail(new WorkerFailure(`a scoring worker exited with code ${code} before it answered`)),
      );
    });
    this.slots.push(slot);
    return slot;
  }

  private fail(error: WorkerFailure): void {
    this.failure ??= error;
    for (const slot of this.slots) {
      for (const pending of slot.pending.values()) pending.reject(this.failure);
      slot.pending.clear();
    }
    void this.close();
  }
}
