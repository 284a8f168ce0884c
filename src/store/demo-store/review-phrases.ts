/**
 * Phrase banks for review text. Aspect phrases are clauses (lower case, no
 * final punctuation) so they can be joined ("great fit, but the zipper broke").
 * Placeholders, filled per product by fillPhrase():
 *   {item} "these running shoes" / "this blender"   {noun} "running shoes"
 *   {it} they / it    {be} are / is    {was} were / was    {s} "" / "s" (verb ending)
 *   {doesnt} don't / doesn't    {int} an intensifier ("really", "super"...)
 */

export const ASPECTS = ['quality', 'fit', 'value', 'shipping', 'durability', 'packaging', 'service', 'design', 'ease', 'comfort'] as const;
export type Aspect = (typeof ASPECTS)[number];
export type Polarity = 'pos' | 'neg';

export const INTENSIFIERS = ['really', 'very', 'super', 'incredibly', 'extremely', 'genuinely', 'so', 'seriously', 'pretty'] as const;

export const ASPECT_PHRASES: Readonly<Record<Aspect, Readonly<Record<Polarity, readonly string[]>>>> = {
  quality: {
    pos: [
      'the quality is {int} impressive for the price', '{item} {be} {int} well made', 'you can tell {it} {be} built with care', 'the materials feel premium',
      'the stitching and finish are flawless', 'quality exceeded my expectations', 'solid construction with no loose threads or rough edges', '{it} feel{s} sturdy and {int} well put together',
      'not a single flaw out of the box', 'the craftsmanship is top notch', 'everything about {item} screams quality', 'better quality than the big names I used before',
      'high quality materials throughout', 'no cheap plastic feel whatsoever', 'the build quality is excellent', 'way nicer in person than I expected',
    ],
    neg: [
      'the quality is {int} disappointing', '{item} feel{s} cheap and flimsy', 'the materials are not what I expected at this price', 'stitching was already coming loose when {it} arrived',
      'poor quality control, mine came with a defect', '{it} {be} not well made at all', 'feels like a cheap knockoff', 'the finish started peeling almost immediately',
      'there were scratches and glue marks all over', 'nowhere near the quality shown in the photos', 'the build quality is terrible', 'parts of it arrived bent and misaligned',
      'nothing about {item} feels premium', 'cheap plastic everywhere', "I've had dollar store stuff with better quality", 'sloppy workmanship all around',
    ],
  },
  fit: {
    pos: [
      'fits true to size', 'the fit is spot on', 'ordered my usual size and {it} fit{s} perfectly', 'sizing is accurate',
      'the fit is {int} flattering', 'true to size, no need to size up', 'snug in all the right places', 'the length is just right',
      'the size chart was accurate', '{it} fit{s} {int} well right out of the box', 'no break-in needed, great fit', 'roomy without being baggy',
      'perfect fit for my frame', 'fits exactly as described', 'sizing is consistent with other brands I wear', 'the cut is {int} comfortable to move in',
    ],
    neg: [
      'runs {int} small, size up', 'runs large, I had to exchange for a smaller size', 'the sizing is way off', '{it} {doesnt} fit true to size',
      'way too tight even in my usual size', 'too loose everywhere', 'the size chart is not accurate', 'ordered my normal size and {it} {be} too small',
      'the fit is {int} awkward', 'not true to size at all', 'tight in all the wrong places', 'had to send {it} back for a different size',
      'way too narrow for me', 'the fit is nothing like the photos', 'sizing is inconsistent with other brands', 'baggy and shapeless on me',
    ],
  },
  value: {
    pos: [
      '{int} good value for money', 'worth every penny', 'great price for what you get', 'cheaper than the competition and just as good',
      "I'd happily pay more for {it}", 'a steal at this price', 'fair price for the quality', 'got {it} on sale and it was a bargain',
      'excellent value', 'half the price of the big brands and just as good', 'affordable without cutting corners', 'money well spent',
      'punches well above {its} price', 'great bang for the buck', 'the price is more than fair', 'you get a lot for the money',
    ],
    neg: [
      'not worth the money', 'overpriced for what you get', 'way too expensive for this quality', 'you can find better for half the price',
      'a waste of money', 'I feel ripped off', 'the price is {int} hard to justify', 'not worth the price, even on sale',
      'I expected much more for what I paid', 'cheaper alternatives do the job better', 'definitely not a good value', 'poor value, I regret buying {it}',
      'the price is not justified by the quality', 'save your money', 'paid a premium price for a budget product', 'wish I had spent my money elsewhere',
    ],
  },
  shipping: {
    pos: [
      'arrived {int} fast', 'shipping was quicker than expected', 'delivered two days early', 'arrived right on time',
      'tracking was accurate the whole way', 'got here in just a few days', 'fast delivery, no complaints', 'the delivery was {int} quick',
      'showed up earlier than the estimated date', 'shipping was smooth and hassle free', 'ordered on Monday and had it by Wednesday', 'the courier was careful and on time',
      'free shipping and it still arrived quickly', 'delivery updates were clear and timely', 'never had to chase the order, it just arrived', 'speedy shipping',
    ],
    neg: [
      'shipping took forever', 'arrived a week late', 'the package was delayed twice', "tracking didn't update for days",
      'delivery was {int} slow', 'it took almost three weeks to arrive', 'the courier left it out in the rain', 'it was marked delivered but showed up days later',
      'missed the delivery date I was promised', 'shipping was a nightmare', 'the order sat in processing for a week', 'had to contact support just to find my package',
      'slow shipping ruined the gift', 'the estimated date kept changing', 'the box was left at the wrong address', 'never got any shipping updates',
    ],
  },
  durability: {
    pos: [
      'still going strong after months of use', 'holds up {int} well to daily use', 'no signs of wear after heavy use', 'built to last',
      'survived a few drops without a scratch', '{it} still look{s} brand new after months', 'has held up through a lot of use', 'durable and tough',
      'after six months {it} still perform{s} like day one', 'I expect {it} to last for years', 'tough enough for the kids', 'zero wear and tear so far',
      'holds up better than my old one', 'sturdy enough for everyday use', 'still in perfect shape after a year', 'shows no wear at all',
    ],
    neg: [
      'broke after a week', 'fell apart within a month', 'the zipper broke after a week', 'started falling apart after a few uses',
      '{it} wore out in just weeks', 'the seams split after two weeks', 'stopped working after a month', 'cracked the first time I dropped it',
      'showing wear after only a few days', 'the finish wore off quickly', 'broke the second time I used {it}', 'not durable at all',
      'already had to replace {it} once', 'flimsy and broke easily', 'lasted less than a month', 'a piece snapped off almost right away',
    ],
  },
  packaging: {
    pos: [
      'packaged {int} well', 'arrived in perfect condition', 'nice packaging, great for gifting', 'well protected in the box',
      'eco-friendly packaging with no plastic', 'the box was sturdy and everything was intact', 'neatly packed', 'came in a beautiful gift box',
      'zero damage, packed with care', 'minimal but effective packaging', 'the packaging was {int} thoughtful', 'everything was wrapped securely',
      'recyclable packaging, love that', 'opened the box and everything was perfect', 'great unboxing experience', 'packed like it was fragile, no issues',
    ],
    neg: [
      'the box was crushed', 'arrived damaged because of poor packaging', 'the packaging was {int} flimsy', 'no padding in the box at all',
      'it came in a torn bag', 'way too much plastic packaging', 'the seal was broken when it arrived', 'the box was soaked and falling apart',
      'items rattling loose inside the box', 'the packaging was damaged and parts were missing', 'looked like it had been opened before', 'arrived dented because nothing protected it',
      'the packaging was a mess', 'the product box was ripped', 'clearly a returned item that was repackaged', 'not packed with any care',
    ],
  },
  service: {
    pos: [
      'customer service was {int} helpful', 'support answered within an hour', 'the support team fixed my issue right away', 'easy exchange process, great service',
      'friendly and quick customer service', 'they replied to my question the same day', 'support went above and beyond', 'the chat assistant sorted my question instantly',
      'the return process was painless', 'great communication from the store', 'the staff were {int} responsive', 'they sent a replacement without any hassle',
      'customer care was polite and knowledgeable', 'excellent after-sales support', 'support clearly cares about customers', 'quick and kind help from the team',
    ],
    neg: [
      'customer service was no help at all', 'support never replied to my emails', 'took weeks to get a response', 'the support agent was rude',
      'they refused to help with an obvious defect', 'still waiting on my refund', 'the return process was a nightmare', 'I was passed around between agents for days',
      'support kept sending copy paste answers', 'no one answered the phone', 'customer service is {int} frustrating', 'they closed my ticket without solving anything',
      'I got a different answer every time I asked', 'impossible to reach a real person', 'support promised a callback that never came', 'terrible customer care',
    ],
  },
  design: {
    pos: [
      'looks {int} stylish', 'the color is exactly as pictured', 'gorgeous design', 'sleek and modern look',
      'I get compliments every time', 'the color is even nicer in person', 'clean minimal design', '{it} look{s} more expensive than {it} {be}',
      'love the attention to detail', 'beautiful finish', 'the design is {int} thoughtful', 'matches everything I own',
      'looks exactly like the photos', 'the colors are rich and vibrant', 'stylish without being flashy', 'simple, elegant and well proportioned',
    ],
    neg: [
      'the color is nothing like the picture', 'looks cheap in person', 'the design is {int} dated', 'the color faded quickly',
      'ugly in real life', 'the finish looks blotchy', 'not as pictured at all', 'the logo is huge and tacky',
      'looks much cheaper than the photos suggest', 'the shade is way off', 'awkward design choices everywhere', 'the color is dull and washed out',
      'looks nothing like the listing', 'the proportions look wrong', 'clunky and unattractive', 'the print was crooked',
    ],
  },
  ease: {
    pos: [
      '{int} easy to use', 'set up in minutes', 'intuitive right out of the box', 'the instructions were clear',
      'simple to clean', 'no learning curve at all', 'assembly took ten minutes', 'even my parents figured it out quickly',
      'easy to set up and use', 'everything just works', 'the controls are simple and responsive', 'straightforward to assemble',
      'takes no effort to use daily', 'a user friendly design', 'quick to get started', 'easy to clean and store',
    ],
    neg: [
      '{int} hard to set up', 'the instructions are useless', 'confusing to use', 'took hours to assemble',
      'a pain to clean', 'the controls are not intuitive', "I still can't figure out half the features", 'missing screws made assembly a nightmare',
      'way too complicated for what it does', 'setup kept failing', 'awkward to use every day', 'the app is buggy and hard to use',
      'clunky and frustrating to operate', 'needs tools that were not included', 'hard to clean properly', 'not user friendly at all',
    ],
  },
  comfort: {
    pos: [
      '{int} comfortable', 'comfortable from day one', 'comfy enough for hours', 'soft and cozy',
      'feels {int} comfy', 'no pressure points at all', 'supportive and comfortable', 'feels like a cloud',
      'stays comfortable even after a long day', 'the cushioning is perfect', 'soft without feeling flimsy', 'breathable and comfortable',
      'so comfortable I forget about {it}', 'the comfort is {int} good', 'no break-in period needed', 'the most comfortable {noun} I own',
    ],
    neg: [
      'not comfortable at all', 'uncomfortable after an hour', 'gave me sore spots within minutes', 'the padding is way too thin',
      'stiff and scratchy', 'digs in and rubs', 'hard as a rock', 'itchy and irritating',
      'no support whatsoever', 'the comfort is {int} lacking', 'the seams rub painfully', "I can't use {it} for more than a few minutes",
      'too stiff to be comfy', 'hurts after a short while', 'feels rough against the skin', 'the least comfortable {noun} I have owned',
    ],
  },
};

