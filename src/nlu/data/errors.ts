/**
 * The one error type the training-data module throws. It carries the file
 * and line separately so tooling (the `nlu` CLI, editors) can jump to the
 * problem, while the message stays readable on its own:
 * `intents/orders.yml:12: unbalanced '[' in example "..."`.
 */
export class TrainingDataError extends Error {
  /** The problem without the `file:line:` prefix. */
  readonly problem: string;

  /**
   * @param message - what is wrong, without location (it is prefixed here).
   * @param file - the file the problem was found in, as shown to the user.
   * @param line - 1-based line in `file`.
   */
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(formatLocation(file, line) + message);
    this.name = 'TrainingDataError';
    this.problem = message;
  }

  /** The same problem re-anchored at a location (used when a helper threw without knowing it). */
  at(file: string, line?: number): TrainingDataError {
    return new TrainingDataError(this.problem, file, line);
  }
}

function formatLocation(file?: string, line?: number): string {
  if (file === undefined) return '';
  return line === undefined ? `${file}: ` : `${file}:${line}: `;
}
