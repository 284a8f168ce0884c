/**
 * ours: ShopDesk's own joint intent + entity model (src/nlu), trained with
 * trainNlu and its default config, plus the per-dataset overrides below.
 * Loaded lazily so the other peers still run while src/nlu is incomplete.
 */
import type { ModelConfig } from '../../../src/nlu/model/config';
import type { NluModel } from '../../../src/nlu/nlu-model';
import type { ParseResult, Peer, Prediction, TrainContext, TrainingExample } from '../types';

/**
 * Per-dataset config overrides (everything else is the shipped default).
 * SHOPDESK_BENCH_OURS_CONFIG='{"epochs":40}' adds overrides for every dataset;
 * SHOPDESK_BENCH_OURS_SAVE=<dir> saves each trained model to <dir>/<dataset>.
 */
export const OURS_CONFIG: Record<string, Partial<ModelConfig>> = {
  // Many fine-grained intents; validation accuracy still climbs after 30 epochs.
  banking77: { epochs: 25, patience: 4 },
  // 10 examples per intent: small epochs, so more of them.
  'banking77-10shot': { epochs: 60, patience: 8 },
  // Slot tagging was still improving at the default's last epoch (best epoch 15 of 15 on both):
  // more epochs, with early stopping on the validation split deciding where to stop.
  snips: { epochs: 30, patience: 4 },
  atis: { epochs: 30, patience: 4 },
};

const PARSE_CHUNK = 64;

function envOverrides(): Partial<ModelConfig> {
  const raw = process.env.SHOPDESK_BENCH_OURS_CONFIG;
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('SHOPDESK_BENCH_OURS_CONFIG must be a JSON object');
  return parsed as Partial<ModelConfig>;
}

/** trainNlu refuses intents with a single example (ATIS has three): duplicate those. */
function padSingletons(examples: readonly TrainingExample[]): {
  examples: TrainingExample[];
  padded: string[];
} {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.intent, (counts.get(e.intent) ?? 0) + 1);
  const padded = [...counts].filter(([, n]) => n < 2).map(([intent]) => intent);
  const extra = examples.filter((e) => padded.includes(e.intent));
  return { examples: [...examples, ...extra], padded };
}

export function createOursPeer(): Peer {
  let model: NluModel | undefined;
  const need = (): NluModel => {
    if (!model) throw new Error('ours: predict before train');
    return model;
  };
  return {
    name: 'ours',
    async train(examples: TrainingExample[], ctx: TrainContext) {
      const { trainNlu } = await import('../../../src/nlu/training');
      const config: Partial<ModelConfig> = {
        ...(OURS_CONFIG[ctx.dataset] ?? {}),
        ...envOverrides(),
      };
      if (ctx.outOfScopeIntent) config.outOfScopeIntent = ctx.outOfScopeIntent;
      const { examples: data, padded } = padSingletons(examples);
      if (padded.length > 0) ctx.note(`duplicated the single train example of ${padded.join(', ')} (trainNlu needs >= 2 per intent)`);
      if (Object.keys(config).length > 0) ctx.note(`config overrides: ${JSON.stringify(config)}`);
      const result = await trainNlu(
        { examples: data, synonyms: {}, regexes: [], lookups: [] },
        {
          config,
          onProgress: (p) =>
            ctx.log(
              `epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(4)} val acc ${p.validationAccuracy === undefined ? '-' : (100 * p.validationAccuracy).toFixed(1) + '%'} ` +
                `(${p.elapsedSeconds.toFixed(0)} s, ${p.examplesPerSecond.toFixed(0)} ex/s)`,
            ),
          onStage: (message) => ctx.log(message),
        },
      );
      model = result.model;
      // For analysis on development splits (bench/nlu/tune.ts): keep the trained model.
      const saveRoot = process.env.SHOPDESK_BENCH_OURS_SAVE;
      if (saveRoot) {
        const { saveModel } = await import('../../../src/nlu/training');
        const { default: path } = await import('node:path');
        saveModel(result, path.join(saveRoot, ctx.dataset), { dataSource: ctx.dataset, examples: data.length });
      }
      const v = result.validation;
      const pct = (x: number | undefined) => (x === undefined ? '-' : `${(100 * x).toFixed(1)}%`);
      ctx.note(
        `tfjs backend ${result.backend}; best epoch ${result.bestEpoch}; validation ${v.examples} examples: transformer ${pct(v.intentAccuracy)}, ` +
          `linear head ${pct(v.linearIntentAccuracy)}, blend ${pct(v.blendedIntentAccuracy)}; calibration ${JSON.stringify(v.calibration)}` +
          (v.entityF1
            ? `; entity span F1: transformer ${pct(v.entityF1.transformerOnly)}, with the tag-transition prior ${pct(v.entityF1.withoutTagger)}, ` +
              `fitted ${pct(v.entityF1.fitted)} (sparse tagger weight ${v.entityF1.taggerWeight}, prior weight ${v.entityF1.transitionWeight})`
            : ''),
      );
    },
    predict(text: string): Prediction {
      const { name, confidence } = need().parse(text).intent;
      return { intent: name, confidence };
    },
    parseAll(texts: readonly string[]): ParseResult[] {
      const m = need();
      const out: ParseResult[] = [];
      for (let i = 0; i < texts.length; i += PARSE_CHUNK) out.push(...m.parseBatch(texts.slice(i, i + PARSE_CHUNK)));
      return out;
    },
    dispose() {
      model?.dispose();
      model = undefined;
    },
  };
}
