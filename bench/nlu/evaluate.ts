/** Runs one peer on one dataset: train (timed), predict the test split, time single-message latency, score. */
import { scoreResults } from '../../src/nlu/evaluate';
import type { BenchDataset, ParseResult, Peer, PeerResult, Prediction, TrainContext } from './types';
import { checkTargets } from './report';
import { errorText, nowMs, percentile, round } from './util';

/** Messages timed one at a time for latency (the first N of the test split). */
export const LATENCY_MESSAGES = 1000;
/** Untimed calls before timing (JIT, first-call allocations). */
export const WARMUP_MESSAGES = 10;

function asParseResult(text: string, p: Prediction): ParseResult {
  return {
    text,
    intent: { name: p.intent, confidence: p.confidence },
    intent_ranking: [{ name: p.intent, confidence: p.confidence }],
    entities: [],
    ambiguous: false,
    truncated: false,
  };
}

async function timedPredictions(peer: Peer, texts: readonly string[]): Promise<{ predictions: Prediction[]; latencies: number[] }> {
  const predictions: Prediction[] = [];
  const latencies: number[] = [];
  for (const text of texts) {
    const t0 = nowMs();
    predictions.push(await peer.predict(text));
    latencies.push(nowMs() - t0);
  }
  return { predictions, latencies };
}

export interface RunOptions {
  quick: boolean;
  seed: number;
  log: (message: string) => void;
}

export async function runPeer(dataset: BenchDataset, peer: Peer, options: RunOptions): Promise<PeerResult> {
  const notes: string[] = [];
  const result: PeerResult = {
    dataset: dataset.name,
    peer: peer.name,
    status: 'failed',
    trainExamples: dataset.train.examples.length,
    testExamples: dataset.test.length,
    targets: [],
    notes,
  };
  const ctx: TrainContext = {
    dataset: dataset.name,
    outOfScopeIntent: dataset.outOfScopeIntent,
    quick: options.quick,
    seed: options.seed,
    log: options.log,
    note: (m) => notes.push(m),
  };
  try {
    const intents = new Set(dataset.train.examples.map((e) => e.intent)).size;
    options.log(`train: ${dataset.train.examples.length} examples, ${intents} intents`);
    const t0 = nowMs();
    await peer.train(dataset.train.examples, ctx);
    result.trainSeconds = round(peer.reportedTrainSeconds ?? (nowMs() - t0) / 1000, 2);
    options.log(`trained in ${result.trainSeconds.toFixed(1)} s`);

    const texts = dataset.test.map((e) => e.text);
    const latencyTexts = texts.slice(0, LATENCY_MESSAGES);
    for (const text of texts.slice(0, WARMUP_MESSAGES)) await peer.predict(text);
    let results: ParseResult[];
    let latencies: number[];
    if (peer.parseAll) {
      options.log(`parse: ${texts.length} test messages (batched), then ${latencyTexts.length} one at a time for latency`);
      const t1 = nowMs();
      results = peer.parseAll(texts);
      options.log(`batched parse took ${((nowMs() - t1) / 1000).toFixed(1)} s`);
      latencies = (await timedPredictions(peer, latencyTexts)).latencies;
    } else {
      options.log(`predict: ${texts.length} test messages one at a time`);
      const timed = await timedPredictions(peer, texts);
      results = timed.predictions.map((p, i) => asParseResult(texts[i]!, p));
      latencies = timed.latencies.slice(0, LATENCY_MESSAGES);
    }

    const report = scoreResults(dataset.test, results, dataset.outOfScopeIntent ?? '\u0000no-oos', []);
    result.intentAccuracy = report.intent.accuracy;
    result.macroF1 = report.intent.macro_f1;
    if (dataset.outOfScopeIntent && report.oos) {
      result.inScopeAccuracy = report.in_scope_accuracy;
      result.oosRecall = report.oos.recall;
      result.oosPrecision = report.oos.precision;
    }
    if (dataset.hasEntities && peer.parseAll) result.slotF1 = report.entity.micro_f1;
    result.latencyMs = {
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      messages: latencies.length,
    };
    result.status = 'ok';
    options.log(
      `intent acc ${(100 * report.intent.accuracy).toFixed(2)}%` +
        (result.slotF1 !== undefined ? `, slot F1 ${(100 * result.slotF1).toFixed(2)}%` : '') +
        (result.oosRecall !== undefined
          ? `, in-scope ${(100 * result.inScopeAccuracy!).toFixed(2)}%, OOS recall ${(100 * result.oosRecall).toFixed(2)}%`
          : '') +
        `, p50 ${result.latencyMs.p50.toFixed(3)} ms, p99 ${result.latencyMs.p99.toFixed(3)} ms`,
    );
  } catch (error) {
    result.error = errorText(error);
    options.log(`FAILED: ${result.error.split('\n')[0]}`);
  } finally {
    try {
      peer.dispose?.();
    } catch {
      // a failing dispose must not hide the result
    }
  }
  result.targets = checkTargets(dataset.name, result);
  return result;
}
