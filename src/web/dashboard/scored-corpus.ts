/**
 * The store's reviews, scored once and kept: scoring 24,000 reviews is seconds
 * of CPU, aggregating them for one filter set is milliseconds. Scoring runs in
 * time slices that yield to the event loop, so the server keeps answering
 * while the first dashboard visit waits (it sees progress instead). The
 * corpus is rebuilt when the review table's fingerprint changes or after
 * `maxAgeMs`; a rebuild only scores reviews it has not seen with that text.
 */
import { createReviewScorer, scoreReviewsInSlices, type ReportModel, type ReviewScorer, type ScoredReview } from '../../sentiment';
import type { ReviewRecord } from '../../sentiment';

/** Where the corpus is; what the dashboard shows while it waits. */
export interface CorpusStatus {
  state: 'idle' | 'scoring' | 'ready' | 'failed';
  /** Reviews scored so far in the running build (reused scores are not counted). */
  done: number;
  total: number;
}

export interface CorpusSnapshot {
  /** Increases with every rebuild; cached reports are keyed by it. */
  generation: number;
  scored: readonly ScoredReview[];
  /** The review table's fingerprint when the reviews were read. */
  version: string;
  builtAt: number;
}

export interface ScoredCorpusOptions {
  load: () => Promise<ReviewRecord[]>;
  version: () => Promise<string>;
  maxAgeMs: number;
  sliceMs: number;
  now?: () => number;
  /** After each rebuild: how many reviews were scored and reused, and how long it took. */
  onBuilt?: (info: { generation: number; reviews: number; scored: number; reused: number; ms: number }) => void;
}

/** A rebuild of the scored reviews failed (the database read, usually); `cause` has the reason. */
export class CorpusBuildError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'CorpusBuildError';
  }
}

/** Scored reviews with their freshness; one per dashboard. */
export class ScoredCorpus {
  private snapshot: CorpusSnapshot | undefined;
  private building: Promise<CorpusSnapshot> | undefined;
  private failure: Error | undefined;
  private stale = false;
  private progress = { done: 0, total: 0 };
  private scorer: { model: ReportModel; score: ReviewScorer } | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ScoredCorpusOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether a build runs and how far it is. */
  status(): CorpusStatus {
    const state = this.building ? 'scoring' : this.failure ? 'failed' : this.snapshot ? 'ready' : 'idle';
    return { state, ...this.progress };
  }

  /** Marks the scores out of date: the next request rebuilds (reusing what it can). */
  invalidate(): void {
    this.stale = true;
  }

  /**
   * The snapshot when it is current; otherwise starts a rebuild (if none runs) and returns undefined, so
   * the caller can answer at once with `status()`. Throws the last rebuild's error once, then retries.
   */
  async current(model: ReportModel): Promise<CorpusSnapshot | undefined> {
    if (this.building) return undefined;
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
    const snapshot = this.snapshot;
    if (snapshot && !this.stale && this.scorer?.model === model && this.now() - snapshot.builtAt < this.options.maxAgeMs) {
      // Another request may have started a rebuild while we read the fingerprint.
      if ((await this.options.version()) === snapshot.version && !this.building) return snapshot;
    }
    this.startBuild(model);
    return undefined;
  }

  /** Waits for a current snapshot (rebuilding if needed); rejects with the rebuild's error. */
  async ready(model: ReportModel): Promise<CorpusSnapshot> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const snapshot = await this.current(model);
      if (snapshot) return snapshot;
      await this.building?.catch(() => undefined);
    }
    // Reviews written during every rebuild would keep it stale for ever: the newest complete build will do.
    if (this.snapshot) return this.snapshot;
    return (await this.current(model)) ?? this.building!;
  }

  private startBuild(model: ReportModel): void {
    if (this.building) return;
    this.stale = false;
    this.progress = { done: 0, total: 0 };
    this.building = this.build(model).then(
      (snapshot) => {
        this.snapshot = snapshot;
        this.building = undefined;
        return snapshot;
      },
      (error: unknown) => {
        this.failure = error instanceof CorpusBuildError ? error : new CorpusBuildError('the reviews could not be loaded and scored', { cause: error });
        this.building = undefined;
        throw this.failure;
      },
    );
    // current() reports the failure to the next caller; this keeps it from being an unhandled rejection.
    this.building.catch(() => undefined);
  }

  private async build(model: ReportModel): Promise<CorpusSnapshot> {
    const started = this.now();
    // Fingerprint first: a review written while we read and score makes the next check rebuild again.
    const version = await this.options.version();
    const reviews = await this.options.load();
    const sameModel = this.scorer?.model === model;
    if (!this.scorer || !sameModel) this.scorer = { model, score: createReviewScorer(model) };
    const known = new Map(sameModel ? (this.snapshot?.scored ?? []).map((s) => [s.review.id, s]) : []);
    const scored: ScoredReview[] = new Array(reviews.length);
    const pending: ReviewRecord[] = [];
    const pendingAt: number[] = [];
    reviews.forEach((review, i) => {
      const previous = known.get(review.id);
      // Same text, same model: the judgement holds; rating, date or product may have changed.
      if (previous && previous.review.text === review.text) {
        scored[i] = { ...previous, review };
      } else {
        pending.push(review);
        pendingAt.push(i);
      }
    });
    this.progress = { done: 0, total: pending.length };
    const fresh = await scoreReviewsInSlices(pending, this.scorer.score, {
      sliceMs: this.options.sliceMs,
      onProgress: (done, total) => (this.progress = { done, total }),
    });
    fresh.forEach((s, k) => (scored[pendingAt[k]!] = s));
    const generation = (this.snapshot?.generation ?? 0) + 1;
    const builtAt = this.now();
    this.options.onBuilt?.({ generation, reviews: reviews.length, scored: pending.length, reused: reviews.length - pending.length, ms: builtAt - started });
    return { generation, scored, version, builtAt };
  }
}