/** Negative phrases specific to a recent quality drop (a product that used to be good). */
export const DECLINE_PHRASES: readonly string[] = [
  'the quality has gone downhill compared to my last one', 'the newer batch feels much cheaper than before', 'used to be great but the recent version is a letdown',
  'they must have changed the materials recently', 'my second order was nowhere near as good as the first', 'something changed in production and it shows',
  'not the same product I bought last year', 'the latest version feels like a downgrade', 'I used to recommend {item} but not anymore',
  'quality control seems to have slipped lately', 'the new version broke much faster than the old one', 'cost cutting is obvious in this batch',
];

/** Review titles per star rating (index 1-5). */
export const TITLES: Readonly<Record<number, readonly string[]>> = {
  5: ['Love it!', 'Perfect {noun}', 'Best {noun} ever', 'Exceeded expectations', 'Five stars', 'Absolutely fantastic', 'Worth every penny', 'Highly recommend', 'Great quality', 'Obsessed', 'My new favorite', "Couldn't be happier", 'Fantastic buy', 'Just perfect', 'Amazing {noun}!'],
  4: ['Really good', 'Great {noun}, one small quibble', 'Very nice', 'Happy with it', 'Solid choice', 'Good value', 'Pretty great', 'Would buy again', 'Almost perfect', 'Nice {noun}', 'Does the job well', 'Good quality', 'Recommended', 'Very satisfied', 'Better than expected'],
  3: ["It's okay", 'Mixed feelings', 'Decent', 'Average', 'Not bad, not great', 'Could be better', 'Meh', 'Fine for the price', 'Some pros and cons', 'Middle of the road', 'Okay {noun}', 'Good and bad', 'So-so', 'Has its flaws', 'Just alright'],
  2: ['Disappointed', 'Not what I expected', 'Below average', "Wouldn't buy again", 'Meh {noun}', 'Not worth it', 'Expected better', 'Too many issues', 'Underwhelming', 'Not impressed', 'Could be much better', 'Poor quality', 'Let down', 'Regret it a bit', 'Falls short'],
  1: ['Terrible', 'Do not buy', 'Waste of money', 'Awful {noun}', 'Broke immediately', 'Worst purchase ever', 'Complete junk', 'Avoid!', 'Very disappointed', 'Returned it', 'Total rip-off', 'Horrible', 'Never again', 'Zero stars if I could', 'Useless {noun}'],
};

