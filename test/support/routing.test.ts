/**
 * Support routing: the shipped config/routing.yml, config validation errors,
 * topic from the intent ranking, rules, priority cues, SLA escalation, and
 * the shipped NLU model feeding the router end to end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadNluModel, loadTrainingData, type NluModel } from '../../src/nlu';
import {
  assessPriority,
  createRouter,
  DEFAULT_ROUTING_CONFIG_PATH,
  detectLanguage,
  escalatePriority,
  isQuestion,
  loadRoutingConfig,
  parseRoutingConfig,
  priorityAfterWaiting,
  readingFromParse,
  routeMessage,
  RoutingConfigError,
  routingConfigSchema,
  signalsFromParse,
  TICKET_PRIORITIES,
  type RoutingConfig,
  type RoutingSignals,
} from '../../src/support/routing';

const config = loadRoutingConfig();
const QUEUES = ['orders', 'returns_refunds', 'shipping_delivery', 'payments_billing', 'account', 'feedback', 'sales', 'general'];

/** Signals for a message the NLU read as `intent` with `confidence` (no ranking). */
function said(text: string, intent: string, confidence = 0.95, extra: Partial<RoutingSignals> = {}): RoutingSignals {
  return { text, intent: { name: intent, confidence }, entities: [], ...extra };
}

/** The shipped config with `rules` in front of its own, validated like a file. */
function withRules(rules: unknown[]): RoutingConfig {
  return routingConfigSchema.parse({ ...config, rules: [...rules, ...config.rules] });
}

describe('the shipped config/routing.yml', () => {
  test('declares the eight default queues and routes every NLU intent somewhere or marks it topicless', async () => {
    expect(Object.keys(config.queues).sort()).toEqual([...QUEUES].sort());
    const data = await loadTrainingData(path.resolve(__dirname, '../../intents'));
    const intents = [...new Set(data.examples.map((e) => e.intent))];
    expect(intents.length).toBeGreaterThan(10);
    const unrouted = intents.filter((i) => config.intents[i] === undefined && !config.topiclessIntents.includes(i));
    expect(unrouted).toEqual([]);
  });

  test('gives an SLA for every priority, shorter for more pressing ones', () => {
    const minutes = TICKET_PRIORITIES.map((p) => config.sla.minutes[p]);
    expect([...minutes].sort((a, b) => b - a)).toEqual(minutes);
  });
});

