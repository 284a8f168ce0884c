/**
 * A queue classifier learned from labelled tickets (a store's own history of
 * messages and the queue its agents put them in), blended with the topic the
 * NLU's intents give. The intents know what a request is about; the tickets
 * know how this store's team splits the work ("a wrong size sent: returns, not
 * orders"), which no intent map says. Logistic regression over TF-IDF word and
 * character n-grams (the NLU's sparse linear head), and a blend weight chosen
 * by cross-validation on the labelled tickets alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { softmaxInPlace } from '../../ml/softmax';
import { jaccard } from '../../util/jaccard';
import { fitSparseLinear } from '../../nlu/model/sparse-linear-fit';
import { SparseLinearHead } from '../../nlu/model/sparse-linear';
import { ModelFileError, readJsonFile, readWeights, writeWeights, type WeightEntry } from '../../nlu/model/weights-file';
import { z } from 'zod';
import type { RoutingConfig } from './config-schema';
import { readingFromParse, type ParsedMessage } from './signals';
import { queueScores, scoresOnly } from './topic';

export const DEFAULT_ROUTER_MODEL_DIR = path.resolve(__dirname, '../../../models/router');

const MANIFEST = 'router.json';
const WEIGHTS = 'weights.bin';

/** One labelled ticket, with the NLU's summed confidence per queue for its text. */
export interface LabelledTicket {
  text: string;
  queue: string;
  /** Queue -> summed intent confidence (0..1), from queueScores(). */
  intentScores: ReadonlyMap<string, number>;
}

export interface QueueModelMeta {
  format: 'shopdesk-router/1';
  queues: string[];
  /** Weight of the learned probabilities against the intents' scores (which sum to at most 1). */
  weight: number;
  examples: number;
  /** Files the labelled tickets came from, with their SHA-256 (a benchmark must not score on them). */
  sources: Array<{ file: string; sha256: string }>;
  /** Evaluation sets whose near-duplicates were left out of the tickets. */
  excludedNear?: string[];
  crossValidation: { folds: number; accuracyByWeight: Array<{ weight: number; accuracy: number }> };
  createdAt: string;
  weights: WeightEntry[];
}

/** Weights tried; among equally good ones the middle one is taken (neither extreme is favoured on a tie). */
const CANDIDATE_WEIGHTS = [0, 0.25, 0.5, 1, 1.5, 2, 3];
const FOLDS = 5;
const FIT = { epochs: 8, learningRate: 0.1, l2: 1e-6, seed: 42 };

export class LearnedQueueModel {
  constructor(
    readonly queues: readonly string[],
    readonly head: SparseLinearHead,
    readonly weight: number,
    readonly meta?: Omit<QueueModelMeta, 'weights'>,
  ) {}

  /** Queue probabilities for a message (sum 1 over `queues`). */
  probabilities(text: string): Map<string, number> {
    const probs = softmaxInPlace(Float64Array.from(this.head.logits(text)));
    return new Map(this.queues.map((queue, i) => [queue, probs[i]!]));
  }

  /**
   * The blended score per queue, 0..1: the intents' scores (with what no intent
   * claims counted for `fallbackQueue`) plus `weight` times the learned ones.
   */
  blend(text: string, intentScores: ReadonlyMap<string, number>, fallbackQueue: string): Map<string, number> {
    return blendScores(this.queues, intentScores, this.probabilities(text), this.weight, fallbackQueue);
  }

