/**
 * Training data for ShopDesk's NLU: loading, validating, hashing and writing
 * Rasa 3 NLU YAML. Everything else in the NLU consumes the TrainingData these
 * functions produce.
 */
export { TrainingDataError } from './errors';
export { loadTrainingData } from './loader';
export { parseTrainingYaml } from './yaml-parser';
export { parseAnnotatedExample } from './annotations';
export type { AnnotatedExample } from './annotations';
export { validateTrainingData } from './validate';
export type { ValidateOptions } from './validate';
export { toRasaYaml } from './serialize';
export { hashTrainingData } from './hash';
export { emptyTrainingData, mergeTrainingData } from './merge';
