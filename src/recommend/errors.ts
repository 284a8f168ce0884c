/** Errors of the recommend module: bad input to training or queries, unreadable model folders. */

/** Base class; `cause` carries the underlying error where there is one. */
export class RecommendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecommendError';
  }
}

/** Training data or a query that cannot be used as given (the message says how to fix it). */
export class RecommendInputError extends RecommendError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecommendInputError';
  }
}

/** A saved model folder that is missing, of another format version, or damaged. */
export class RecommendModelError extends RecommendError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RecommendModelError';
  }
}
