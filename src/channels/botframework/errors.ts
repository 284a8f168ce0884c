/** Errors of the Bot Framework channel; HTTP status mapping happens only in the route. */

/** Base class, so callers can catch everything this channel raises. */
export class BotFrameworkChannelError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotFrameworkChannelError';
  }
}

/** The Bot Framework credentials are inconsistent (raised when the channel is created). */
export class BotFrameworkConfigError extends BotFrameworkChannelError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotFrameworkConfigError';
  }
}

/** The channel service refused or could not be reached while delivering a message. */
export class BotFrameworkDeliveryError extends BotFrameworkChannelError {
  constructor(
    readonly conversationId: string,
    options?: { cause?: unknown },
  ) {
    super(`Could not deliver a message to Bot Framework conversation ${conversationId}`, options);
    this.name = 'BotFrameworkDeliveryError';
  }
}
