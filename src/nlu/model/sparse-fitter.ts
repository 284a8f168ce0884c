/**
 * Fits the sparse heads (the linear intent head and the entity tagger) beside the
 * transformer. They are plain JavaScript and need nothing from the network, while
 * tfjs on wasm keeps one core busy, so on a machine with a second core a worker
 * thread fits them during the transformer's epochs instead of after them. The
 * results are the same either way: the same inputs and the same seeded fits.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SparseLinearHead } from './sparse-linear';
import { fitSparseLinear, type SparseLinearHeadOptions } from './sparse-linear-fit';
import { SparseTagger } from './sparse-tagger';
import { fitSparseTagger, type SparseTaggerOptions, type TaggedSentence } from './sparse-tagger-fit';

export type SparseFitJob =
  | { kind: 'linear'; texts: readonly string[]; labels: readonly number[]; classes: number; options: SparseLinearHeadOptions }
  | { kind: 'tagger'; sentences: readonly TaggedSentence[]; tags: number; options: SparseTaggerOptions };

/** What a worker sends back: the fitted head's arrays, as in the weights file. */
export type SparseFitReply = { id: number; weights: Map<string, Float32Array> } | { id: number; error: string };

/** Runs one job here and returns the head's arrays (the worker's side; also the inline path). */
export function runSparseFitJob(job: SparseFitJob): Map<string, Float32Array> {
  return job.kind === 'linear'
    ? fitSparseLinear(job.texts, job.labels, job.classes, job.options).snapshot().weights
    : fitSparseTagger(job.sentences, job.tags, job.options).snapshot().weights;
}

/** A fit that was asked for; `get()` waits for it (or, inline, runs it on first call). */
export interface PendingFit<T> {
  get(): Promise<T>;
}

type Resolver = { resolve: (weights: Map<string, Float32Array>) => void; reject: (error: Error) => void };

const WORKER_ENTRY = path.join(__dirname, `sparse-fit-worker${path.extname(__filename)}`);

/** Whether a second core is there to fit on (tfjs on wasm uses one). */
export function hasSpareCore(): boolean {
  return os.availableParallelism() > 1;
}

export class SparseHeadFitter {
  private worker: Worker | undefined;
  private failure: Error | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Resolver>();

  /** `background`: fit in a worker thread, jobs run in the order asked; otherwise each fit runs when first awaited. */
  constructor(background: boolean) {
    if (background) this.worker = this.startWorker();
  }

  /** Whether the jobs run in a worker thread (false once a worker failed: the rest run inline). */
  get background(): boolean {
    return this.worker !== undefined && this.failure === undefined;
  }

  linear(texts: readonly string[], labels: readonly number[], classes: number, options: SparseLinearHeadOptions): PendingFit<SparseLinearHead> {
    return this.submit({ kind: 'linear', texts, labels, classes, options }, (weights) => SparseLinearHead.fromWeights(weights)!);
  }

  tagger(sentences: readonly TaggedSentence[], tags: number, options: SparseTaggerOptions): PendingFit<SparseTagger> {
    return this.submit({ kind: 'tagger', sentences, tags, options }, (weights) => SparseTagger.fromWeights(weights, options.contextFeatures)!);
  }

  /** Stops the worker; fits not yet collected are dropped. Must be called: a running worker keeps the process alive. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.waiting.clear();
    if (worker) await worker.terminate();
  }

  private submit<T>(job: SparseFitJob, rebuild: (weights: Map<string, Float32Array>) => T): PendingFit<T> {
    const inline = () => Promise.resolve().then(() => rebuild(runSparseFitJob(job)));
    let fromWorker: Promise<T> | undefined;
    if (this.background) {
      const id = this.nextId++;
      fromWorker = new Promise<Map<string, Float32Array>>((resolve, reject) => {
        this.waiting.set(id, { resolve, reject });
        this.worker!.postMessage({ id, job });
      }).then(rebuild);
      // Awaited later (after the transformer's epochs): handled now, so that an early
      // failure is not reported as an unhandled rejection in the meantime.
      fromWorker.catch(() => undefined);
    }
    let result: Promise<T> | undefined;
    // A worker that fails (it could not start, or ran out of memory) costs time, not the
    // model: the fit then runs here, with the same result.
    return { get: () => (result ??= fromWorker ? fromWorker.catch(inline) : inline()) };
  }

  private startWorker(): Worker {
    // Sources run through tsx (bin/shopdesk.js, jest); a worker thread needs it registered too.
    const register = path.extname(__filename) === '.ts' ? `require(${JSON.stringify(require.resolve('tsx/cjs'))});` : '';
    const worker = new Worker(`${register} require(${JSON.stringify(WORKER_ENTRY)});`, { eval: true });
    // Not unref()'d: while the epochs are done and a fit is awaited, the worker may be the only
    // thing keeping the process alive. Callers close() it (trainNlu does, in a finally block).
    worker.on('message', (reply: SparseFitReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.weights);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`sparse-head worker exited with code ${code}`)));
    return worker;
  }
}
