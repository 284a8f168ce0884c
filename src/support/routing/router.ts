/**
 * A router bound to one config: the object the ticket service holds
 * (it matches `TicketRouter` in src/support/tickets/types.ts).
 */
import { loadRoutingConfig } from './config-file';
import type { LearnedQueueModel } from './learned';
import type { RoutingConfig } from './config-schema';
import { escalatePriority } from './priority';
import { routeMessage } from './route';
import type { RoutingDecision, RoutingSignals, TicketPriority } from './types';

/** Routing with a fixed config. */
export interface Router {
  readonly config: RoutingConfig;
  /** The queue model learned from labelled tickets, when one is loaded. */
  readonly learned?: LearnedQueueModel;
  route(signals: RoutingSignals): RoutingDecision;
  /** Priority after waiting `ageMinutes` against `slaMinutes` (one level per SLA period, up to the config's limit). */
  escalate(priority: TicketPriority, ageMinutes: number, slaMinutes: number): TicketPriority;
}

/**
 * A router over a config object or a routing file (default: config/routing.yml).
 * @example
 *   const router = createRouter();                       // shipped rules
 *   const decision = router.route(signalsFromParse(text, parse));
 * `learned`: a queue model fitted on labelled tickets (models/router), blended with the intents.
 * @throws RoutingConfigError when the file is missing or invalid.
 */
export function createRouter(source: RoutingConfig | string | undefined = undefined, learned?: LearnedQueueModel): Router {
  const config = typeof source === 'object' ? source : loadRoutingConfig(source);
  if (learned) {
    const missing = learned.queues.filter((queue) => !config.queues[queue]);
    if (missing.length > 0) throw new Error(`The learned queue model knows queues the routing config does not have: ${missing.join(', ')}`);
  }
  return {
    config,
    ...(learned ? { learned } : {}),
    route: (signals) => routeMessage(signals, config, learned),
    escalate: (priority, ageMinutes, slaMinutes) => escalatePriority(priority, ageMinutes, slaMinutes, config.sla.maxEscalations),
  };
}
