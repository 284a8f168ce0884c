/**
 * natural's LogisticRegressionClassifier (apparatus: dense sylvester matrices,
 * one-vs-rest batch gradient descent). Its training time grows much faster than
 * the data (about (examples x vocabulary)^1.5 per intent, and worse with few
 * intents), so training is subsampled per intent to fit a budget (600 s; 120 s in
 * --quick; SHOPDESK_BENCH_NATURAL_BUDGET_S overrides). The cap is picked from a
 * cost estimate, and training runs in a worker thread with a hard time limit: when
 * it overruns, it is stopped and retried with half the cap (3 attempts at most).
 * Every subsample is written to the results. out_of_scope is an ordinary class.
 */
import { Worker } from 'node:worker_threads';
import type * as Natural from 'natural';
import type { Peer, Prediction, TrainContext, TrainingExample } from '../types';
import { samplePerIntent } from '../util';

/** Per-intent seconds ~ K * (examples x vocabulary)^1.5, fitted (conservatively) on this harness's runs. */
const COST_K = 4e-8;
const COST_POWER = 1.5;
const CAPS = [Infinity, 1000, 500, 300, 200, 150, 100, 75, 50, 40, 30, 25, 20, 15, 12, 10, 8, 6, 5, 4, 3, 2, 1];
const MAX_ATTEMPTS = 3;

function loadNatural(): typeof Natural {
  // natural's storage helpers call dotenv.config() on load; keep it quiet.
  process.env.DOTENV_CONFIG_QUIET ??= 'true';
  return require('natural') as typeof Natural;
}

/** Plain-JS worker body: train, send the classifier back as JSON. */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
process.env.DOTENV_CONFIG_QUIET = 'true';
const natural = require(workerData.naturalPath);
parentPort.postMessage({ ready: true });
const t0 = Date.now();
const classifier = new natural.LogisticRegressionClassifier();
for (const [text, label] of workerData.docs) classifier.addDocument(text, label);
try {
  classifier.train();
  parentPort.postMessage({ ok: true, json: JSON.stringify(classifier), seconds: (Date.now() - t0) / 1000 });
} catch (error) {
  parentPort.postMessage({ ok: false, error: String((error && error.stack) || error) });
}`;

type WorkerReply = { ready: true } | { ok: true; json: string; seconds: number } | { ok: false; error: string };

/** Loading natural in the worker is not training: the time limit starts when the worker says it is ready. */
const WORKER_STARTUP_LIMIT_S = 120;

function trainInWorker(docs: [string, string][], limitSeconds: number): Promise<{ json: string; seconds: number } | 'timeout'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { naturalPath: require.resolve('natural'), docs },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Wait for the worker to be gone so its teardown does not land in the latency measurements.
      worker.terminate().then(fn, fn);
    };
    let timer = setTimeout(
      () => finish(() => reject(new Error(`natural-lr worker did not start in ${WORKER_STARTUP_LIMIT_S} s`))),
      WORKER_STARTUP_LIMIT_S * 1000,
    );
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        clearTimeout(timer);
        timer = setTimeout(() => finish(() => resolve('timeout')), limitSeconds * 1000);
        return;
      }
      finish(() =>
        reply.ok ? resolve({ json: reply.json, seconds: reply.seconds }) : reject(new Error(`natural LogisticRegressionClassifier: ${reply.error}`)),
      );
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`natural-lr worker exited with code ${code}`))));
  });
}

export interface SubsamplePlan {
  cap: number;
  examples: TrainingExample[];
  vocabulary: number;
  estimatedSeconds: number;
}

/** Largest cap <= maxCap whose estimated training time fits the limit (else the smallest cap <= maxCap). */
export function planSubsample(
  natural: typeof Natural,
  examples: readonly TrainingExample[],
  limitSeconds: number,
  maxCap: number,
  seed: number,
): SubsamplePlan | undefined {
  const intents = new Set(examples.map((e) => e.intent)).size;
  let plan: SubsamplePlan | undefined;
  for (const cap of CAPS.filter((c) => c <= maxCap)) {
    const subset = Number.isFinite(cap) ? samplePerIntent(examples, cap, seed) : [...examples];
    const vocab = new Set<string>();
    for (const e of subset) for (const stem of natural.PorterStemmer.tokenizeAndStem(e.text)) vocab.add(stem);
    plan = {
      cap,
      examples: subset,
      vocabulary: vocab.size,
      estimatedSeconds: intents * COST_K * (subset.length * vocab.size) ** COST_POWER,
    };
    if (plan.estimatedSeconds <= limitSeconds) return plan;
  }
  return plan;
}

export function createNaturalLrPeer(): Peer {
  let classifier: Natural.LogisticRegressionClassifier | undefined;
  const peer: Peer = {
    name: 'natural-lr',
    async train(examples: TrainingExample[], ctx: TrainContext) {
      const natural = loadNatural();
      const budget = Number(process.env.SHOPDESK_BENCH_NATURAL_BUDGET_S) || (ctx.quick ? 120 : 600);
      const largestIntent = Math.max(...[...examples.reduce((m, e) => m.set(e.intent, (m.get(e.intent) ?? 0) + 1), new Map<string, number>()).values()]);
      let maxCap = Infinity;
      let discardedSeconds = 0;
      let attempts = 0;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const limit = attempt === 1 ? budget : budget / 2;
        const plan = planSubsample(natural, examples, limit, maxCap, ctx.seed);
        if (!plan) break;
        attempts = attempt;
        const capText = Number.isFinite(plan.cap) ? `at most ${plan.cap} per intent` : 'all';
        ctx.log(
          `attempt ${attempt}: ${plan.examples.length} of ${examples.length} examples (${capText}), vocabulary ${plan.vocabulary}, estimated ${plan.estimatedSeconds.toFixed(0)} s, limit ${limit.toFixed(0)} s`,
        );
        const outcome = await trainInWorker(
          plan.examples.map((e) => [e.text, e.intent]),
          limit,
        );
        if (outcome === 'timeout') {
          ctx.note(`attempt ${attempt} (${plan.examples.length} examples, ${capText}) stopped at its ${limit.toFixed(0)} s limit`);
          discardedSeconds += limit;
          maxCap = Math.floor((Number.isFinite(plan.cap) ? plan.cap : largestIntent) / 2);
          continue;
        }
        classifier = natural.LogisticRegressionClassifier.restore(JSON.parse(outcome.json) as Record<string, unknown>);
        peer.reportedTrainSeconds = outcome.seconds;
        if (plan.examples.length < examples.length) {
          ctx.note(
            `SUBSAMPLED: trained on ${plan.examples.length} of ${examples.length} train examples (${capText}, seeded) to fit a ${budget} s training budget; training took ${outcome.seconds.toFixed(0)} s`,
          );
        }
        if (discardedSeconds > 0) ctx.note(`train s is the successful fit only; ${discardedSeconds.toFixed(0)} s went to stopped attempts`);
        return;
      }
      throw new Error(`natural-lr could not train within its ${budget} s budget even on a small subsample (${attempts} attempt(s), see notes)`);
    },
    predict(text: string): Prediction {
      if (!classifier) throw new Error('natural-lr: predict before train');
      const top = classifier.getClassifications(text)[0];
      return top ? { intent: top.label, confidence: top.value } : { intent: '', confidence: 0 };
    },
  };
  return peer;
}