/** Opening sentences per star rating (full sentences). */
export const OPENERS: Readonly<Record<number, readonly string[]>> = {
  5: ['Absolutely love {item}!', 'Exactly what I was looking for.', 'Five stars, no hesitation.', "Best purchase I've made this year.", 'So happy with this.', "Couldn't be happier.", 'This is my second one and I am still impressed.', 'Wow.', 'Bought this as a gift and ended up keeping it.', 'Honestly perfect.'],
  4: ['Really good overall.', 'Very happy with {item}.', 'Pretty great, with one small gripe.', 'Solid purchase.', 'Good {noun}, would buy again.', 'Nearly perfect.', 'Does what it promises.', 'Glad I went with this one.'],
  3: ["It's okay.", 'Mixed feelings about {item}.', 'Decent but not amazing.', 'Average at best.', 'Some good, some bad.', 'Not sure how I feel about this one.', 'It does the job, mostly.'],
  2: ['Not great.', 'Disappointed with {item}.', 'Expected a lot more.', 'I really wanted to like this.', 'Not what I hoped for.', 'Had high hopes, sadly.'],
  1: ['Terrible.', 'Do not buy.', 'Complete waste of money.', "Worst {noun} I've ever owned.", 'Very disappointed.', 'Stay away.', 'What a letdown.'],
};

