/** An entity annotated in a training example or found in a message. Offsets are UTF-16 code units, end exclusive. */
export interface EntitySpan {
  entity: string;
  /** Normalised value (synonyms resolved); equals the surface text when there is no mapping. */
  value: string;
  start: number;
  end: number;
  role?: string;
  group?: string;
}

/** One labelled utterance. */
export interface TrainingExample {
  text: string;
  intent: string;
  entities: EntitySpan[];
  /** Where it was read from, for error messages ("intents/orders.yml:12"). */
  source?: string;
}

export interface RegexFeature {
  name: string;
  pattern: string;
}

export interface LookupTable {
  name: string;
  elements: string[];
}

/** Everything an NLU training file set declares (Rasa 3 NLU YAML or a benchmark loader). */
export interface TrainingData {
  examples: TrainingExample[];
  /** surface form (lower-cased) -> canonical value */
  synonyms: Record<string, string>;
  regexes: RegexFeature[];
  lookups: LookupTable[];
}
