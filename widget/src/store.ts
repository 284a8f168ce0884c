/**
 * Persistence for the widget: the conversation id and the outbox of messages
 * not yet acknowledged. Tolerant of storage being unavailable (Safari private
 * mode, blocked third-party storage, quota errors): it then keeps state in
 * memory for the life of the page. No DOM.
 */

/** The subset of the Web Storage API the widget needs. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A message typed by the shopper that the server has not acknowledged yet. */
export interface OutboxItem {
  clientId: string;
  text: string;
  /** What the widget shows instead of `text` (a quick reply's title). */
  display?: string;
  /** When the shopper sent it (ISO 8601). */
  createdAt: string;
}

export interface WidgetStore {
  loadConversationId(): string | undefined;
  saveConversationId(id: string | undefined): void;
  loadOutbox(): OutboxItem[];
  saveOutbox(items: OutboxItem[]): void;
}

export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, String(value));
    },
    removeItem: (key) => {
      map.delete(key);
    },
  };
}

/** window.localStorage when it exists and works, else an in-memory stand-in. */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (storage) {
      const probe = 'shopdesk:probe';
      storage.setItem(probe, '1');
      storage.removeItem(probe);
      return storage;
    }
  } catch {
    // Access itself can throw (SecurityError); fall through.
  }
  return memoryStorage();
}

export function conversationKey(server: string): string {
  return `shopdesk:conversation:${server}`;
}

export function outboxKey(server: string): string {
  return `shopdesk:outbox:${server}`;
}

function isOutboxItem(value: unknown): value is OutboxItem {
  const v = value as OutboxItem;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.clientId === 'string' &&
    typeof v.text === 'string' &&
    typeof v.createdAt === 'string' &&
    (v.display === undefined || typeof v.display === 'string')
  );
}

function read(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function write(storage: KeyValueStorage, key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Quota exceeded or storage revoked: the in-memory state still works.
  }
}

/**
 * Stores under `shopdesk:conversation:<server>` a JSON object
 * `{"conversationId": "..."}` and under `shopdesk:outbox:<server>` a JSON array
 * of OutboxItem. Malformed values are ignored.
 */
export function createStore(server: string, storage: KeyValueStorage = browserStorage()): WidgetStore {
  const cKey = conversationKey(server);
  const oKey = outboxKey(server);
  return {
    loadConversationId() {
      const raw = read(storage, cKey);
      if (!raw) return undefined;
      try {
        const parsed = JSON.parse(raw) as { conversationId?: unknown } | string;
        if (typeof parsed === 'string') return parsed || undefined;
        return typeof parsed?.conversationId === 'string' && parsed.conversationId ? parsed.conversationId : undefined;
      } catch {
        // A bare id written by an older version.
        return raw;
      }
    },
    saveConversationId(id) {
      write(storage, cKey, id ? JSON.stringify({ conversationId: id }) : undefined);
    },
    loadOutbox() {
      const raw = read(storage, oKey);
      if (!raw) return [];
      try {
        const parsed: unknown = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.filter(isOutboxItem) : [];
      } catch {
        return [];
      }
    },
    saveOutbox(items) {
      write(storage, oKey, items.length ? JSON.stringify(items) : undefined);
    },
  };
}
