/** The facts an agent summary is made of. Every field comes from the conversation or the store. */

/** Who the customer is. */
export interface CustomerFact {
  /** The customer proved who they are (email + order number, or a store session). */
  verified: boolean;
  /** Store customer id: the verified customer, or the record an unverified email matches. */
  customerId: number | null;
  name: string | null;
  /** The verified customer's email, or the email the customer typed. */
  email: string | null;
  /** For an unverified customer: a store record has the email they gave. */
  emailMatchesRecord: boolean;
}

/** An order the customer mentioned, as the store has it. */
export interface OrderFact {
  number: string;
  /** false: the store has no order with this number. */
  found: boolean;
  status: string | null;
  totalCents: number | null;
  currency: string | null;
  /** For a verified customer: whether the order is theirs; null when not verified or not found. */
  ownedByCustomer: boolean | null;
}

/** One thing the customer asked for (a topical message and the answers that followed it). */
export interface RequestFact {
  /** NLU intent, or null when there is no NLU reading (e.g. an inbound email without a parser). */
  intent: string | null;
  /** The customer's words that opened the request. */
  text: string;
  orderNumbers: string[];
  /** The bot answered it and the customer did not push back (ask for a person, complain, say no). */
  resolved: boolean;
}

/** A tool the bot ran and how it ended. */
export interface BotActionFact {
  tool: string;
  /** ok | refused | not_found | needs_verification | error */
  status: string;
  orderNumber: string | null;
}

export interface TicketFacts {
  /** chat, botframework, email... */
  channel: string;
  customer: CustomerFact;
  orders: OrderFact[];
  requests: RequestFact[];
  botActions: BotActionFact[];
  /** Sentiment label of each customer message in order (empty without a sentiment scorer). */
  sentiment: string[];
  /** The customer asked for a person. */
  askedForHuman: boolean;
  /** The last customer request that is not resolved, in their words; null when all are. */
  openQuestion: string | null;
}

/** Scores a text (the sentiment module's model fits). */
export interface SentimentScorer {
  scoreText(text: string): { label: string; score: number };
}

/** Reads a text (the NLU model fits): used for inbound messages, which arrive without a reading. */
export interface MessageParser {
  parseAsync(text: string): Promise<{ intent: { name: string; confidence: number }; entities: ReadonlyArray<{ entity: string; value: unknown }> }>;
}

/** The latest customer message when it is not stored with its NLU reading yet (the ticket opens mid-turn). */
export interface CurrentTurn {
  text: string;
  intent: { name: string; confidence: number };
  entities: ReadonlyArray<{ entity: string; value: unknown; text?: string }>;
}
