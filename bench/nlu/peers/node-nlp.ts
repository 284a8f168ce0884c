/**
 * node-nlp (NLP.js v4, AXA): NlpManager with language 'en', its default neural
 * intent classifier. Sentiment and NER are switched off (intent only), and the
 * manager's own 0.5 threshold is disabled so the raw score can be thresholded:
 * on datasets with out-of-scope examples, out_of_scope is trained as an intent
 * and a score threshold is tuned on a held-out slice of train. Its 'None'
 * answer (no known word in the message) counts as out-of-scope.
 */
import type { Peer, Prediction, TrainContext, TrainingExample } from '../types';
import { fitWithThreshold } from './threshold';

interface NlpClassification {
  intent: string;
  score: number;
}

interface NlpOutput {
  intent: string;
  score: number;
  classifications?: NlpClassification[];
}

interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<NlpOutput>;
}

interface NodeNlpModule {
  NlpManager: new (settings: Record<string, unknown>) => NlpManagerLike;
}

function createManager(): NlpManagerLike {
  const { NlpManager } = require('node-nlp') as NodeNlpModule;
  return new NlpManager({
    languages: ['en'],
    nlu: { log: false },
    autoSave: false,
    autoLoad: false,
    calculateSentiment: false,
    forceNER: false,
    threshold: 0,
  });
}

export function createNodeNlpPeer(): Peer {
  let manager: NlpManagerLike | undefined;
  let oos: string | undefined;
  let threshold = 0;

  async function raw(text: string): Promise<Prediction> {
    if (!manager) throw new Error('node-nlp: predict before train');
    const out = await manager.process('en', text);
    if (out.intent !== 'None') return { intent: out.intent, confidence: out.score };
    if (oos) return { intent: oos, confidence: 1 };
    // No out-of-scope class in this dataset: take the best real intent, if any scored.
    const best = (out.classifications ?? []).find((c) => c.intent !== 'None');
    return best ? { intent: best.intent, confidence: best.score } : { intent: 'None', confidence: 0 };
  }

  return {
    name: 'node-nlp',
    async train(examples: TrainingExample[], ctx: TrainContext) {
      oos = ctx.outOfScopeIntent;
      threshold = await fitWithThreshold(
        examples,
        ctx,
        async (subset) => {
          manager = createManager();
          for (const e of subset) manager.addDocument('en', e.text, e.intent);
          await manager.train();
        },
        raw,
      );
    },
    async predict(text: string): Promise<Prediction> {
      const p = await raw(text);
      return oos && p.intent !== oos && p.confidence < threshold ? { intent: oos, confidence: 1 - p.confidence } : p;
    },
  };
}
