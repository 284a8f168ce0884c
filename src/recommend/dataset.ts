/**
 * Turns plain interactions and items into the dense index space every model
 * works in: a catalogue (item index), one ordered, de-duplicated history per
 * shopper and a columnar event log for popularity.
 */
import { createHash } from 'node:crypto';
import { RecommendInputError } from './errors';
import type { Interaction, InteractionKind, Item } from './types';

/** Items by dense index; interactions on ids missing from the item list are appended with the id as title. */
export interface Catalog {
  ids: string[];
  index: Map<string, number>;
  titles: string[];
  categories: string[];
  /** NaN where the item has no price. */
  prices: Float64Array;
  texts: string[];
}

/** One shopper's distinct items, oldest first interaction first. */
export interface UserHistory {
  items: Int32Array;
  /** Strongest kind weight seen for the item. */
  weights: Float32Array;
  /** 1 where the shopper bought the item. */
  purchased: Uint8Array;
}

/** Every event, in time order, for popularity. */
export interface EventLog {
  item: Int32Array;
  weight: Float32Array;
  at: Float64Array;
}

export interface EncodedData {
  catalog: Catalog;
  users: string[];
  userIndex: Map<string, number>;
  histories: UserHistory[];
  events: EventLog;
  /** Interactions whose item was not in the item list. */
  unknownItems: number;
}

/** Builds the catalogue from the item list, then appends ids seen only in interactions (first-seen order). */
export function buildCatalog(items: readonly Item[], interactions: readonly Interaction[]): Catalog {
  const catalog: Catalog = { ids: [], index: new Map(), titles: [], categories: [], prices: new Float64Array(0), texts: [] };
  const prices: number[] = [];
  const add = (id: string, title: string, category: string, text: string, price: number) => {
    catalog.index.set(id, catalog.ids.length);
    catalog.ids.push(id);
    catalog.titles.push(title);
    catalog.categories.push(category);
    catalog.texts.push(text);
    prices.push(price);
  };
  for (const item of items) {
    if (typeof item.id !== 'string' || item.id === '') throw new RecommendInputError('every item needs a non-empty string id');
    if (catalog.index.has(item.id)) throw new RecommendInputError(`item id ${item.id} appears twice in the item list`);
    add(item.id, item.title ?? item.id, item.category ?? '', item.text ?? '', item.priceCents ?? Number.NaN);
  }
  for (const event of interactions) if (!catalog.index.has(event.item)) add(event.item, event.item, '', '', Number.NaN);
  catalog.prices = Float64Array.from(prices);
  return catalog;
}

/** Interaction indexes in time order; equal times keep input order, so the result is deterministic. */
export function timeOrder(interactions: readonly Interaction[]): Int32Array {
  const order = Int32Array.from(interactions.keys());
  for (const event of interactions) {
    if (!Number.isFinite(event.at)) throw new RecommendInputError(`interaction of user ${event.user} on ${event.item} has a non-finite time ${event.at}`);
    if (typeof event.user !== 'string' || typeof event.item !== 'string') throw new RecommendInputError('interaction user and item must be strings');
  }
  return order.sort((a, b) => interactions[a]!.at - interactions[b]!.at || a - b);
}

/** Weight of an interaction kind (undefined is a view). */
export function kindWeight(kind: InteractionKind | undefined, weights: Record<InteractionKind, number>): number {
  const w = weights[kind ?? 'view'];
  if (w === undefined) throw new RecommendInputError(`unknown interaction kind ${String(kind)} (known: ${Object.keys(weights).join(', ')})`);
  return w;
}

/** Encodes interactions against a catalogue (items not in it must have been added by buildCatalog). */
export function encodeInteractions(interactions: readonly Interaction[], catalog: Catalog, kindWeights: Record<InteractionKind, number>, knownItems = catalog.ids.length): EncodedData {
  const order = timeOrder(interactions);
  const userIndex = new Map<string, number>();
  const users: string[] = [];
  const perUser: { items: number[]; weights: number[]; purchased: number[]; pos: Map<number, number> }[] = [];
  const events: EventLog = { item: new Int32Array(order.length), weight: new Float32Array(order.length), at: new Float64Array(order.length) };
  let unknownItems = 0;
  order.forEach((k, n) => {
    const event = interactions[k]!;
    const item = catalog.index.get(event.item);
    if (item === undefined) throw new RecommendInputError(`item ${event.item} is not in the catalogue`);
    if (item >= knownItems) unknownItems++;
    const w = kindWeight(event.kind, kindWeights);
    events.item[n] = item;
    events.weight[n] = w;
    events.at[n] = event.at;
    let u = userIndex.get(event.user);
    if (u === undefined) {
      u = users.length;
      userIndex.set(event.user, u);
      users.push(event.user);
      perUser.push({ items: [], weights: [], purchased: [], pos: new Map() });
    }
    const h = perUser[u]!;
    const at = h.pos.get(item);
    if (at === undefined) {
      h.pos.set(item, h.items.length);
      h.items.push(item);
      h.weights.push(w);
      h.purchased.push(event.kind === 'purchase' ? 1 : 0);
    } else {
      h.weights[at] = Math.max(h.weights[at]!, w);
      if (event.kind === 'purchase') h.purchased[at] = 1;
    }
  });
  const histories = perUser.map((h) => ({ items: Int32Array.from(h.items), weights: Float32Array.from(h.weights), purchased: Uint8Array.from(h.purchased) }));
  return { catalog, users, userIndex, histories, events, unknownItems };
}

/** Item -> shoppers lists (CSR) of a set of histories, for co-occurrence and MF item updates. */
export interface ItemUsers {
  offsets: Int32Array;
  users: Int32Array;
  weights: Float32Array;
}

export function invertHistories(histories: readonly UserHistory[], itemCount: number): ItemUsers {
  const counts = new Int32Array(itemCount + 1);
  for (const h of histories) for (const i of h.items) counts[i + 1]!++;
  for (let i = 0; i < itemCount; i++) counts[i + 1]! += counts[i]!;
  const fill = counts.slice(0, itemCount);
  const users = new Int32Array(counts[itemCount]!);
  const weights = new Float32Array(counts[itemCount]!);
  histories.forEach((h, u) => {
    h.items.forEach((i, n) => {
      const at = fill[i]!++;
      users[at] = u;
      weights[at] = h.weights[n]!;
    });
  });
  return { offsets: counts, users, weights };
}

/** SHA-256 of the training data (interactions in the given order and items), for meta.json. */
export function hashData(interactions: readonly Interaction[], items: readonly Item[]): string {
  const hash = createHash('sha256');
  for (const e of interactions) hash.update(`${e.user}\t${e.item}\t${e.kind ?? 'view'}\t${e.at}\n`);
  hash.update('--items--\n');
  for (const i of items) hash.update(`${i.id}\t${i.title}\t${i.category}\t${i.priceCents ?? ''}\t${i.text}\n`);
  return hash.digest('hex');
}
