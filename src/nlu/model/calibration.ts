/**
 * Confidence calibration and out-of-scope decisions. A temperature rescales
 * logits so confidences match observed accuracy; a confidence threshold sends
 * unsure predictions to the out-of-scope intent; a margin between the two best
 * intents flags ambiguous messages (the dialogue then offers both).
 * All three are fitted on held-out examples and stored with the model.
 */
export interface Calibration {
  temperature: number;
  /** Below this calibrated confidence the message is out of scope. */
  oosThreshold: number;
  /** Top-1 minus top-2 below this: ambiguous. */
  ambiguityMargin: number;
}

export const DEFAULT_CALIBRATION: Calibration = { temperature: 1, oosThreshold: 0, ambiguityMargin: 0.1 };

export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]! / temperature);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! / temperature - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
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
  labels: number[];
}

/** Fits temperature (NLL grid search), then the OOS threshold and the ambiguity margin. */
export function fitCalibration(heldOut: HeldOut, oosLabel: number | undefined): Calibration {
  if (heldOut.labels.length === 0) return DEFAULT_CALIBRATION;
  let temperature = 1;
  let bestNll = Infinity;
  for (let t = 0.5; t <= 4.0001; t += 0.1) {
    let nll = 0;
    heldOut.logits.forEach((logits, i) => {
      nll -= Math.log(Math.max(softmax(logits, t)[heldOut.labels[i]!]!, 1e-12));
    });
    if (nll < bestNll) {
      bestNll = nll;
      temperature = Number(t.toFixed(2));
    }
  }
  const scored = heldOut.logits.map((logits, i) => {
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
  return { temperature, oosThreshold, ambiguityMargin };
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
