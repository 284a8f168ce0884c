/** Shapes of the routing benchmark's input and results. */
import type { ClassificationResult, PriorityAgreement, percentiles } from './metrics';

/** A labelled benchmark message: one line of a routing set. */
export type { LabelledTicketLine as Example } from '../../src/support/routing';

export interface RouterResult {
  name: string;
  queues: ClassificationResult;
  priority: PriorityAgreement;
  latencyMs: ReturnType<typeof percentiles>;
  /** Route step alone (ours: without NLU and sentiment). */
  routeOnlyMs?: ReturnType<typeof percentiles>;
  /** How often each rule (or intent / fallback) decided the queue. */
  rules?: Record<string, number>;
  errors: Array<{ text: string; gold: string; predicted: string; rule?: string }>;
}

export interface SetResult {
  file: string;
  examples: number;
  sha256: string;
  perQueueSupport: Record<string, number>;
  routers: RouterResult[];
  /** Every set's messages together (their errors are listed under each set). */
  pooled?: boolean;
  /** The learned queue model was trained on this set: its accuracy here is not a measure. */
  learnedFrom?: boolean;
}

export interface BenchReport {
  date: string;
  command: string;
  machine: { cpu: string; cores: number; node: string; platform: string };
  models: {
    nlu: { createdAt?: string | undefined; dataHash?: string | undefined };
    sentiment: string;
    /** The learned queue model (models/router), null when there is none. */
    router: { weight: number; examples: number; sources: string[] } | null;
    loadMs: number;
  };
  config: string;
  target: { queueAccuracy: number };
  /** Ours on the sets the learned queue model never saw, by word overlap with the nearest training ticket. */
  byNearestTicket: NearestBucket[];
  sets: SetResult[];
}

export interface NearestBucket {
  label: string;
  /** Upper bound (exclusive) of the nearest ticket's word-set Jaccard. */
  max: number;
  messages: number;
  correct: number;
}
