/** BotReply -> Bot Framework activity, part by part (the loopback test covers the wire). */
import type { ProductCard } from '../../src/dialogue/reply';
import { renderReply } from '../../src/channels/botframework/render';

const baseUrl = 'https://shop.example.com';

function product(overrides: Partial<ProductCard> = {}): ProductCard {
  return {
    id: 7,
    sku: 'SKU-7',
    title: 'Stridewell Trail 2',
    brand: 'Stridewell',
    priceCents: 7499,
    currency: 'USD',
    price: '$74.99',
    imageUrl: '/images/products/SKU-7.svg',
    rating: 4.25,
    reviewCount: 12,
    url: '/products/7',
    inStock: true,
    ...overrides,
  };
}

test('a product becomes a hero card: brand and price as subtitle, reason and rating as text, a View button to the absolute page', () => {
  const activity = renderReply(
    { text: 'Here is one', parts: [{ type: 'product_cards', products: [product({ reason: 'Similar to Stridewell Road 1' })] }] },
    { baseUrl },
  );
  expect(activity.text).toBe('Here is one');
  expect(activity.attachmentLayout).toBeUndefined(); // one card: no carousel
  expect(activity.attachments).toEqual([
    {
      contentType: 'application/vnd.microsoft.card.hero',
      content: expect.objectContaining({
        title: 'Stridewell Trail 2',
        subtitle: 'Stridewell · $74.99',
        text: 'Similar to Stridewell Road 1\n\nRated 4.3/5 (12 reviews)',
        images: [{ url: 'https://shop.example.com/images/products/SKU-7.svg', alt: 'Stridewell Trail 2' }],
        buttons: [{ type: 'openUrl', title: 'View', value: 'https://shop.example.com/products/7' }],
      }),
    },
  ]);
});

test('several products make a carousel; out-of-stock products say so; absolute urls are kept', () => {
  const activity = renderReply(
    {
      text: 'Two',
      parts: [{ type: 'product_cards', products: [product(), product({ id: 8, inStock: false, reviewCount: 0, url: 'https://cdn.example.net/p/8' })] }],
    },
    { baseUrl },
  );
  expect(activity.attachmentLayout).toBe('carousel');
  const second = activity.attachments![1]!.content as { text: string; buttons: { value: string }[] };
  expect(second.text).toBe('Out of stock');
  expect(second.buttons[0]!.value).toBe('https://cdn.example.net/p/8');
});

test('quick replies become imBack suggested actions', () => {
  const activity = renderReply(
    {
      text: 'Shall I?',
      parts: [
        {
          type: 'quick_replies',
          replies: [
            { title: 'Yes, connect me', payload: 'yes' },
            { title: 'No thanks', payload: 'no' },
          ],
        },
      ],
    },
    { baseUrl },
  );
  expect(activity.suggestedActions?.actions).toEqual([
    { type: 'imBack', title: 'Yes, connect me', value: 'yes' },
    { type: 'imBack', title: 'No thanks', value: 'no' },
  ]);
  expect(activity.attachments).toBeUndefined();
});

test('an order timeline becomes text lines under the reply', () => {
  const activity = renderReply(
    {
      text: 'Here is your order.',
      parts: [
        {
          type: 'order_timeline',
          orderNumber: '51007',
          status: 'delayed',
          eta: '2026-11-30T00:00:00.000Z',
          carrier: 'UPS',
          trackingNumber: '1Z999',
          events: [
            { status: 'shipped', at: '2026-11-20T14:05:00.000Z', location: 'Memphis, TN' },
            { status: 'delayed', at: '2026-11-22T09:00:00.000Z', note: 'weather' },
          ],
        },
      ],
    },
    { baseUrl },
  );
  expect(activity.text).toBe(
    [
      'Here is your order.',
      'Order 51007: delayed',
      'Estimated delivery: 2026-11-30',
      'Shipped with UPS, tracking 1Z999',
      '- 2026-11-20 14:05 UTC: shipped (Memphis, TN)\n- 2026-11-22 09:00 UTC: delayed - weather',
    ].join('\n\n'),
  );
});

test('a link becomes an openUrl button resolved against the shop', () => {
  const activity = renderReply({ text: 'Returns are free.', parts: [{ type: 'link', url: '/help/returns', title: 'More details' }] }, { baseUrl });
  expect(activity.attachments).toEqual([
    {
      contentType: 'application/vnd.microsoft.card.hero',
      content: expect.objectContaining({ buttons: [{ type: 'openUrl', title: 'More details', value: 'https://shop.example.com/help/returns' }] }),
    },
  ]);
});

test('an agent message without parts is plain text', () => {
  expect(renderReply({ text: 'Hi, this is Ana.' }, { baseUrl })).toEqual({ type: 'message', text: 'Hi, this is Ana.' });
});
