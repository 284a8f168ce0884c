/**
 * Lexicon peers, used as their packages ship them: VADER (vader-sentiment,
 * compound score), AFINN-165 through natural's SentimentAnalyzer (Porter
 * stems), and wink-nlp's document sentiment (wink-eng-lite-web-model). Each
 * fits only its decision thresholds on the training split.
 */
import type { BenchSplit, PeerPrediction, SentimentPeer } from '../types';
import { fitThresholds, labelFor, type Thresholds } from './thresholds';

function scorePeer(name: string, description: string, score: (text: string) => number, defaults: Thresholds): SentimentPeer {
  let thresholds = defaults;
  let binary = false;
  return {
    name,
    description,
    async train(split: BenchSplit) {
      binary = split.binary;
      thresholds = fitThresholds(split, score, defaults);
    },
    predict(text: string): PeerPrediction {
      const s = score(text);
      return { label: labelFor(s, thresholds, binary), score: s };
    },
  };
}

export function createVaderPeer(): SentimentPeer {
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
  return scorePeer('vader', 'vader-sentiment compound; thresholds fitted on train (default ±0.05)', (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound, { low: -0.05, high: 0.05 });
}

export function createAfinnPeer(): SentimentPeer {
  const natural = require('natural') as {
    SentimentAnalyzer: new (language: string, stemmer: unknown, vocabulary: string) => { getSentiment(words: string[]): number };
    PorterStemmer: unknown;
    WordTokenizer: new () => { tokenize(text: string): string[] };
  };
  const analyzer = new natural.SentimentAnalyzer('English', natural.PorterStemmer, 'afinn');
  const tokenizer = new natural.WordTokenizer();
  return scorePeer('afinn (natural)', "natural SentimentAnalyzer('English', PorterStemmer, 'afinn'); thresholds fitted on train (default 0)", (t) => analyzer.getSentiment(tokenizer.tokenize(t)) || 0, { low: 0, high: 0 });
}

export function createWinkPeer(): SentimentPeer {
  const winkNLP = require('wink-nlp') as (model: unknown) => { readDoc(text: string): { out(what: unknown): number }; its: { sentiment: unknown } };
  const nlp = winkNLP(require('wink-eng-lite-web-model'));
  return scorePeer('wink-nlp', 'wink-nlp readDoc().out(its.sentiment) with wink-eng-lite-web-model; thresholds fitted on train (default 0)', (t) => nlp.readDoc(t).out(nlp.its.sentiment), { low: 0, high: 0 });
}
