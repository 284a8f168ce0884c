/**
 * Builds the shopper assistant (NLU model + catalog lookups + tools + dialogue
 * engine) once the database is ready. Kept beside the composition root so the
 * server only asks "is the assistant ready?".
 */
import path from 'node:path';
import { DialogueEngine } from './dialogue/engine';
import { ResponseTemplates } from './dialogue/responses';
import { loadNluModel, type NluModel } from './nlu';
import { ConversationStore, type Db } from './store';
import { createToolRegistry } from './tools';
import type { Logger } from './util/logger';

export interface Assistant {
  nlu: NluModel;
  engine: DialogueEngine;
  conversations: ConversationStore;
}

/** Catalog values become lookup entities, so the shop's own brands and colours are recognised (with typos). */
async function addCatalogLookups(nlu: NluModel, db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const rows = await db.product.findMany({ select: { brand: true, category: true, color: true, material: true } });
  for (const field of ['brand', 'category', 'color', 'material'] as const) {
    const elements = [...new Set(rows.map((r) => r[field]).filter((v): v is string => Boolean(v)))];
    nlu.addLookup({ name: field, elements });
    counts[field] = elements.length;
  }
  return counts;
}

export async function loadNlu(modelsDir: string, logger: Logger): Promise<NluModel> {
  const started = Date.now();
  const nlu = await loadNluModel(path.join(modelsDir, 'nlu'));
  logger.info({ ms: Date.now() - started, intents: nlu.intents.length }, 'NLU model loaded');
  return nlu;
}

export async function buildAssistant(nlu: NluModel, db: Db, logger: Logger): Promise<Assistant> {
  const lookups = await addCatalogLookups(nlu, db);
  logger.info({ lookups }, 'catalog lookups added to the NLU');
  const conversations = new ConversationStore(db);
  const engine = new DialogueEngine({
    nlu,
    tools: createToolRegistry(),
    conversations,
    responses: ResponseTemplates.load(),
    db,
    audit: (conversationId, event, details) => logger.info({ audit: event, conversationId, ...details }, 'audit'),
  });
  return { nlu, engine, conversations };
}
