/**
 * NLU: understand a shopper's message. Public face of the module:
 * load a model and parse, train, evaluate, and the Rasa-format data loader.
 * @example
 *   const nlu = await loadNluModel();            // the shipped model in models/nlu
 *   nlu.parse('where is my order #48213?').intent.name === 'track_order'
 */
import path from 'node:path';
import { initTensorflow } from '../ml/tf-backend';
import { NluModel } from './nlu-model';

export { NluModel, MAX_TEXT_LENGTH, type ParseResult, type ParsedEntity } from './nlu-model';
export { loadTrainingData, parseTrainingYaml, TrainingDataError, validateTrainingData, hashTrainingData } from './data';
export type { TrainingData, TrainingExample, EntitySpan } from './types';
export { ModelFileError } from './model/weights-file';

/** The shipped model (trained from intents/ by `shopdesk nlu train`). */
export const DEFAULT_NLU_MODEL_DIR = path.resolve(__dirname, '../../models/nlu');

/** Starts TensorFlow.js (fastest backend available) and loads a model folder (and the Hugging Face encoder its config may name). */
export async function loadNluModel(dir: string = DEFAULT_NLU_MODEL_DIR): Promise<NluModel> {
  await initTensorflow();
  return NluModel.loadAsync(dir);
}