describe('config validation', () => {
  const shipped = fs.readFileSync(DEFAULT_ROUTING_CONFIG_PATH, 'utf8');

  test('a rule naming an undeclared queue is reported with file, line and path', () => {
    const broken = shipped.replace('    queue: payments_billing\n', '    queue: billing_team\n');
    expect(broken).not.toBe(shipped);
    const line = broken.split('\n').findIndex((l) => l.includes('billing_team')) + 1;
    let error: unknown;
    try {
      parseRoutingConfig(broken, 'config/routing.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RoutingConfigError);
    const problem = (error as RoutingConfigError).problems.find((p) => p.message.includes('billing_team'));
    expect(problem).toMatchObject({ line, path: expect.stringMatching(/^rules\[\d+\]\.queue$/) });
    expect((error as Error).message).toContain(`config/routing.yml:${line} ${problem!.path}`);
  });

  test('every problem is listed at once: bad regex, unknown priority, missing field', () => {
    const text = [
      'version: 1',
      'queues: { general: anything }',
      'fallbackQueue: general',
      'minTopicConfidence: 0.4',
      'intents: { greet: general }',
      'priority:',
      '  default: soon',
      '  cues:',
      '    - { name: broken, pattern: "([a-z", points: 1 }',
    ].join('\n');
    expect(() => parseRoutingConfig(text, 'x.yml')).toThrow(RoutingConfigError);
    try {
      parseRoutingConfig(text, 'x.yml');
    } catch (e) {
      const paths = (e as RoutingConfigError).problems.map((p) => p.path);
      expect(paths).toEqual(expect.arrayContaining(['priority.default', 'priority.cues[0].pattern', 'sla']));
      const regexProblem = (e as RoutingConfigError).problems.find((p) => p.path === 'priority.cues[0].pattern');
      expect(regexProblem?.line).toBe(9);
    }
  });

  test('YAML syntax errors and missing files name the file', () => {
    expect(() => parseRoutingConfig('version: 1\nqueues: [unclosed\n', 'bad.yml')).toThrow(/bad\.yml:\d+/);
    expect(() => loadRoutingConfig('/nonexistent/routing.yml')).toThrow(/\/nonexistent\/routing\.yml.*cannot read/s);
  });

  test('createRouter reads a store-edited file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'routing-'));
    const file = path.join(dir, 'routing.yml');
    fs.writeFileSync(file, shipped.replace('  track_order: shipping_delivery', '  track_order: orders'));
    try {
      expect(createRouter(file).route(said('where is my parcel', 'track_order')).queue).toBe('orders');
      expect(createRouter().route(said('where is my parcel', 'track_order')).queue).toBe('shipping_delivery');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('topic from the intents', () => {
  test('an intent goes to its queue and the decision says why', () => {
    const decision = routeMessage(said('where is my order?', 'track_order'), config);
    expect(decision).toMatchObject({ queue: 'shipping_delivery', rule: 'intent:track_order', priority: 'normal', slaMinutes: config.sla.minutes.normal });
    expect(decision.reasons[0]).toMatch(/topic shipping_delivery/);
  });

  test('a low-confidence or out-of-scope intent goes to general', () => {
    expect(routeMessage(said('blorp', 'track_order', 0.2), config)).toMatchObject({ queue: 'general', rule: 'fallback:low-confidence' });
    expect(routeMessage(said('what is the meaning of life', 'out_of_scope', 0.9), config)).toMatchObject({ queue: 'general', rule: 'fallback:no-topic' });
  });

  test('confidence split between intents of one queue is summed over the ranking', () => {
    const ranking = [
      { name: 'return_item', confidence: 0.3 },
      { name: 'get_refund', confidence: 0.25 },
      { name: 'track_order', confidence: 0.2 },
    ];
    const alone = said('money back for the shoes, they do not fit', 'return_item', 0.3);
    expect(routeMessage(alone, config).queue).toBe('general');
    expect(routeMessage({ ...alone, ranking }, config)).toMatchObject({ queue: 'returns_refunds', rule: 'intent:return_item' });
  });

  test('a request for a person takes the topic of the earlier messages, newest first', () => {
    const earlier = [
      { intent: { name: 'thank_you', confidence: 0.9 }, entities: [] },
      { intent: { name: 'track_refund', confidence: 0.9 }, entities: [{ entity: 'order_id', value: '52111' }] },
      { intent: { name: 'product_search', confidence: 0.9 }, entities: [] },
    ];
    const handoff = said('can I talk to a person', 'contact_human_agent', 0.97);
    expect(routeMessage(handoff, config).queue).toBe('general');
    const decision = routeMessage({ ...handoff, earlier }, config);
    expect(decision).toMatchObject({ queue: 'returns_refunds', rule: 'intent:track_refund' });
    expect(decision.reasons[0]).toMatch(/earlier message/);
  });
});

describe('rules', () => {
  test('an invoice number routes to billing whatever the intent', () => {
    const signals = said('about INV-2026-0001, where is it', 'track_order', 0.9, { entities: [{ entity: 'invoice_id', value: 'INV-2026-0001' }] });
    expect(routeMessage(signals, config)).toMatchObject({ queue: 'payments_billing', rule: 'invoice-reference' });
  });

  test('the first matching rule with a queue decides; priorities and tags of later matches still apply', () => {
    const custom = withRules([
      { name: 'big-order-any', when: { orderValueCents: { min: 100000 } }, tags: ['big'], priority: 'high' },
      { name: 'refund-to-vip', when: { intent: ['get_refund'], customerValueCents: { min: 500000 } }, queue: 'orders', tags: ['vip-desk'] },
      { name: 'refund-other', when: { intent: ['get_refund'] }, queue: 'payments_billing', tags: ['second'] },
    ]);
    const vip = routeMessage(said('refund please', 'get_refund', 0.9, { customerValueCents: 600000, orderValueCents: 120000 }), custom);
    expect(vip.queue).toBe('orders');
    expect(vip.rule).toBe('refund-to-vip');
    expect(vip.tags).toEqual(expect.arrayContaining(['big', 'vip-desk', 'second']));
    expect(['high', 'urgent']).toContain(vip.priority);
    // Without the signals the value conditions do not hold: never a guess.
    const unknown = routeMessage(said('refund please', 'get_refund', 0.9), custom);
    expect(unknown).toMatchObject({ queue: 'payments_billing', rule: 'refund-other' });
    expect(unknown.tags).not.toContain('big');
  });

  test('entity values, absence, sentiment and language conditions', () => {
    const custom = withRules([
      { name: 'eu-country', when: { entities: [{ entity: 'country', value: ['Germany', 'France'] }] }, queue: 'orders' },
      {
        name: 'angry-no-order',
        when: { entities: [{ entity: 'order_id', absent: true }], sentiment: { score: { max: -0.8 } }, intent: ['track_order'] },
        queue: 'feedback',
      },
    ]);
    expect(routeMessage(said('ship to germany?', 'delivery_options', 0.9, { entities: [{ entity: 'country', value: 'germany' }] }), custom).rule).toBe(
      'eu-country',
    );
    expect(routeMessage(said('ship to spain?', 'delivery_options', 0.9, { entities: [{ entity: 'country', value: 'Spain' }] }), custom).rule).toBe(
      'intent:delivery_options',
    );
    const angry = said('this is ridiculous where is it', 'track_order', 0.9, { sentiment: { label: 'negative', score: -0.9 } });
    expect(routeMessage(angry, custom).rule).toBe('angry-no-order');
    expect(routeMessage({ ...angry, entities: [{ entity: 'order_id', value: '48213' }] }, custom).rule).toBe('intent:track_order');
    expect(routeMessage({ ...angry, sentiment: undefined }, custom).rule).toBe('intent:track_order');
  });

  test('a message in another language is routed by topic and tagged with its language, and for translation when unsure', () => {
    // Unsure: the best guess stands, tagged for someone who reads Spanish.
    const unsure = routeMessage(said('Necesito cancelar mi pedido, por favor. Gracias.', 'cancel_order', 0.55), config);
    expect(unsure).toMatchObject({ queue: 'orders', rule: 'intent:cancel_order' });
    expect(unsure.tags).toEqual(expect.arrayContaining(['lang:es', 'needs-translation']));
    const sure = routeMessage(said('Necesito cancelar mi pedido, por favor. Gracias.', 'cancel_order', 0.9), config);
    expect(sure).toMatchObject({ queue: 'orders', rule: 'intent:cancel_order' });
    expect(sure.tags).toContain('lang:es');
    expect(sure.tags).not.toContain('needs-translation');
    // The channel's language wins over the guess.
    expect(routeMessage(said('Necesito cancelar mi pedido, por favor.', 'cancel_order', 0.6, { language: 'en' }), config).queue).toBe('orders');
  });

  test('a product intent stated as an opinion is feedback; asked as a question it is sales', () => {
    expect(routeMessage(said('Is the sweater machine washable?', 'product_details', 0.9), config).queue).toBe('sales');
    expect(routeMessage(said('The sweater pilled after two washes, not buying again.', 'product_details', 0.9), config)).toMatchObject({
      queue: 'feedback',
      rule: 'product-opinion',
    });
  });

  test('a long positive thank-you is praise at low priority; a bare "thanks" is not', () => {
    const positive = { label: 'positive', score: 0.95 };
    expect(routeMessage(said('Loved the quick help from your team yesterday, thanks again', 'thank_you', 0.95, { sentiment: positive }), config)).toMatchObject(
      { queue: 'feedback', priority: 'low', rule: 'praise' },
    );
    expect(routeMessage(said('thanks!', 'thank_you', 0.95, { sentiment: positive }), config)).toMatchObject({ queue: 'general', priority: 'low' });
  });

  test('asking for a person is never taken for an opinion', () => {
    const decision = routeMessage(
      said('I want to speak to someone right now please', 'contact_human_agent', 0.98, { sentiment: { label: 'negative', score: -0.9 } }),
      config,
    );
    expect(decision.queue).toBe('general');
  });
});

describe('priority and SLA', () => {
  test('urgency cues raise priority and tag the ticket; threats set a floor', () => {
    const plain = routeMessage(said('my refund has not arrived', 'track_refund'), config);
    expect(plain.priority).toBe('normal');
    const repeat = routeMessage(said('this is the third time I ask, my refund has not arrived', 'track_refund'), config);
    expect(repeat.priority).toBe('high');
    expect(repeat.tags).toContain('repeat-contact');
    const both = routeMessage(said('third time asking, I need the refund today', 'track_refund'), config);
    expect(both.priority).toBe('urgent');
    const threat = routeMessage(said('refund me or I file a chargeback', 'track_refund'), config);
    expect(threat).toMatchObject({ priority: 'urgent', slaMinutes: config.sla.minutes.urgent });
    expect(threat.tags).toContain('chargeback-risk');
    expect(threat.reasons.some((r) => r.includes('chargeback'))).toBe(true);
  });

  test('strong negative sentiment and order value add points; half a point alone changes nothing', () => {
    const base = said('where is my parcel', 'track_order');
    const negative = { label: 'negative', score: -0.95 };
    expect(routeMessage({ ...base, sentiment: negative }, config).priority).toBe('normal');
    expect(routeMessage({ ...base, text: 'where is my parcel, it has been 12 days', sentiment: negative }, config).priority).toBe('high');
    const bigOrder = routeMessage({ ...base, orderValueCents: 200000 }, config);
    expect(bigOrder.priority).toBe('high');
    expect(bigOrder.tags).toContain('high-value-order');
    expect(routeMessage({ ...base, orderValueCents: 2000 }, config).priority).toBe('normal');
  });

  test('intent and rule priorities are the starting point: information questions and small talk are low', () => {
    expect(routeMessage(said('which payment methods do you take', 'check_payment_methods'), config).priority).toBe('low');
    expect(routeMessage(said('hello', 'greet'), config).priority).toBe('low');
    expect(assessPriority({ text: 'whatever' }, 'low', config).priority).toBe('low');
    expect(assessPriority({ text: 'asap please' }, 'low', config).priority).toBe('normal');
  });

  test('a waiting ticket climbs one level per SLA period, up to the limit', () => {
    expect(escalatePriority('normal', 0, 1440)).toBe('normal');
    expect(escalatePriority('normal', 1439, 1440)).toBe('normal');
    expect(escalatePriority('normal', 1440, 1440)).toBe('high');
    expect(escalatePriority('normal', 2 * 1440, 1440)).toBe('urgent');
    expect(escalatePriority('low', 10 * 1440, 1440, 2)).toBe('high');
    expect(escalatePriority('urgent', 10_000, 60)).toBe('urgent');
    expect(priorityAfterWaiting('high', config.sla.minutes.high, config)).toBe('urgent');
    expect(createRouter(config).escalate('low', config.sla.minutes.low, config.sla.minutes.low)).toBe('normal');
  });

  test('routing a request that already waited applies the escalation and its SLA', () => {
    const fresh = routeMessage(said('where is my order', 'track_order'), config);
    const waited = routeMessage(said('where is my order', 'track_order', 0.95, { ageMinutes: config.sla.minutes.normal + 5 }), config);
    expect(fresh.priority).toBe('normal');
    expect(waited.priority).toBe('high');
    expect(waited.slaMinutes).toBe(config.sla.minutes.high);
    expect(waited.reasons.some((r) => r.startsWith('waited'))).toBe(true);
  });
});

describe('message form and language', () => {
  test('isQuestion sees question marks and interrogative openings, not statements', () => {
    expect(isQuestion('do u have a student discount')).toBe(true);
    expect(isQuestion('wheres my stuff. ordered 10 days ago')).toBe(true);
    expect(isQuestion('The app crashes every time I open my cart.')).toBe(false);
    expect(isQuestion("Your bot doesn't understand simple questions")).toBe(false);
  });

  test('detectLanguage finds German, French and Spanish and defaults to English', () => {
    expect(detectLanguage('Wo ist meine Bestellung? Sie sollte schon letzte Woche ankommen.')).toBe('de');
    expect(detectLanguage("Bonjour, je voudrais annuler ma commande s'il vous plaît.")).toBe('fr');
    expect(detectLanguage('Hola, ¿hablan español?')).toBe('es');
    expect(detectLanguage('ok then')).toBe('en');
    expect(detectLanguage('Can I pay in installments with Klarna?')).toBe('en');
  });
});

describe('with the shipped NLU model', () => {
  let nlu: NluModel;
  beforeAll(async () => {
    nlu = await loadNluModel();
  });

  async function route(text: string, earlierTexts: string[] = []) {
    const earlier = [];
    for (const t of earlierTexts) earlier.push(readingFromParse(await nlu.parseAsync(t)));
    return routeMessage(signalsFromParse(text, await nlu.parseAsync(text), earlier.length ? { earlier } : {}), config);
  }

  test('clear requests reach their queues', async () => {
    expect((await route('where is my order #48213? it should have arrived yesterday')).queue).toBe('shipping_delivery');
    expect((await route('please cancel order 48215, I ordered the wrong blender')).queue).toBe('orders');
    expect((await route('I forgot my password and cannot log in')).queue).toBe('account');
  });

  test('a handoff request is routed by what the customer asked before', async () => {
    const decision = await route('can I talk to a real person please', ['I want to return the sweater from order 48214, it is too small']);
    expect(decision.queue).toBe('returns_refunds');
  });
});
