/** DOM-free helpers of the widget: URL vetting, storage tolerance, error texts, ids, message normalisation. */
import { safeUrl } from '../../widget/src/dom';
import { createStore, memoryStorage, type KeyValueStorage } from '../../widget/src/store';
import { friendlyError, normalizeMessage, randomId } from '../../widget/src/wire';

test('safeUrl keeps http(s) and relative URLs and rejects script and data URLs', () => {
  for (const ok of ['https://shop.example/p/1', 'http://localhost:3000/products/2', '/products/3', 'products/4', '?q=shoes', '#top', '//cdn.example/img.png']) {
    expect(safeUrl(ok)).toBe(ok);
  }
  expect(safeUrl('  /products/5  ')).toBe('/products/5');
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:msgbox', 'mailto:a@b.c', '', 42, null, undefined]) {
    expect(safeUrl(bad)).toBeUndefined();
  }
});

test('the store round-trips conversation and outbox, ignores garbage and survives throwing storage', () => {
  const storage = memoryStorage();
  const store = createStore('http://host:3000', storage);
  expect(store.loadConversationId()).toBeUndefined();
  store.saveConversationId('c-1');
  expect(storage.getItem('shopdesk:conversation:http://host:3000')).toBe('{"conversationId":"c-1"}');
  expect(store.loadConversationId()).toBe('c-1');
  store.saveOutbox([{ clientId: 'a', text: 'hi', createdAt: '2025-01-01T00:00:00Z' }]);
  expect(store.loadOutbox()).toEqual([{ clientId: 'a', text: 'hi', createdAt: '2025-01-01T00:00:00Z' }]);
  store.saveOutbox([]);
  expect(storage.getItem('shopdesk:outbox:http://host:3000')).toBeNull();

  storage.setItem('shopdesk:outbox:http://host:3000', '[{"clientId":1},"x",{"clientId":"b","text":"ok","createdAt":"t"}]');
  expect(store.loadOutbox()).toEqual([{ clientId: 'b', text: 'ok', createdAt: 't' }]);
  storage.setItem('shopdesk:outbox:http://host:3000', '{not json');
  expect(store.loadOutbox()).toEqual([]);
  storage.setItem('shopdesk:conversation:http://host:3000', 'bare-id');
  expect(store.loadConversationId()).toBe('bare-id');

  const throwing: KeyValueStorage = {
    getItem: () => {
      throw new Error('denied');
    },
    setItem: () => {
      throw new Error('quota');
    },
    removeItem: () => {
      throw new Error('denied');
    },
  };
  const tolerant = createStore('x', throwing);
  expect(() => tolerant.saveConversationId('c')).not.toThrow();
  expect(() => tolerant.saveOutbox([])).not.toThrow();
  expect(tolerant.loadConversationId()).toBeUndefined();
  expect(tolerant.loadOutbox()).toEqual([]);
});

test('friendlyError keeps server texts and fills in missing ones', () => {
  expect(friendlyError({ code: 'rate_limited', message: 'Slow down.' })).toEqual({ code: 'rate_limited', message: 'Slow down.' });
  expect(friendlyError({ code: 'rate_limited', message: '' }).message).toBe("You're sending messages too fast — please wait a moment.");
  expect(friendlyError({ code: 'weird' as never, message: '' }).code).toBe('internal');
  expect(friendlyError(undefined).code).toBe('internal');
});

test('randomId gives distinct v4 UUIDs, also without crypto.randomUUID (plain-http pages) or crypto at all', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const check = () => {
    const ids = new Set(Array.from({ length: 100 }, randomId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(uuid);
  };
  check();
  const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  const real = globalThis.crypto;
  try {
    Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) }, configurable: true });
    check();
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    check();
  } finally {
    Object.defineProperty(globalThis, 'crypto', original);
  }
});

test('normalizeMessage rejects messages without an id and fills defaults', () => {
  expect(normalizeMessage(null)).toBeUndefined();
  expect(normalizeMessage({ text: 'no id' })).toBeUndefined();
  expect(normalizeMessage({ id: 3, role: 'bot', text: 'hi', createdAt: 'x' })).toEqual({ id: 3, role: 'bot', text: 'hi', parts: [], createdAt: 'x' });
});
