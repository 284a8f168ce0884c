/**
 * Rich parts of a bot message (product cards, order timeline, quick replies,
 * links) as DOM. All data goes through textContent or vetted attributes; URLs
 * pass safeUrl (http(s) or relative only).
 */
import type { ProductCard, QuickReply, RichPart, TimelineEvent } from '../../src/dialogue/reply';
import { dateNode, h, safeUrl } from './dom';

export interface PartHandlers {
  onQuickReply(reply: QuickReply): void;
}

type Part<T extends RichPart['type']> = Extract<RichPart, { type: T }>;

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

export function renderPart(part: RichPart, handlers: PartHandlers): HTMLElement | null {
  if (!part || typeof part !== 'object') return null;
  switch (part.type) {
    case 'product_cards':
      return renderProductCards(part);
    case 'order_timeline':
      return renderTimeline(part);
    case 'quick_replies':
      return renderQuickReplies(part, handlers);
    case 'link':
      return renderLink(part);
    default:
      return null; // A part type this widget version does not know.
  }
}

function stars(rating: number): string {
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}

function renderRating(card: ProductCard): HTMLElement {
  const rating = Number(card.rating) || 0;
  const count = Number(card.reviewCount) || 0;
  if (!count) return h('div', { class: 'sd-rating sd-rating-count', text: 'No reviews yet' });
  const label = `Rated ${rating.toFixed(1)} out of 5, ${count} review${count === 1 ? '' : 's'}`;
  return h('div', { class: 'sd-rating', attrs: { title: label } }, [
    h('span', { class: 'sd-sr', text: label }),
    h('span', { class: 'sd-stars', text: stars(rating), attrs: { 'aria-hidden': 'true' } }),
    h('span', { class: 'sd-rating-count', text: ` (${count})`, attrs: { 'aria-hidden': 'true' } }),
  ]);
}

export function renderProductCard(card: ProductCard): HTMLElement {
  const title = str(card.title);
  const image = safeUrl(card.imageUrl);
  const body = h('div', { class: 'sd-card-body' }, [
    h('span', { class: 'sd-card-title', text: title }),
    card.brand ? h('span', { class: 'sd-card-brand', text: str(card.brand) }) : null,
    h('span', { class: 'sd-card-price', text: str(card.price) }),
    renderRating(card),
    card.inStock === false ? h('span', { class: 'sd-oos', text: 'Out of stock', attrs: { 'data-testid': 'sd-out-of-stock' } }) : null,
    card.reason ? h('span', { class: 'sd-card-reason', text: str(card.reason) }) : null,
  ]);
  const img = image
    ? h('img', { class: 'sd-card-img', attrs: { src: image, alt: '', loading: 'lazy', width: 64, height: 64, decoding: 'async' } })
    : null;
  const href = safeUrl(card.url);
  // Same tab on purpose: the shopper is on the store already.
  const inner = href ? h('a', { class: 'sd-card-link', attrs: { href } }, [img, body]) : h('div', { class: 'sd-card-link' }, [img, body]);
  return h('li', { class: 'sd-product-card', attrs: { 'data-testid': 'sd-product-card', 'data-product-id': str(card.id), 'data-sku': str(card.sku) || undefined } }, [
    inner,
  ]);
}

function renderProductCards(part: Part<'product_cards'>): HTMLElement {
  const cards = Array.isArray(part.products) ? part.products : [];
  return h('ul', { class: 'sd-part sd-cards', attrs: { 'aria-label': 'Products' } }, cards.map(renderProductCard));
}

const statusKey = (status: string) => status.toLowerCase().replace(/[^a-z0-9]+/g, '_');

function renderEvent(event: TimelineEvent): HTMLElement {
  const meta = h('div', { class: 'sd-event-meta' }, [dateNode(event.at)]);
  if (event.location) meta.appendChild(document.createTextNode(` · ${str(event.location)}`));
  return h('li', { class: 'sd-event', attrs: { 'data-testid': 'sd-timeline-event' } }, [
    h('div', { class: 'sd-event-status', text: str(event.status) }),
    meta,
    event.note ? h('div', { class: 'sd-event-note', text: str(event.note) }) : null,
  ]);
}

function renderTimeline(part: Part<'order_timeline'>): HTMLElement {
  const status = str(part.status);
  const order = str(part.orderNumber);
  const shipping = [part.carrier, part.trackingNumber].map(str).filter(Boolean).join(' · ');
  const events = Array.isArray(part.events) ? part.events : [];
  return h('section', { class: 'sd-part sd-timeline', attrs: { 'data-testid': 'sd-timeline', 'aria-label': `Order ${order}` } }, [
    h('div', { class: 'sd-tl-head' }, [
      h('span', { class: 'sd-tl-order', text: `Order ${order}` }),
      h('span', { class: 'sd-badge', text: status, attrs: { 'data-status': statusKey(status), 'data-testid': 'sd-order-status' } }),
    ]),
    shipping ? h('div', { class: 'sd-tl-line sd-tl-shipping', text: shipping }) : null,
    part.eta ? h('div', { class: 'sd-tl-line sd-tl-eta' }, [document.createTextNode('Estimated delivery: '), dateNode(part.eta, false)]) : null,
    events.length ? h('ol', { class: 'sd-events' }, events.map(renderEvent)) : null,
  ]);
}

function renderQuickReplies(part: Part<'quick_replies'>, handlers: PartHandlers): HTMLElement {
  const replies = (Array.isArray(part.replies) ? part.replies : []).filter((r) => r && (r.title || r.payload));
  const group = h('div', { class: 'sd-part sd-quick-replies', attrs: { role: 'group', 'aria-label': 'Suggested replies' } });
  for (const reply of replies) {
    const button = h('button', { class: 'sd-quick-reply', text: str(reply.title) || str(reply.payload), attrs: { type: 'button', 'data-testid': 'sd-quick-reply' } });
    button.addEventListener('click', () => {
      group.remove(); // One use: the choice becomes the shopper's message.
      handlers.onQuickReply({ title: str(reply.title) || str(reply.payload), payload: str(reply.payload) || str(reply.title) });
    });
    group.appendChild(button);
  }
  return group;
}

function renderLink(part: Part<'link'>): HTMLElement {
  const title = str(part.title) || str(part.url);
  const href = safeUrl(part.url);
  const inner = href
    ? h('a', { class: 'sd-link', text: title, attrs: { href, target: '_blank', rel: 'noopener', 'data-testid': 'sd-link' } })
    : h('span', { class: 'sd-link-text', text: title });
  return h('div', { class: 'sd-part sd-link-part' }, [inner]);
}
