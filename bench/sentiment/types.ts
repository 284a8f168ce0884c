/** Shared shapes of the sentiment benchmark. */
import type { LabelledText, SentimentLabel } from '../../src/sentiment';

/** One evaluation split: train on `train`, score `test` (binary: gold labels are negative/positive only). */
export interface BenchSplit {
  name: string;
  binary: boolean;
  train: LabelledText[];
  test: LabelledText[];
  notes: string[];
}

export interface PeerPrediction {
  label: SentimentLabel;
  /** Signed score: > 0 leans positive. */
  score: number;
}

/** A method under test. Lexicon peers "train" only by calibrating their decision thresholds on the training split. */
export interface SentimentPeer {
  readonly name: string;
  readonly description: string;
  train(split: BenchSplit): Promise<void>;
  predict(text: string): PeerPrediction;
}

export interface PeerResult {
  split: string;
  peer: string;
  binary: boolean;
  trainExamples: number;
  testExamples: number;
  trainSeconds: number;
  accuracy: number;
  macroF1: number;
  /** Test texts scored per second, one at a time. */
  throughput: number;
  confusion: number[][];
  labels: string[];
  latencyMs?: { p50: number; p99: number };
  /** Binary splits: accuracy when deciding by the sign of the score instead (ours' other documented rule). */
  scoreSignAccuracy?: number;
  error?: string;
}
