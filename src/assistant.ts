/**
 * Builds the shopper assistant (NLU model + catalog lookups + tools + dialogue
 * engine + the support desk it hands over to) once the database is ready. Kept beside the composition root so the
 * server only asks "is the assistant ready?".
 */
import path from 'node:path';
import { DialogueEngine } from './dialogue/engine';
import { ResponseTemplates } from './dialogue/responses';
import { loadNluModel, type NluModel } from './nlu';
import { DEFAULT_RECOMMEND_MODEL_DIR, LiveRecommender, loadRecommender, RecommendModelError, storeItems } from './recommend';
import { loadSentimentModel, type SentimentModel } from './sentiment';
import { ConversationStore, type Db } from './store';
import { createRouter, createSummarizer, DEFAULT_ROUTER_MODEL_DIR, LearnedQueueModel, loadRoutingConfig, SupportEvents, TicketService, type Router } from './support';
import { createToolRegistry } from './tools';
import type { Logger } from './util/logger';

export interface Assistant {
  nlu: NluModel;
  sentiment: SentimentModel;
  engine: DialogueEngine;
  conversations: ConversationStore;
  /** Recommendations for the chat and the storefront; undefined without a model (the chat then uses its baseline). */
  recommender?: LiveRecommender;
  /** The support desk: tickets the bot opens and agents work. */
  tickets: TicketService;
  events: SupportEvents;
}

export interface AssistantOptions {
  /** Folder of the recommender model. Default models/recommend of this checkout. */
  recommendModelDir?: string;
  /** The bus the channels listen on; a private one when the caller has no channels (stories, tests). */
  events?: SupportEvents;
  /** Store-edited routing rules; default config/routing.yml. */
  routingConfigPath?: string;
  /** Queue model learned from labelled tickets; default models/router of this checkout (none there: intents and rules alone). */
  routerModelDir?: string;
  /** The dialogue's and the tools' clock (stories pin it to the day their demo store was generated for). */
  now?: () => Date;
}

/**
 * The ticket router: the store's rules, plus the learned queue model when there is
 * one that fits them. A model for other queues is left out with a warning rather
 * than keeping the server from starting: the intents and rules still route.
 */
function buildRouter(options: AssistantOptions, logger: Logger): Router {
  const config = loadRoutingConfig(options.routingConfigPath);
  const dir = options.routerModelDir ?? DEFAULT_ROUTER_MODEL_DIR;
  const learned = LearnedQueueModel.load(dir);
  if (!learned) {
    logger.info({ dir }, 'no learned queue model: routing by intents and rules');
    return createRouter(config);
  }
  try {
    const router = createRouter(config, learned);
    logger.info({ dir, weight: learned.weight, examples: learned.meta?.examples }, 'learned queue model loaded');
    return router;
  } catch (error) {
    logger.warn({ dir, err: error }, 'the learned queue model does not fit the routing config; routing by intents and rules');
    return createRouter(config);
  }
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

/**
 * Loads the recommender model and serves it against the store's catalogue.
 * Undefined when there is no readable model folder; both fallbacks (no model,
 * or a model trained on another catalogue) are logged, because each leaves
 * the chat on its baseline and the storefront without "you may also like".
 */
export async function loadLiveRecommender(dir: string, db: Db, logger: Logger): Promise<LiveRecommender | undefined> {
  const started = Date.now();
  let model;
  try {
    model = await loadRecommender(dir);
  } catch (error) {
    if (!(error instanceof RecommendModelError)) throw error;
    logger.warn({ err: error.message }, 'no recommender model: the chat recommends with the baseline, the storefront shows no "you may also like"');
    return undefined;
  }
  const live = new LiveRecommender(model, {
    loadItems: async () =>
      storeItems(
        await db.product.findMany({
          select: { id: true, title: true, description: true, category: true, brand: true, priceCents: true, color: true, material: true, attributes: true },
          orderBy: { id: 'asc' },
        }),
      ),
    onCatalog: (fit) =>
      fit.matches
        ? logger.info({ ...fit }, 'recommender serves the store catalogue (products it has never seen by content similarity)')
        : logger.warn({ ...fit }, 'recommender model was trained on another catalogue: the chat uses the baseline and the storefront shows no "you may also like" until `shopdesk recommend train` is run'),
  });
  // Reads the catalogue now, so the fit is in the startup log and the first shopper does not wait for it.
  await live.current();
  logger.info({ ms: Date.now() - started, items: model.itemCount, trainedAt: model.meta.trainedAt }, 'recommender model loaded');
  return live;
}

export async function buildAssistant(nlu: NluModel, db: Db, logger: Logger, options: AssistantOptions = {}): Promise<Assistant> {
  const lookups = await addCatalogLookups(nlu, db);
  logger.info({ lookups }, 'catalog lookups added to the NLU');
  const conversations = new ConversationStore(db);
  const sentiment = loadSentimentModel();
  const recommender = await loadLiveRecommender(options.recommendModelDir ?? DEFAULT_RECOMMEND_MODEL_DIR, db, logger);
  const events = options.events ?? new SupportEvents();
  const tickets = new TicketService({
    db,
    conversations,
    router: buildRouter(options, logger),
    summarizer: createSummarizer(db, { sentiment, parser: nlu }),
    events,
    nlu,
    sentiment,
  });
  const engine = new DialogueEngine({
    desk: {
      openTicket: async (conversationId, request) => {
        const { ticket, created } = await tickets.openFromConversation(conversationId, request);
        return { ticketId: ticket.id, queue: ticket.queue, status: ticket.status, created };
      },
    },
    recommender,
    sentiment,
    nlu,
    tools: createToolRegistry(),
    conversations,
    responses: ResponseTemplates.load(),
    db,
    audit: (conversationId, event, details) => logger.info({ audit: event, conversationId, ...details }, 'audit'),
    ...(options.now ? { now: options.now } : {}),
  });
  return { nlu, sentiment, engine, conversations, recommender, tickets, events };
}
