/**
 * How pressing a request is. Unlike the queue (what the request is about, from
 * the NLU), priority may come from wording: "third time", "chargeback" or
 * "asap" are exactly how customers signal urgency. Signals add points (one
 * point = one level above the starting priority); some cues set a floor
 * (a legal threat is urgent whatever else). A ticket that waits longer than
 * its SLA climbs one level per SLA period.
 */
import type { PriorityCue, RoutingConfig } from './config-schema';
import { TICKET_PRIORITIES, type TicketPriority } from './types';

/** What priority looks at. */
export interface PriorityInput {
  text: string;
  sentiment?: { label: string; score: number } | undefined;
  orderValueCents?: number | undefined;
  customerValueCents?: number | undefined;
}

/** A priority with the points and cues behind it. */
export interface PriorityAssessment {
  priority: TicketPriority;
  points: number;
  tags: string[];
  reasons: string[];
}

const compiled = new WeakMap<PriorityCue, RegExp>();

function cueRegex(cue: PriorityCue): RegExp {
  let regex = compiled.get(cue);
  if (!regex) {
    regex = new RegExp(cue.pattern, 'iu');
    compiled.set(cue, regex);
  }
  return regex;
}

const level = (priority: TicketPriority): number => TICKET_PRIORITIES.indexOf(priority);
const atLevel = (n: number): TicketPriority => TICKET_PRIORITIES[Math.max(0, Math.min(TICKET_PRIORITIES.length - 1, n))]!;

function valueBand(bands: RoutingConfig['priority']['orderValue'], cents: number | undefined) {
  if (cents === undefined || !Number.isFinite(cents)) return undefined;
  return [...bands].sort((a, b) => b.minCents - a.minCents).find((b) => cents >= b.minCents);
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/**
 * Priority of a request, starting from `base` (the rule's or the intent's).
 * @example assessPriority({ text: 'third time asking, I will file a chargeback' }, 'normal', config).priority === 'urgent'
 */
export function assessPriority(input: PriorityInput, base: TicketPriority, config: RoutingConfig): PriorityAssessment {
  const { priority: settings } = config;
  let points = 0;
  let floor = 0;
  const tags: string[] = [];
  const reasons: string[] = [];
  for (const cue of settings.cues) {
    const match = cueRegex(cue).exec(input.text);
    if (!match) continue;
    points += cue.points;
    if (cue.atLeast) floor = Math.max(floor, level(cue.atLeast));
    if (cue.tag && !tags.includes(cue.tag)) tags.push(cue.tag);
    reasons.push(`cue ${cue.name}: "${match[0]}"${cue.atLeast ? ` (at least ${cue.atLeast})` : ` (+${cue.points})`}`);
  }
  if (input.sentiment) {
    const band = [...settings.negativeSentiment].sort((a, b) => a.maxScore - b.maxScore).find((b) => input.sentiment!.score <= b.maxScore);
    if (band && band.points > 0) {
      points += band.points;
      reasons.push(`negative sentiment ${input.sentiment.score.toFixed(2)} (+${band.points})`);
    }
  }
  const order = valueBand(settings.orderValue, input.orderValueCents);
  if (order) {
    points += order.points;
    if (order.tag) tags.push(order.tag);
    reasons.push(`order value ${dollars(input.orderValueCents!)} (+${order.points})`);
  }
  const customer = valueBand(settings.customerValue, input.customerValueCents);
  if (customer) {
    points += customer.points;
    if (customer.tag && !tags.includes(customer.tag)) tags.push(customer.tag);
    reasons.push(`customer lifetime value ${dollars(input.customerValueCents!)} (+${customer.points})`);
  }
  // Small epsilon: 0.5 + 0.5 must reach a full level despite floating point.
  const raised = level(base) + Math.floor(points + 1e-9);
  return { priority: atLevel(Math.max(raised, floor)), points, tags, reasons };
}

/** Minutes to first response for a priority. */
export function slaMinutesFor(priority: TicketPriority, config: RoutingConfig): number {
  return config.sla.minutes[priority];
}

/**
 * The priority of a ticket that has waited `ageMinutes` against an SLA of
 * `slaMinutes`: one level up per full SLA period waited, at most `maxEscalations`.
 * @example escalatePriority('normal', 1500, 1440) === 'high'
 */
export function escalatePriority(priority: TicketPriority, ageMinutes: number, slaMinutes: number, maxEscalations = 2): TicketPriority {
  if (!(ageMinutes > 0) || !(slaMinutes > 0)) return priority;
  const steps = Math.min(maxEscalations, Math.floor(ageMinutes / slaMinutes));
  return atLevel(level(priority) + steps);
}

/** escalatePriority with the SLA and escalation limit of the config. */
export function priorityAfterWaiting(priority: TicketPriority, ageMinutes: number, config: RoutingConfig): TicketPriority {
  return escalatePriority(priority, ageMinutes, slaMinutesFor(priority, config), config.sla.maxEscalations);
}
