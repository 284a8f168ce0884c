/** Errors of the summary module. */

/** A summary was asked for something that does not exist (`code` says what). */
export class SummaryError extends Error {
  override name = 'SummaryError';

  constructor(
    readonly code: 'conversation_not_found' | 'invalid_input',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