  save(dir: string, sources: QueueModelMeta['sources'] = this.meta?.sources ?? [], excludedNear: string[] = this.meta?.excludedNear ?? []): void {
    fs.mkdirSync(dir, { recursive: true });
    const { weights, shapes } = this.head.snapshot();
    const entries = writeWeights(path.join(dir, WEIGHTS), weights, shapes);
    const meta: QueueModelMeta = {
      format: 'shopdesk-router/1',
      queues: [...this.queues],
      weight: this.weight,
      examples: this.meta?.examples ?? 0,
      sources,
      ...(excludedNear.length > 0 ? { excludedNear } : {}),
      crossValidation: this.meta?.crossValidation ?? { folds: 0, accuracyByWeight: [] },
      createdAt: this.meta?.createdAt ?? new Date().toISOString(),
      weights: entries,
    };
    fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(meta, null, 1)}\n`);
  }

  /** Loads a folder written by save(); undefined when there is none. Errors name the broken file. */
  static load(dir: string = DEFAULT_ROUTER_MODEL_DIR): LearnedQueueModel | undefined {
    const manifestFile = path.join(dir, MANIFEST);
    if (!fs.existsSync(manifestFile)) return undefined;
    const meta = readJsonFile<QueueModelMeta>(manifestFile);
    if (meta.format !== 'shopdesk-router/1' || !Array.isArray(meta.queues) || typeof meta.weight !== 'number') {
      throw new ModelFileError(manifestFile, 'is not a ShopDesk router model');
    }
    const head = SparseLinearHead.fromWeights(readWeights(path.join(dir, WEIGHTS), meta.weights));
    if (!head || head.classes !== meta.queues.length) throw new ModelFileError(path.join(dir, WEIGHTS), `does not hold a classifier over ${meta.queues.length} queues`);
    const { weights: _entries, ...rest } = meta;
    return new LearnedQueueModel(meta.queues, head, meta.weight, rest);
  }
}

function blendScores(
  queues: readonly string[],
  intentScores: ReadonlyMap<string, number>,
  learned: ReadonlyMap<string, number>,
  weight: number,
  fallbackQueue: string,
): Map<string, number> {
  const claimed = [...intentScores.values()].reduce((a, b) => a + b, 0);
  const scores = new Map<string, number>();
  for (const queue of queues) {
    const fromIntents = (intentScores.get(queue) ?? 0) + (queue === fallbackQueue ? Math.max(0, 1 - claimed) : 0);
    scores.set(queue, (fromIntents + weight * (learned.get(queue) ?? 0)) / (1 + weight));
  }
  return scores;
}

function best(scores: ReadonlyMap<string, number>): string {
  let top = '';
  let topScore = -Infinity;
  for (const [queue, score] of scores) if (score > topScore) [top, topScore] = [queue, score];
  return top;
}

/**
 * Fits the classifier on labelled tickets. The blend weight is the one with the
 * best accuracy over `FOLDS`-fold cross-validation (each fold's classifier never
 * sees the tickets it is scored on); then the classifier is refitted on all of them.
 */
export function fitQueueModel(tickets: readonly LabelledTicket[], queues: readonly string[], fallbackQueue: string): LearnedQueueModel {
  const unknown = tickets.find((t) => !queues.includes(t.queue));
  if (unknown) throw new Error(`A labelled ticket names queue "${unknown.queue}", which the routing config does not have`);
  if (tickets.length < FOLDS * 2) throw new Error(`At least ${FOLDS * 2} labelled tickets are needed, got ${tickets.length}`);
  const fit = (part: readonly LabelledTicket[]) =>
    fitSparseLinear(
      part.map((t) => t.text),
      part.map((t) => queues.indexOf(t.queue)),
      queues.length,
      FIT,
    );
  const hits = new Map(CANDIDATE_WEIGHTS.map((w) => [w, 0]));
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = new LearnedQueueModel(
      queues,
      fit(tickets.filter((_, i) => i % FOLDS !== fold)),
      0,
    );
    tickets.forEach((ticket, i) => {
      if (i % FOLDS !== fold) return;
      const learned = model.probabilities(ticket.text);
      for (const weight of CANDIDATE_WEIGHTS) {
        if (best(blendScores(queues, ticket.intentScores, learned, weight, fallbackQueue)) === ticket.queue) hits.set(weight, hits.get(weight)! + 1);
      }
    });
  }
  const top = Math.max(...hits.values());
  const tied = CANDIDATE_WEIGHTS.filter((w) => hits.get(w) === top);
  const weight = tied[Math.floor((tied.length - 1) / 2)]!;
  return new LearnedQueueModel(queues, fit(tickets), weight, {
    format: 'shopdesk-router/1',
    queues: [...queues],
    weight,
    examples: tickets.length,
    sources: [],
    crossValidation: { folds: FOLDS, accuracyByWeight: CANDIDATE_WEIGHTS.map((w) => ({ weight: w, accuracy: round(hits.get(w)! / tickets.length) })) },
    createdAt: new Date().toISOString(),
  });
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** What fitting needs from the NLU: a parse of each ticket's text. */
export interface TicketParser {
  parseAsync(text: string): Promise<ParsedMessage>;
}

const ticketLine = z.object({ text: z.string().trim().min(1).max(5000), queue: z.string().min(1), priority: z.string().optional() }).passthrough();

/** One line of a labelled ticket file; `priority` when the file labels it (the routing benchmark's sets do). */
export interface LabelledTicketLine {
  text: string;
  queue: string;
  priority?: string;
}

/** Reads labelled tickets from JSON-lines files (`{"text", "queue"[, "priority"]}` per line); errors name file and line. */
export function readLabelledTickets(files: readonly string[]): LabelledTicketLine[] {
  const tickets: LabelledTicketLine[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) throw new Error(`${file}: file is missing`);
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let row: unknown;
        try {
          row = JSON.parse(line);
        } catch {
          throw new Error(`${file}:${i + 1}: not valid JSON`);
        }
        const parsed = ticketLine.safeParse(row);
        if (!parsed.success) throw new Error(`${file}:${i + 1}: needs "text" (1-5000 characters) and "queue"`);
        const { text, queue, priority } = parsed.data;
        tickets.push({ text, queue, ...(priority === undefined ? {} : { priority }) });
      });
  }
  return tickets;
}

/** Parses every ticket with the NLU, then fits the queue model (see fitQueueModel). */
export async function trainQueueModel(
  tickets: ReadonlyArray<{ text: string; queue: string }>,
  parser: TicketParser,
  config: RoutingConfig,
  onProgress?: (done: number, total: number) => void,
): Promise<LearnedQueueModel> {
  const labelled: LabelledTicket[] = [];
  for (const ticket of tickets) {
    const reading = readingFromParse(await parser.parseAsync(ticket.text));
    labelled.push({ ...ticket, intentScores: scoresOnly(queueScores(reading, config)) });
    onProgress?.(labelled.length, tickets.length);
  }
  return fitQueueModel(labelled, Object.keys(config.queues), config.fallbackQueue);
}

/** Word-set Jaccard similarity at or above which two messages count as the same ticket. */
export const NEAR_DUPLICATE_JACCARD = 0.5;

/** The words of a message, for near-duplicate checks. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * Drops tickets that are near-duplicates (word-set Jaccard >= NEAR_DUPLICATE_JACCARD) of
 * any `held` message, so that a benchmark on `held` measures messages the model has not
 * effectively seen. Short stock phrases ("hi", "test") repeat across ticket histories.
 */
export function withoutNearDuplicates<T extends { text: string }>(tickets: readonly T[], held: ReadonlyArray<{ text: string }>): { kept: T[]; dropped: number } {
  const heldSets = held.map((h) => wordSet(h.text));
  const kept = tickets.filter((ticket) => {
    const words = wordSet(ticket.text);
    return !heldSets.some((other) => jaccard(words, other) >= NEAR_DUPLICATE_JACCARD);
  });
  return { kept, dropped: tickets.length - kept.length };
}
