/**
 * Confidence calibration and out-of-scope decisions. A temperature rescales
 * logits so confidences match observed accuracy; a confidence threshold sends
 * unsure predictions to the out-of-scope intent; a margin between the two best
 * intents flags ambiguous messages (the dialogue then offers both).
 * All three are fitted on held-out examples and stored with the model.
 */
import { softmaxInPlace } from '../../ml/softmax';

export interface Calibration {
  /**
   * Weight of the sparse linear head's logits added to the transformer's before the
   * temperature (absent in models without the head).
   */
  linearWeight?: number;
  temperature: number;
  /** Below this calibrated confidence the message is out of scope. */
  oosThreshold: number;
  /** Top-1 minus top-2 below this: ambiguous. */
  ambiguityMargin: number;
}

export const DEFAULT_CALIBRATION: Calibration = { temperature: 1, oosThreshold: 0, ambiguityMargin: 0.1 };

export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  return softmaxInPlace(Float64Array.from(logits, (v) => v / temperature));
}

function topTwo(probs: Float64Array): [number, number, number] {
  let a = 0;
  let b = -1;
  for (let i = 1; i < probs.length; i++) {
    if (probs[i]! > probs[a]!) {
      b = a;
      a = i;
    } else if (b < 0 || probs[i]! > probs[b]!) b = i;
  }
  return [a, probs[a]!, b >= 0 ? probs[b]! : 0];
}

export interface HeldOut {
  logits: Float32Array[];
  /** The sparse linear head's logits for the same examples, when the model has the head. */
  linearLogits?: Float32Array[];
  labels: number[];
}

/** Transformer logits plus `weight` times the linear head's. */
export function blendLogits(transformer: ArrayLike<number>, linear: ArrayLike<number> | undefined, weight: number): Float32Array {
  const out = Float32Array.from(transformer);
  if (linear && weight !== 0) for (let i = 0; i < out.length; i++) out[i]! += weight * linear[i]!;
  return out;
}

/** Linear-head weights tried first when fitting the blend; the best is then refined in steps of 1/8. */
const LINEAR_WEIGHT_GRID = [0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8];
const LINEAR_WEIGHT_REFINE = [-0.25, -0.125, 0.125, 0.25];

/** Negative log-likelihood of `label` under softmax(row / t), without allocating. */
function rowNll(row: Float32Array, label: number, t: number): number {
  let max = -Infinity;
  for (let k = 0; k < row.length; k++) if (row[k]! > max) max = row[k]!;
  let sum = 0;
  for (let k = 0; k < row.length; k++) sum += Math.exp((row[k]! - max) / t);
  // Floor the probability at 1e-12 as a log of the clipped softmax would.
  return Math.min(Math.log(sum) - (row[label]! - max) / t, -Math.log(1e-12));
}

/** Temperatures searched (golden-section over 1/T, where the held-out NLL is convex). */
const MIN_TEMPERATURE = 0.25;
const MAX_TEMPERATURE = 16;

function bestTemperature(logits: readonly Float32Array[], labels: readonly number[]): { temperature: number; nll: number } {
  const nllAt = (t: number) => logits.reduce((sum, row, i) => sum + rowNll(row, labels[i]!, t), 0);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = 1 / MAX_TEMPERATURE;
  let hi = 1 / MIN_TEMPERATURE;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = nllAt(1 / a);
  let fb = nllAt(1 / b);
  while (hi - lo > 1e-3) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = nllAt(1 / a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = nllAt(1 / b);
    }
  }
  const temperature = Number((2 / (lo + hi)).toFixed(2));
  return { temperature, nll: nllAt(temperature) };
}

/**
 * Fits the linear-head weight and the temperature together (held-out NLL, grid search),
 * then the OOS threshold and the ambiguity margin on the blended confidences.
 */
