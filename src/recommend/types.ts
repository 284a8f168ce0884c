/**
 * Plain data types of the recommender: what it is trained on (interactions and
 * catalogue items, no database rows) and what it answers.
 */

/** What a shopper did with a product; purchases weigh most. */
export type InteractionKind = 'view' | 'add_to_cart' | 'purchase';

/** One implicit-feedback event. `at` is a time in milliseconds (only the order and gaps matter). */
export interface Interaction {
  user: string;
  item: string;
  /** Defaults to 'view' (e.g. a MovieLens rating is one implicit interaction). */
  kind?: InteractionKind;
  at: number;
}

/** A catalogue entry. `text` carries the description and any attributes worth matching on. */
export interface Item {
  id: string;
  title: string;
  category: string;
  text: string;
  priceCents?: number;
}

/** The models a recommendation can come from. */
export const SOURCE_NAMES = ['popularity', 'item-knn', 'mf', 'neural', 'content'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Which already-seen items are left out: all of them (default), purchases only, or none. */
export type ExcludeSeen = 'all' | 'purchased' | 'none';

/**
 * What to recommend for. Every field is optional except `k`; with nothing else
 * the answer is what is popular now.
 */
export interface RecommendQuery {
  /** A known shopper: their stored history is used (unknown ids count as new visitors). */
  userId?: string;
  /** Items viewed in the current session, oldest first (anonymous visitors, or on top of the stored history). */
  sessionItems?: readonly string[];
  /** "More like this": the product being looked at; it is treated as the most recent item and never returned. */
  seedItem?: string;
  /** Only items of this category (case-insensitive). */
  category?: string;
  /** Only items at or under this price; items without a price are kept. */
  maxPriceCents?: number;
  /** Items never to return. */
  exclude?: readonly string[];
  /** Which items of the shopper's own history to leave out. Default 'all'. */
  excludeSeen?: ExcludeSeen;
  /** How many results (1-100). */
  k: number;
}

/** One recommended item, with the model that contributed most and a short reason. */
export interface Recommendation {
  item: string;
  score: number;
  /** e.g. "bought together with Trail Shoes", "similar to Rain Jacket", "popular in shoes". */
  reason: string;
  source: SourceName;
}
