/** Ours: the shipped architecture and defaults, trained from scratch on each split's training data. */
import { trainSentiment, type SentimentModel } from '../../../src/sentiment';
import { Lexicon } from '../../../src/sentiment/lexicon/lexicon';
import { buildLexicon } from '../../../src/sentiment/lexicon/sources';
import type { BenchSplit, PeerPrediction, SentimentPeer } from '../types';

export function createOursPeer(log: (line: string) => void): SentimentPeer {
  let model: SentimentModel | undefined;
  let binary = false;
  let lexicon: Lexicon | undefined;
  return {
    name: 'ours',
    description: 'src/sentiment: hashed word/bigram embedding bag + GloVe + lexicon-rule features, attention pooling, 3-member ensemble (tfjs); binary = positive when P(positive) >= P(negative)',
    async train(split: BenchSplit) {
      binary = split.binary;
      lexicon ??= buildLexicon();
      const result = await trainSentiment(split.train, { lexicon, onProgress: (p) => log(`  ours member ${p.member}/${p.members} epoch ${p.epoch}: loss ${p.loss.toFixed(3)} val ${((p.validationAccuracy ?? 0) * 100).toFixed(1)}%`) });
      log(`  ours: backend ${result.backend}, best epochs ${result.bestEpochs.join(',')}, ${result.trainingSeconds.toFixed(0)} s`);
      model = result.model;
    },
    predict(text: string): PeerPrediction {
      if (!model) throw new Error('ours: predict before train');
      const r = model.scoreText(text);
      return { label: binary ? (r.probabilities.positive >= r.probabilities.negative ? 'positive' : 'negative') : r.label, score: r.score };
    },
  };
}
