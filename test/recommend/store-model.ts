/**
 * Shared by the wiring tests: a hybrid model trained on a seeded test store
 * (so its ids are that store's products), saved to a folder and loaded back
 * the way the assistant loads it, and a product created after training.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLiveRecommender } from '../../src/assistant';
import { storeInteractions, storeItems, trainRecommender, type LiveRecommender } from '../../src/recommend';
import type { Db } from '../../src/store';
import { createLogger } from '../../src/util/logger';

/** Fast settings: the neural model is left out (its TensorFlow.js training is what takes time). */
const FAST = { seed: 7, sources: ['popularity', 'item-knn', 'mf', 'content'] as const, mf: { factors: 16, iterations: 4 } };

export interface TrainedStoreModel {
  live: LiveRecommender;
  dir: string;
  remove(): void;
}

/** Trains on the store's interactions and products as `shopdesk recommend train` does, then loads it through the assistant. */
export async function trainStoreModel(db: Db): Promise<TrainedStoreModel> {
  const products = await db.product.findMany({
    select: { id: true, title: true, description: true, category: true, brand: true, priceCents: true, color: true, material: true, attributes: true },
    orderBy: { id: 'asc' },
  });
  const rows = await db.interaction.findMany({ select: { customerId: true, sessionId: true, productId: true, kind: true, at: true }, orderBy: { id: 'asc' } });
  const model = await trainRecommender(storeInteractions(rows), storeItems(products), { ...FAST, sources: [...FAST.sources] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-store-model-'));
  model.save(dir);
  const live = await loadLiveRecommender(dir, db, createLogger('silent'));
  if (!live) throw new Error('the saved model did not load');
  return { live, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of `like` under a new id, title and SKU, created now: no interaction mentions it and the model has never seen it. */
export async function createNewProduct(db: Db, like: number, title: string) {
  const source = await db.product.findUniqueOrThrow({ where: { id: like } });
  const { id: _id, createdAt: _createdAt, sku, attributes, ...rest } = source;
  return db.product.create({ data: { ...rest, ...(attributes !== null ? { attributes } : {}), title, sku: `${sku}-NEW`, imageUrl: `/images/products/${sku}-NEW.svg`, stock: 25 } });
}
