/**
 * Hand-picked seed terms per aspect. `terms` are matched as they are (phrases
 * too); `expand` are the single words whose word-vector neighbours are added
 * at training time (see expand.ts). Opinion words that only make sense for one
 * aspect ("comfy", "flimsy", "overpriced") are terms too: they name the aspect
 * as well as judge it.
 */
import type { AspectName } from '../types';

export interface AspectSeeds {
  terms: readonly string[];
  expand: readonly string[];
}

export const ASPECT_SEEDS: Readonly<Record<AspectName, AspectSeeds>> = {
  quality: {
    terms: ['quality', 'made', 'build', 'built', 'construction', 'material', 'materials', 'craftsmanship', 'stitching', 'workmanship', 'defect', 'defects', 'defective', 'flaw', 'flaws', 'flawless', 'premium', 'knockoff', 'well made', 'poorly made', 'cheaply made', 'cheap plastic', 'quality control', 'seams'],
    expand: ['quality', 'craftsmanship', 'workmanship', 'construction', 'materials', 'defective'],
  },
  'fit/size': {
    terms: ['fit', 'fits', 'fitting', 'fitted', 'size', 'sizes', 'sizing', 'tight', 'loose', 'snug', 'baggy', 'narrow', 'length', 'runs small', 'runs large', 'runs big', 'run small', 'run large', 'true to size', 'size up', 'size down', 'too small', 'too big', 'too large', 'too short', 'too long'],
    expand: ['sizing', 'fit', 'size', 'baggy'],
  },
  'price/value': {
    terms: ['price', 'prices', 'priced', 'pricey', 'value', 'money', 'cost', 'costs', 'expensive', 'overpriced', 'affordable', 'bargain', 'deal', 'worth', 'penny', 'budget', 'paid', 'bang for the buck', 'for the price', 'ripped off', 'rip-off', 'ripoff'],
    expand: ['price', 'overpriced', 'affordable', 'bargain', 'expensive'],
  },
  'shipping/delivery': {
    terms: ['shipping', 'shipped', 'ship', 'delivery', 'delivered', 'deliver', 'arrived', 'arrive', 'arrives', 'arrival', 'courier', 'package', 'tracking', 'shipment', 'dispatch', 'dispatched', 'postage', 'took forever', 'on time', 'showed up'],
    expand: ['shipping', 'delivery', 'shipment', 'courier'],
  },
  durability: {
    terms: ['durable', 'durability', 'broke', 'broken', 'breaks', 'break', 'lasted', 'lasts', 'lasting', 'wear', 'worn', 'wore', 'tear', 'tore', 'sturdy', 'flimsy', 'fell apart', 'falls apart', 'falling apart', 'snapped', 'cracked', 'ripped', 'held up', 'holds up', 'hold up', 'stopped working', 'peeling'],
    expand: ['durable', 'sturdy', 'flimsy', 'durability'],
  },
  packaging: {
    terms: ['packaging', 'packaged', 'packed', 'packing', 'box', 'boxes', 'wrapping', 'wrapped', 'padding', 'seal', 'sealed', 'bubble wrap', 'gift box', 'unboxing', 'crushed', 'dented'],
    expand: ['packaging', 'wrapping'],
  },
  'customer service': {
    terms: ['service', 'support', 'seller', 'staff', 'agent', 'agents', 'representative', 'refund', 'replacement', 'communication', 'customer service', 'customer care', 'return process', 'responsive', 'rude', 'helpful', 'callback', 'ticket', 'replied', 'reply', 'response'],
    expand: ['seller', 'staff', 'refund', 'representative'],
  },
  'appearance/design': {
    terms: ['color', 'colour', 'colors', 'colours', 'design', 'designed', 'look', 'looks', 'looked', 'style', 'stylish', 'pattern', 'print', 'shade', 'appearance', 'finish', 'gorgeous', 'ugly', 'elegant', 'sleek', 'pictured', 'photos', 'picture', 'logo', 'aesthetic'],
    expand: ['color', 'design', 'stylish', 'colour', 'appearance'],
  },
  'ease of use': {
    terms: ['easy', 'easier', 'intuitive', 'instructions', 'setup', 'set up', 'assembly', 'assemble', 'assembled', 'install', 'installation', 'installed', 'controls', 'user friendly', 'complicated', 'confusing', 'easy to use', 'hard to use', 'to clean', 'learning curve', 'app'],
    expand: ['instructions', 'assembly', 'installation', 'intuitive'],
  },
  comfort: {
    terms: ['comfortable', 'comfort', 'comfy', 'uncomfortable', 'cozy', 'cushioning', 'cushioned', 'itchy', 'scratchy', 'sore', 'blisters', 'soft', 'breathable', 'supportive', 'pressure points', 'rubs'],
    expand: ['comfortable', 'comfy', 'cushioning'],
  },
};
