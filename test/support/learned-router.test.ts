/**
 * The queue model learned from labelled tickets (src/support/routing/learned.ts):
 * it learns a split the intent map cannot express, its blend weight comes from
 * cross-validation, it survives save/load, and bad files fail with clear errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModelFileError } from '../../src/nlu';
import { jaccard } from '../../src/util/jaccard';
import {
  createRouter,
  findTopic,
  LearnedQueueModel,
  loadRoutingConfig,
  readLabelledTickets,
  routeMessage,
  trainQueueModel,
  withoutNearDuplicates,
  wordSet,
  type RoutingSignals,
  type TicketParser,
} from '../../src/support/routing';

const config = loadRoutingConfig();

// A store whose team handles "you sent the wrong size, swap it" as a return, while the
// intents read every change of size as change_order (queue: orders).
const ITEMS = ['hoodie', 'jacket', 'sneakers', 'jeans', 'dress', 'boots', 'shirt', 'coat', 'sweater', 'shorts', 'cap', 'scarf'];
const exchanges = ITEMS.map((item, i) => ({ text: `you sent me the wrong size ${item}, it arrived as ${i % 2 ? 'S' : 'XL'}, please swap it for the right one`, queue: 'returns_refunds' }));
const changes = ITEMS.map((item, i) => ({ text: `before it ships please change the ${item} in my order to size ${i % 2 ? 'M' : 'L'}`, queue: 'orders' }));
const tracking = ITEMS.map((item) => ({ text: `where is the parcel with my ${item}, tracking has not moved`, queue: 'shipping_delivery' }));

/** A parser reading every size change as change_order and parcels as track_order, as the shipped intents do. */
const parser: TicketParser = {
  parseAsync: async (text) => {
    const name = /parcel|tracking/.test(text) ? 'track_order' : 'change_order';
    return { text, intent: { name, confidence: 0.9 }, intent_ranking: [{ name, confidence: 0.9 }], entities: [] };
  },
};

const signalsOf = async (text: string): Promise<RoutingSignals> => {
  const parse = await parser.parseAsync(text);
  return { text, intent: parse.intent, ranking: parse.intent_ranking ?? [], entities: [] };
};

let model: LearnedQueueModel;

beforeAll(async () => {
  model = await trainQueueModel([...exchanges, ...changes, ...tracking], parser, config);
});

test("a learned queue model routes what the intents cannot tell apart the way the store's team does", async () => {
  const exchange = await signalsOf('the sandals arrived in the wrong size, can you swap them for a 39');
  expect(routeMessage(exchange, config).queue).toBe('orders');
  const decision = routeMessage(exchange, config, model);
  expect(decision.queue).toBe('returns_refunds');
  expect(decision.rule).toBe('learned');
  // What the intents and the tickets agree on stays where it was.
  expect(routeMessage(await signalsOf('before it ships change the sandals to size 38'), config, model).queue).toBe('orders');
  expect(routeMessage(await signalsOf('my parcel with the sandals: tracking is stuck'), config, model).queue).toBe('shipping_delivery');
});

test('the blend weight is chosen by cross-validation: here the intents alone get a third wrong', () => {
  const byWeight = model.meta!.crossValidation.accuracyByWeight;
  expect(byWeight.find((c) => c.weight === 0)!.accuracy).toBeCloseTo(2 / 3, 2);
  expect(model.weight).toBeGreaterThan(0);
  expect(byWeight.find((c) => c.weight === model.weight)!.accuracy).toBe(Math.max(...byWeight.map((c) => c.accuracy)));
});

