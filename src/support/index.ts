/**
 * The support desk: staff sign-in, tickets (routing, summaries, assignment,
 * SLA, takeover) and their HTTP routes. Channels subscribe to SupportEvents to
 * carry agent messages to shoppers; the desk never imports a channel.
 */
export * from './staff';
export { SupportEvents, type TicketChange, type ConversationMessageEvent } from './events';
export { TicketService, type TicketServiceDeps, type Actor } from './tickets/ticket-service';
export { chooseAgent, type AgentLoad } from './tickets/assignment';
export * from './tickets/types';
export { registerTicketRoutes, type TicketRoutesOptions } from './http/ticket-routes';
export { loadCannedReplies, type CannedReply } from './http/canned-replies';
export { createRouter, loadRoutingConfig, RoutingConfigError, DEFAULT_ROUTING_CONFIG_PATH, DEFAULT_ROUTER_MODEL_DIR, LearnedQueueModel, type Router } from './routing';
export { createSummarizer, summarize, type Summarizer } from './summary';
