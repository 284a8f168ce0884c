/**
 * BotReply -> Bot Framework activity. One reply becomes one message activity so
 * the transcript in Teams matches the stored messages one to one: product cards
 * become a carousel of hero cards, quick replies suggested actions (imBack, so
 * the choice arrives as the shopper's text, like the widget), an order timeline
 * text lines (portable to every channel, unlike adaptive cards), a link an
 * openUrl button.
 */
import { ActionTypes, ActivityTypes, AttachmentLayoutTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { BotReply, ProductCard, RichPart, TimelineEvent } from '../../dialogue/reply';

/** What the channel can send: a stored bot reply, or an agent's message (text, optionally rich parts). */
export interface OutgoingMessage {
  text: string;
  parts?: RichPart[];
}

export interface RenderOptions {
  /**
   * Origin that relative shop URLs (product pages, images, help pages) are
   * resolved against: Bot Framework clients open links outside the shop's pages.
   */
  baseUrl: string;
}

type PartOf<T extends RichPart['type']> = Extract<RichPart, { type: T }>;

function absolute(url: string, baseUrl: string): string {
  try {
    return new URL(url, baseUrl).toString();
  } catch {
    return url; // Not a URL at all: pass it on rather than drop the button.
  }
}

function productCard(product: ProductCard, baseUrl: string): Attachment {
  const rating = product.reviewCount > 0 ? `Rated ${product.rating.toFixed(1)}/5 (${product.reviewCount} review${product.reviewCount === 1 ? '' : 's'})` : '';
  const text = [product.reason ?? '', rating, product.inStock ? '' : 'Out of stock'].filter(Boolean).join('\n\n');
  const view: CardAction = { type: ActionTypes.OpenUrl, title: 'View', value: absolute(product.url, baseUrl) };
  return CardFactory.heroCard(product.title, text, product.imageUrl ? [{ url: absolute(product.imageUrl, baseUrl), alt: product.title }] : [], [view], {
    subtitle: `${product.brand} · ${product.price}`,
  });
}

function linkCard(part: PartOf<'link'>, baseUrl: string): Attachment {
  return CardFactory.heroCard('', [], [{ type: ActionTypes.OpenUrl, title: part.title, value: absolute(part.url, baseUrl) }]);
}

/** ISO timestamps read as "2026-11-20 14:05 UTC"; anything else is shown as stored. */
function when(iso: string, withTime: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return withTime ? `${text.slice(0, 10)} ${text.slice(11, 16)} UTC` : text.slice(0, 10);
}

function eventLine(event: TimelineEvent): string {
  const where = event.location ? ` (${event.location})` : '';
  const note = event.note ? ` - ${event.note}` : '';
  return `- ${when(event.at, true)}: ${event.status}${where}${note}`;
}

/** Markdown paragraphs and a list: Teams, Web Chat and the Emulator all render it, plain-text channels still read well. */
function timelineText(part: PartOf<'order_timeline'>): string {
  const shipping = [part.carrier, part.trackingNumber ? `tracking ${part.trackingNumber}` : undefined].filter(Boolean).join(', ');
  const paragraphs = [
    `Order ${part.orderNumber}: ${part.status}`,
    part.eta ? `Estimated delivery: ${when(part.eta, false)}` : '',
    shipping ? `Shipped with ${shipping}` : '',
    part.events.map(eventLine).join('\n'),
  ];
  return paragraphs.filter(Boolean).join('\n\n');
}

/**
 * Translates one reply into a message activity (without addressing: the turn
 * context or the conversation reference fills in conversation and recipient).
 *
 * @example renderReply({ text: 'Hi', parts: [{ type: 'quick_replies', replies }] }, { baseUrl }).suggestedActions
 */
export function renderReply(reply: OutgoingMessage | BotReply, options: RenderOptions): Partial<Activity> {
  const texts = [reply.text];
  const products: Attachment[] = [];
  const links: Attachment[] = [];
  const actions: CardAction[] = [];
  for (const part of reply.parts ?? []) {
    switch (part.type) {
      case 'product_cards':
        products.push(...part.products.map((p) => productCard(p, options.baseUrl)));
        break;
      case 'quick_replies':
        actions.push(...part.replies.map((r): CardAction => ({ type: ActionTypes.ImBack, title: r.title, value: r.payload })));
        break;
      case 'order_timeline':
        texts.push(timelineText(part));
        break;
      case 'link':
        links.push(linkCard(part, options.baseUrl));
        break;
    }
  }
  const attachments = [...products, ...links];
  const text = texts.filter((t) => t.trim().length > 0).join('\n\n');
  return {
    type: ActivityTypes.Message,
    ...(text ? { text } : {}),
    ...(attachments.length ? { attachments } : {}),
    ...(products.length > 1 ? { attachmentLayout: AttachmentLayoutTypes.Carousel } : {}),
    ...(actions.length ? { suggestedActions: { actions, to: [] } } : {}),
  };
}