test('save and load give the same model; a broken folder names the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-router-'));
  try {
    model.save(dir, [{ file: 'tickets.jsonl', sha256: 'abc' }]);
    const loaded = LearnedQueueModel.load(dir)!;
    expect(loaded.weight).toBe(model.weight);
    expect(loaded.meta?.sources).toEqual([{ file: 'tickets.jsonl', sha256: 'abc' }]);
    const text = 'wrong size sent, swap please';
    expect([...loaded.probabilities(text)]).toEqual([...model.probabilities(text)]);
    fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.alloc(10));
    expect(() => LearnedQueueModel.load(dir)).toThrow(ModelFileError);
    expect(() => LearnedQueueModel.load(dir)).toThrow(/weights\.bin/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(LearnedQueueModel.load(path.join(os.tmpdir(), 'no-such-router-model'))).toBeUndefined();
});

test('labelled ticket files are checked line by line, and queues must exist in the config', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-tickets-'));
  try {
    const file = path.join(dir, 'tickets.jsonl');
    fs.writeFileSync(file, '{"text": "where is it", "queue": "shipping_delivery"}\n{"text": "no queue"}\n');
    expect(() => readLabelledTickets([file])).toThrow(`${file}:2: needs "text"`);
    fs.writeFileSync(file, '{"text": "where is it", "queue": "shipping_delivery"}\nnot json\n');
    expect(() => readLabelledTickets([file])).toThrow(`${file}:2: not valid JSON`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await expect(trainQueueModel([...exchanges, { text: 'hello', queue: 'vip_desk' }], parser, config)).rejects.toThrow(/queue "vip_desk"/);
  await expect(trainQueueModel(exchanges.slice(0, 3), parser, config)).rejects.toThrow(/At least 10 labelled tickets/);
  const fewerQueues = { ...config, queues: { orders: config.queues.orders! } };
  expect(() => createRouter(fewerQueues, model)).toThrow(/returns_refunds/);
});

test('the shipped queue model (models/router) loads and fits the shipped routing config', () => {
  const shipped = LearnedQueueModel.load();
  expect(shipped).toBeDefined();
  expect([...shipped!.queues].sort()).toEqual(Object.keys(config.queues).sort());
  expect(createRouter(config, shipped).learned).toBe(shipped);
  expect(shipped!.meta!.sources.length).toBeGreaterThan(0);
});

test('tickets that nearly repeat an evaluation message are left out, others kept', () => {
  const held = [{ text: 'Do you deliver on Saturdays?' }, { text: 'test' }];
  const tickets = [
    { text: 'do you deliver on saturdays', queue: 'shipping_delivery' },
    { text: 'Test', queue: 'general' },
    { text: 'do you deliver to Norway on weekdays only, and what does it cost?', queue: 'shipping_delivery' },
  ];
  const { kept, dropped } = withoutNearDuplicates(tickets, held);
  expect(dropped).toBe(2);
  expect(kept.map((t) => t.text)).toEqual(['do you deliver to Norway on weekdays only, and what does it cost?']);
  expect(jaccard(wordSet('Où est ma commande ?'), wordSet('où est ma commande'))).toBe(1);
});

test("the learned model's pick of the fallback queue needs a real intent claim, else the earlier topic holds", () => {
  // The learned model likes the general (fallback) queue for this wording; the intents say
  // "a person, please" (topicless) and store_info, the general queue's intent, only at 0.0002.
  const blender = { blend: () => new Map([['general', 0.8], ['shipping_delivery', 0.1]]) };
  const signals = (storeInfo: number): RoutingSignals => ({
    text: 'it is taking too long, I want to talk to a real person',
    intent: { name: 'contact_human_agent', confidence: 0.98 },
    ranking: [
      { name: 'contact_human_agent', confidence: 0.98 },
      { name: 'store_info', confidence: storeInfo },
    ],
    entities: [],
    earlier: [{ intent: { name: 'track_order', confidence: 0.99 }, entities: [] }],
  });
  const weak = findTopic(signals(0.0002), config, blender);
  expect(weak).toMatchObject({ queue: 'shipping_delivery', intent: 'track_order', source: 'earlier' });
  // A store_info reading the topic threshold accepts does claim the general queue.
  const real = findTopic(signals(0.5), config, blender);
  expect(real).toMatchObject({ queue: 'general', intent: 'store_info', source: 'message' });
});
