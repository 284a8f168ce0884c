/** Training-side public face (kept apart so inference code never loads it). */
export { trainNlu, type TrainOptions, type TrainProgress, type TrainResult } from './train';
export { saveModel, type ModelMeta } from './save-model';
export { evaluateModel, scoreResults, type EvaluationReport } from './evaluate';
export { renderEvaluationHtml } from './report-html';
export { resolveModelConfig, type ModelConfig } from './model/config';
