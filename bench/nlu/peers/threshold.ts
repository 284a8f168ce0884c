/**
 * Out-of-scope thresholds for classifiers that give a confidence: tuned on a
 * stratified held-out slice of the TRAIN data (never the test split).
 */
import type { Prediction, TrainContext, TrainingExample } from '../types';
import { stratifiedHoldOut } from '../util';

export const HOLD_OUT_SHARE = 0.2;

export interface ThresholdChoice {
  threshold: number;
  inScopeAccuracy: number;
  oosRecall: number;
}

/**
 * Picks the confidence threshold (0..0.99, step 0.01) below which a prediction becomes
 * out-of-scope, maximising the mean of in-scope accuracy and OOS recall on the held-out slice.
 * Ties go to the lower threshold.
 */
export function tuneThreshold(gold: readonly string[], predictions: readonly Prediction[], oos: string): ThresholdChoice {
  let best: ThresholdChoice = {
    threshold: 0,
    inScopeAccuracy: 0,
    oosRecall: 0,
  };
  let bestScore = -1;
  const inScopeTotal = gold.filter((g) => g !== oos).length;
  const oosTotal = gold.length - inScopeTotal;
  for (let step = 0; step < 100; step++) {
    const threshold = step / 100;
    let inScopeHits = 0;
    let oosHits = 0;
    gold.forEach((g, i) => {
      const p = predictions[i]!;
      const name = p.confidence < threshold ? oos : p.intent;
      if (g === oos) oosHits += name === oos ? 1 : 0;
      else inScopeHits += name === g ? 1 : 0;
    });
    const inScopeAccuracy = inScopeHits / Math.max(1, inScopeTotal);
    const oosRecall = oosTotal > 0 ? oosHits / oosTotal : 0;
    const score = oosTotal > 0 ? (inScopeAccuracy + oosRecall) / 2 : inScopeAccuracy;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = { threshold, inScopeAccuracy, oosRecall };
    }
  }
  return best;
}

/**
 * Standard recipe for a thresholded peer: when the dataset has out-of-scope examples in
 * train, fit on 80% of train, tune the threshold on the other 20%, then refit on all of
 * train. Returns the threshold (0 when there is no out-of-scope intent).
 */
export async function fitWithThreshold(
  examples: readonly TrainingExample[],
  ctx: TrainContext,
  fit: (subset: readonly TrainingExample[]) => Promise<void>,
  predict: (text: string) => Promise<Prediction> | Prediction,
): Promise<number> {
  const oos = ctx.outOfScopeIntent;
  if (!oos || !examples.some((e) => e.intent === oos)) {
    await fit(examples);
    return 0;
  }
  const { fit: part, heldOut } = stratifiedHoldOut(examples, HOLD_OUT_SHARE, ctx.seed);
  ctx.log(`threshold tuning: fitting on ${part.length}, holding out ${heldOut.length} train examples`);
  await fit(part);
  const predictions: Prediction[] = [];
  for (const e of heldOut) predictions.push(await predict(e.text));
  const choice = tuneThreshold(
    heldOut.map((e) => e.intent),
    predictions,
    oos,
  );
  ctx.note(
    `OOS threshold ${choice.threshold.toFixed(2)} tuned on ${heldOut.length} held-out train examples (in-scope acc ${(100 * choice.inScopeAccuracy).toFixed(1)}%, OOS recall ${(100 * choice.oosRecall).toFixed(1)}% there); model then refit on all train`,
  );
  ctx.log(`threshold ${choice.threshold.toFixed(2)}; refitting on all ${examples.length} examples`);
  await fit(examples);
  return choice.threshold;
}
