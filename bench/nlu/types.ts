/** Shared shapes of the NLU benchmark harness (datasets, peers, results). */
import type { ParseResult } from '../../src/nlu/nlu-model';
import type { TrainingData, TrainingExample } from '../../src/nlu/types';

export type { TrainingData, TrainingExample, ParseResult };

export interface BenchDataset {
  name: string;
  train: TrainingData;
  test: TrainingExample[];
  /** Intent name of out-of-scope examples, when the dataset has them (CLINC150). */
  outOfScopeIntent?: string;
  /** Whether examples carry entity spans (SNIPS, ATIS): slot F1 is scored. */
  hasEntities: boolean;
  /** Loader remarks worth printing with the results (subsampling, oddities). */
  notes: string[];
}

export interface Prediction {
  intent: string;
  confidence: number;
}

export interface TrainContext {
  dataset: string;
  outOfScopeIntent?: string;
  quick: boolean;
  seed: number;
  /** Print a progress line (prefixed with dataset and peer by the runner). */
  log: (message: string) => void;
  /** Add a remark to this peer's result (subsampling, tuned threshold...). */
  note: (message: string) => void;
}

/** An intent classifier under test. predict may be async (node-nlp is). */
export interface Peer {
  name: string;
  train(examples: TrainingExample[], ctx: TrainContext): Promise<void>;
  predict(text: string): Prediction | Promise<Prediction>;
  /** Full parse results (intent and entities), for peers that extract entities (ours). */
  parseAll?(texts: readonly string[]): ParseResult[];
  dispose?(): void;
  /** Set by peers whose wall-clock train() includes discarded attempts (natural-lr): the successful fit's seconds. */
  reportedTrainSeconds?: number;
}

export interface TargetCheck {
  name: string;
  value: number | null;
  op: '>=' | '<=';
  threshold: number;
  pass: boolean | null;
}

export interface PeerResult {
  dataset: string;
  peer: string;
  status: 'ok' | 'failed';
  error?: string;
  trainExamples: number;
  testExamples: number;
  trainSeconds?: number;
  intentAccuracy?: number;
  macroF1?: number;
  inScopeAccuracy?: number;
  oosRecall?: number;
  oosPrecision?: number;
  slotF1?: number;
  latencyMs?: { p50: number; p99: number; messages: number };
  targets: TargetCheck[];
  notes: string[];
}