/** Closing sentences per star rating. */
export const CLOSERS: Readonly<Record<number, readonly string[]>> = {
  5: ['Would definitely recommend.', 'Will buy again.', 'Highly recommend!', 'Already ordering another one.', '10/10.', 'Get it, you will not regret it.'],
  4: ['Would recommend.', 'Would buy again.', 'Overall a good buy.', 'Happy customer.', 'Four stars from me.'],
  3: ['Might keep it, might not.', "Not sure I'd buy again.", 'It does the job.', 'Three stars.', 'Okay for the price.'],
  2: ['Would not recommend.', 'Probably returning it.', "Can't recommend it.", 'Two stars is generous.'],
  1: ['Returning it.', 'Avoid.', 'I want my money back.', 'Save yourself the trouble.', 'Never buying from this brand again.'],
};

export const EMOJI: Readonly<Record<number, readonly string[]>> = {
  5: ['😍', '👍', '🔥', '💯', '❤️', '🙌'],
  4: ['👍', '🙂', '😊'],
  3: ['🤷', '😐'],
  2: ['😕', '👎'],
  1: ['😡', '👎', '😤', '😞'],
};

/** Common misspellings sprinkled into a few reviews. */
export const TYPOS: Readonly<Record<string, string>> = {
  received: 'recieved', definitely: 'definately', really: 'realy', because: 'becuase', quality: 'qaulity', comfortable: 'comfortible',
  recommend: 'reccomend', expected: 'expectd', arrived: 'arived', perfectly: 'perfecly', which: 'wich', weird: 'wierd',
};

export interface NounForms {
  noun: string;
  plural: boolean;
}

/** Fills a phrase's placeholders for a product noun; `intensifier` picks the {int} word. */
export function fillPhrase(phrase: string, forms: NounForms, intensifier: string): string {
  const { noun, plural } = forms;
  return phrase.replace(/\{(\w+)\}/g, (whole, key: string) => {
    switch (key) {
      case 'item':
        return `${plural ? 'these' : 'this'} ${noun}`;
      case 'noun':
        return noun;
      case 'it':
        return plural ? 'they' : 'it';
      case 'its':
        return plural ? 'their' : 'its';
      case 'be':
        return plural ? 'are' : 'is';
      case 'was':
        return plural ? 'were' : 'was';
      case 's':
        return plural ? '' : 's';
      case 'doesnt':
        return plural ? "don't" : "doesn't";
      case 'int':
        return intensifier;
      default:
        return whole;
    }
  });
}
