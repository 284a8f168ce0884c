/**
 * Review sentiment: overall label and score of a review, aspect mentions with
 * their own polarity, training, evaluation and the merchandising report.
 * Public face of the module; training (TensorFlow.js) is loaded only when
 * `trainSentiment` is called, so inference stays light.
 * @example
 *   const model = loadSentimentModel();                       // models/sentiment
 *   model.scoreText('not bad at all')                          // { label: 'positive', score: 0.6, ... }
 *   model.predict('Love the color but it runs small').aspects  // appearance/design positive, fit/size negative
 */
import path from 'node:path';
import { loadSentimentModelFrom } from './model/model-files';
import type { SentimentModel } from './model/sentiment-model';
import type { LabelledText } from './types';
import type { TrainSentimentOptions, TrainSentimentResult } from './train';

export { SentimentModel, MAX_TEXT_LENGTH } from './model/sentiment-model';
export { saveSentimentModel, loadSentimentModelFrom, MODEL_FILES } from './model/model-files';
export { DEFAULT_SENTIMENT_CONFIG, resolveSentimentConfig, type SentimentConfig } from './model/config';
export * from './types';
export { classificationReport, formatConfusion, type ClassificationReport, type ClassMetrics } from './metrics';
export { readLabelledJsonl, parseLabelledJsonl, LabelledDataError, type LabelledData } from './data/labelled-data';
export { hashExamples } from './data/hash';
export { negationExamples } from './data/negation-examples';
export { readUciDomain, UCI_DOMAINS, UCI_CITATION, type UciDomain } from './data/uci';
export { splitClauses, type Clause } from './aspects/clauses';
export { extractAspects, polarityOf, CLAUSE_POLARITY_THRESHOLD } from './aspects/extract';
export { buildSentimentReport, aggregateSentimentReport, type ReportModel } from './report/aggregate';
export { createReviewScorer, scoreReviewsInSlices, type ScoredReview, type ReviewScorer, type ChunkedScoringOptions } from './report/score';
export { renderReportHtml } from './report/render-html';
export { renderReportCsv } from './report/render-csv';
export { lineChartSvg, weeklyTrendSvg, REPORT_COLORS, type LineSeries } from './report/line-chart';
export { twoProportionZTest, benjaminiHochberg, normalUpperTail, type ZTestResult } from './report/ztest';
export type { ReviewRecord, ReportOptions, SentimentReport, RisingProduct, Quote, WeekPoint, AspectSummary, Distribution, Theme } from './report/types';
export type { TrainProgress, TrainSentimentOptions, TrainSentimentResult } from './train';

/** The shipped model (trained by `shopdesk sentiment train --data store`). */
export const DEFAULT_SENTIMENT_MODEL_DIR = path.resolve(__dirname, '../../models/sentiment');

/** Loads a model folder (default: the shipped model). Synchronous: a few file reads. */
export function loadSentimentModel(dir: string = DEFAULT_SENTIMENT_MODEL_DIR): SentimentModel {
  return loadSentimentModelFrom(dir);
}

/** Trains a model (starts TensorFlow.js on first use). */
export async function trainSentiment(examples: readonly LabelledText[], options?: TrainSentimentOptions): Promise<TrainSentimentResult> {
  const train = await import('./train');
  return train.trainSentiment(examples, options);
}
