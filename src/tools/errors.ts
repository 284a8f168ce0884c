/**
 * The one error type the tool registry throws. Bad shopper input never
 * throws (it becomes a 'refused' outcome); a ToolError means something is
 * broken (database down, corrupt data, a bug) and the engine must not
 * present a made-up answer.
 */

/** An unexpected failure inside a tool, with the original error as `cause`. */
export class ToolError extends Error {
  constructor(
    readonly tool: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`tool ${tool} failed: ${message}`, options);
    this.name = 'ToolError';
  }
}