export function fitCalibration(heldOut: HeldOut, oosLabel: number | undefined): Calibration {
  if (heldOut.labels.length === 0) return heldOut.linearLogits ? { ...DEFAULT_CALIBRATION, linearWeight: 1 } : DEFAULT_CALIBRATION;
  let linearWeight: number | undefined;
  let blended = heldOut.logits;
  let { temperature, nll: bestNll } = bestTemperature(heldOut.logits, heldOut.labels);
  if (heldOut.linearLogits) {
    linearWeight = 0;
    const tried = new Set([0]);
    const tryWeight = (weight: number) => {
      if (weight <= 0 || tried.has(weight)) return;
      tried.add(weight);
      const candidate = heldOut.logits.map((row, i) => blendLogits(row, heldOut.linearLogits![i], weight));
      const fit = bestTemperature(candidate, heldOut.labels);
      if (fit.nll < bestNll) {
        bestNll = fit.nll;
        temperature = fit.temperature;
        linearWeight = weight;
        blended = candidate;
      }
    };
    LINEAR_WEIGHT_GRID.forEach(tryWeight);
    const coarse = linearWeight;
    LINEAR_WEIGHT_REFINE.forEach((step) => tryWeight(coarse + step));
  }
  const scored = blended.map((logits, i) => {
    const [top, p1, p2] = topTwo(softmax(logits, temperature));
    return { top, p1, margin: p1 - p2, label: heldOut.labels[i]! };
  });

  let oosThreshold = 0;
  const oosCount = oosLabel === undefined ? 0 : scored.filter((s) => s.label === oosLabel).length;
  if (oosLabel !== undefined && oosCount > 0) {
    const inScope = scored.filter((s) => s.label !== oosLabel);
    const rates = (th: number) => {
      const predict = (s: (typeof scored)[number]) => (s.p1 < th ? oosLabel : s.top);
      return {
        inAcc: inScope.filter((s) => predict(s) === s.label).length / Math.max(1, inScope.length),
        oosRecall: scored.filter((s) => s.label === oosLabel && predict(s) === oosLabel).length / oosCount,
      };
    };
    // Raise the threshold for out-of-scope recall only while in-scope accuracy stays within
    // 1.5 points of no threshold at all: a wrong "I can't help with that" costs a real shopper.
    const floor = rates(0).inAcc - 0.015;
    let bestRecall = rates(0).oosRecall;
    for (let th = 0.01; th <= 0.951; th += 0.01) {
      const r = rates(th);
      if (r.inAcc < floor) break;
      if (r.oosRecall > bestRecall + 1e-9) {
        bestRecall = r.oosRecall;
        oosThreshold = Number(th.toFixed(2));
      }
    }
  }

  // Smallest margin at which confident (non-ambiguous) predictions are >= 97% right.
  let ambiguityMargin = DEFAULT_CALIBRATION.ambiguityMargin;
  for (let m = 0; m <= 0.5001; m += 0.02) {
    const confident = scored.filter((s) => s.margin >= m);
    if (confident.length === 0) break;
    if (confident.filter((s) => s.top === s.label).length / confident.length >= 0.97) {
      ambiguityMargin = Number(m.toFixed(2));
      break;
    }
  }
  return { ...(linearWeight === undefined ? {} : { linearWeight }), temperature, oosThreshold, ambiguityMargin };
}

export interface IntentDecision {
  ranking: { index: number; confidence: number }[];
  /** Index of the decided intent, or -1 for out of scope by threshold. */
  decided: number;
  ambiguous: boolean;
}

export function decideIntent(logits: ArrayLike<number>, calibration: Calibration, oosIndex: number | undefined): IntentDecision {
  const probs = softmax(logits, calibration.temperature);
  const ranking = [...probs].map((confidence, index) => ({ index, confidence })).sort((a, b) => b.confidence - a.confidence);
  const top = ranking[0]!;
  const second = ranking[1]?.confidence ?? 0;
  const belowThreshold = top.confidence < calibration.oosThreshold;
  return {
    ranking,
    decided: belowThreshold ? (oosIndex ?? -1) : top.index,
    ambiguous: !belowThreshold && top.index !== oosIndex && top.confidence - second < calibration.ambiguityMargin,
  };
}
