/**
 * Product rows: titles, descriptions, sizes, attributes, prices and stock drawn
 * from the catalog definitions. A few "featured" products come first with
 * fixed ids and content (the personas' orders and the chat demo rely on them).
 */
import { APPAREL_SIZES, HELMET_SIZES, isRange, PET_SIZES, RING_SIZES, SHOE_SIZES, type AttrValue, type CategoryDef, type ProductType } from './catalog-kit';
import { CATEGORY_DEFS, categoryDef } from './catalog';
import { BOOK_AUTHORS, BOOK_TITLE_WORDS } from './catalog-more';
import { hashString, Rng } from './prng';
import { DAY } from './time';
import type { ProductAttributes, ProductRow } from './types';

export interface ProductMeta {
  /** Index in the product list (id - 1). */
  index: number;
  def: CategoryDef;
  kind: ProductType;
  sizes: readonly string[];
  createdAtMs: number;
  featured: boolean;
}

interface FeaturedSpec {
  key: string;
  category: string;
  type: string;
  brand: string;
  model?: string;
  gender?: string;
  color: string;
  priceCents: number;
  stock: number;
  finalSale?: boolean;
  material?: string;
}

/** Fixed products with ids 1..n, identical for every seed. */
const FEATURED: readonly FeaturedSpec[] = [
  { key: 'trailBlue', category: 'shoes', type: 'Trail Running Shoes', brand: 'Stridewell', gender: "Men's", color: 'Blue', priceCents: 7499, stock: 42 },
  { key: 'trailBlack', category: 'shoes', type: 'Trail Running Shoes', brand: 'Stridewell', gender: "Men's", color: 'Black', priceCents: 7499, stock: 18 },
  { key: 'roadCoral', category: 'shoes', type: 'Road Running Shoes', brand: 'Stridewell', gender: "Women's", color: 'Coral', priceCents: 6999, stock: 35 },
  { key: 'tempoGrey', category: 'shoes', type: 'Road Running Shoes', brand: 'Pacefield', model: 'Tempo', gender: "Men's", color: 'Grey', priceCents: 5999, stock: 27 },
  { key: 'glideTeal', category: 'shoes', type: 'Trail Running Shoes', brand: 'Fjordic', model: 'Glide', gender: "Women's", color: 'Teal', priceCents: 6499, stock: 0 },
  { key: 'velocityRed', category: 'shoes', type: 'Road Running Shoes', brand: 'Stridewell', model: 'Velocity', gender: "Men's", color: 'Red', priceCents: 14999, stock: 12 },
  { key: 'socks', category: 'clothing', type: 'Merino Running Socks 3-Pack', brand: 'Northpeak', gender: 'Unisex', color: 'Grey', priceCents: 1999, stock: 120 },
  { key: 'sweater', category: 'clothing', type: 'Merino Crew Sweater', brand: 'Northpeak', gender: "Men's", color: 'Charcoal', priceCents: 8999, stock: 60 },
  { key: 'earrings', category: 'jewelry', type: 'Stud Earrings', brand: 'Lumen & Co', model: 'Crescent', color: 'Gold', material: '14k gold vermeil', priceCents: 3999, stock: 9, finalSale: true },
  { key: 'earbuds', category: 'electronics', type: 'Wireless Earbuds', brand: 'Voltix', model: 'Pulse 40', color: 'Black', priceCents: 7999, stock: 80 },
  { key: 'blender', category: 'home & kitchen', type: 'Blender', brand: 'Kitchara', model: 'Pro', color: 'Stainless Steel', priceCents: 12999, stock: 25 },
  { key: 'backpack', category: 'bags', type: 'Laptop Backpack', brand: 'Urbanline', model: 'Commuter', color: 'Black', priceCents: 8999, stock: 40 },
];

export type FeaturedKey = 'trailBlue' | 'trailBlack' | 'roadCoral' | 'tempoGrey' | 'glideTeal' | 'velocityRed' | 'socks' | 'sweater' | 'earrings' | 'earbuds' | 'blender' | 'backpack';

/** Product id of a featured product. */
export function featuredId(key: FeaturedKey): number {
  const index = FEATURED.findIndex((f) => f.key === key);
  if (index < 0) throw new Error(`unknown featured product ${key}`);
  return index + 1;
}

export const FEATURED_COUNT = FEATURED.length;

const MODEL_SUFFIXES = ['2', '3', '40', '100', 'Pro', 'Max', 'Lite', 'S', 'X', '5'];

/** "a" or "an" for a word or number ("an 18 L", "an 8-inch", "a 24-month"). */
function article(s: string): string {
  const n = /^\d+/.exec(s)?.[0];
  if (n !== undefined) return n.startsWith('8') || n === '11' || n === '18' || /^1[18]\d{3}$/.test(n) ? 'an' : 'a';
  return /^[aeiou]/i.test(s) ? 'an' : 'a';
}
const a = (v: AttrValue) => `${article(String(v))} ${v}`;
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Attribute -> a phrase for descriptions ("up to 30 hours of battery life"); null to leave it out. */
const FACTS: Readonly<Record<string, (v: AttrValue) => string | null>> = {
  batteryLifeHours: (v) => `up to ${v} hours of battery life`,
  batteryLifeDays: (v) => `up to ${v} days of battery life`,
  warrantyMonths: (v) => `${a(v)}-month warranty`,
  connectivity: (v) => `${v} connectivity`,
  waterResistance: (v) => (String(v).startsWith('waterproof') ? String(v) : `${v} water resistance`),
  capacityMah: (v) => `${a(thousands(Number(v)))} mAh battery`,
  wattage: (v) => `${v} W of power`,
  screenInches: (v) => `${a(v)}-inch screen`,
  storageGb: (v) => `${v} GB of storage`,
  resolution: (v) => `${v} video`,
  switchType: (v) => `${v} switches`,
  dpi: (v) => `up to ${thousands(Number(v))} DPI tracking`,
  capacityL: (v) => `${a(v)} L capacity`,
  capacityCups: (v) => `${a(v)}-cup carafe`,
  capacityKg: (v) => `room for ${v} kg of seed`,
  dishwasherSafe: (v) => (v ? 'dishwasher-safe parts' : null),
  bladeInches: (v) => `${a(v)}-inch blade`,
  diameterCm: (v) => `${a(v)} cm diameter`,
  ovenSafeC: (v) => `oven safety up to ${v}°C`,
  pieces: (v) => `${v} pieces`,
  bedSize: (v) => `${v} sizing`,
  heightCm: (v) => `a height of ${v} cm`,
  volumeMl: (v) => `${v} ml of product`,
  skinType: (v) => (v === 'all' ? 'a formula for all skin types' : `a formula for ${v} skin`),
  hairType: (v) => (v === 'all' ? 'a formula for all hair types' : `a formula for ${v} hair`),
  vegan: (v) => (v ? 'a vegan formula' : null),
  crueltyFree: (v) => (v ? 'cruelty-free certification' : null),
  spf: (v) => `SPF ${v} protection`,
  scent: (v) => (v === 'unscented' ? 'a fragrance-free formula' : `notes of ${v}`),
  heatSettings: (v) => `${v} heat settings`,
  thicknessMm: (v) => `${v} mm of cushioning`,
  persons: (v) => `room for ${v} people`,
  weightKg: (v) => `a weight of ${v} kg`,
  weightGrams: (v) => `a weight of about ${v} g per shoe`,
  waterproofRatingMm: (v) => `${a(thousands(Number(v)))} mm waterproof rating`,
  tempRatingC: (v) => `a comfort rating down to ${v}°C`,
  maxWeightKg: (v) => `adjustment up to ${v} kg per dumbbell`,
  lumens: (v) => `${v} lumens of output`,
  lengthCm: (v) => `${a(v)} cm length`,
  ageRange: (v) => `a recommended age of ${v}`,
  batteriesRequired: (v) => (v ? 'batteries required (not included)' : null),
  topSpeedKmh: (v) => `a top speed of ${v} km/h`,
  players: (v) => `room for ${v} players`,
  gemstone: (v) => (v === 'none' ? null : String(v).endsWith('accent') ? `${article(String(v))} ${v}` : `${article(String(v))} ${v} stone`),
  hypoallergenic: (v) => (v ? 'hypoallergenic, nickel-free metal' : null),
  chainLengthCm: (v) => `${a(v)} cm chain`,
  diameterMm: (v) => `${a(v)} mm diameter`,
  caseMm: (v) => `${a(v)} mm case`,
  laptopInches: (v) => `a padded sleeve for laptops up to ${v} inches`,
  waterResistant: (v) => (v ? 'water-resistant fabric' : null),
  dimensionsCm: (v) => `dimensions of ${v} cm (W x D x H)`,
  maxLoadKg: (v) => `${a(v)} kg weight capacity`,
  assemblyRequired: (v) => (v ? 'simple assembly with the included tools' : 'no assembly required'),
  shelves: (v) => `${v} shelves`,
  heightRangeCm: (v) => `a height range of ${v} cm`,
  seatHeightCm: (v) => `${a(v)} cm seat height`,
  weatherResistant: (v) => (v ? 'weather-resistant construction' : null),
  cutCapacityMm: (v) => `${a(v)} mm cutting capacity`,
  lengthFt: (v) => `${a(v)} ft length`,
  bulbs: (v) => `${v} bulbs`,
  petType: (v) => `a design made for ${v}s`,
  dropMm: (v) => `${a(v)} mm heel-to-toe drop`,
  waterproof: (v) => (v ? 'a waterproof build' : null),
};

function sizesFor(def: CategoryDef, kind: ProductType, gender: string | null): readonly string[] {
  switch (kind.sizing ?? def.sizing) {
    case 'shoe':
      if (gender === "Men's") return SHOE_SIZES.slice(2); // 7-13
      if (gender === "Women's") return SHOE_SIZES.slice(0, 11); // 6-11
      return SHOE_SIZES;
    case 'apparel':
      return gender === "Women's" ? APPAREL_SIZES : APPAREL_SIZES.slice(1);
    case 'ring':
      return RING_SIZES;
    case 'pet':
      return PET_SIZES;
    case 'helmet':
      return HELMET_SIZES;
    default:
      return [];
  }
}

function resolveAttrs(rng: Rng, def: CategoryDef, kind: ProductType): Record<string, AttrValue> {
  const specs = { ...def.attrs, ...kind.attrs };
  const out: Record<string, AttrValue> = {};
  for (const [key, spec] of Object.entries(specs)) {
    if (isRange(spec)) {
      const steps = Math.round((spec.max - spec.min) / spec.step);
      out[key] = Math.round((spec.min + spec.step * rng.int(0, steps)) * 100) / 100;
    } else {
      out[key] = rng.pick(spec);
    }
  }
  return out;
}

interface Draft {
  brand: string;
  model: string | null;
  gender: string | null;
  color: string | null;
  material: string | null;
  attrs: Record<string, AttrValue>;
  bookTitle: string | null;
}

function titleOf(def: CategoryDef, kind: ProductType, d: Draft): string {
  if (d.bookTitle) return `${d.bookTitle} by ${d.attrs.author} (${d.attrs.format})`;
  const core = `${d.brand} ${d.model ? `${d.model} ` : ''}${kind.name}`;
  if (d.gender) return `${core} - ${d.gender}${d.color ? `, ${d.color}` : ''}`;
  if (def.name === 'beauty' && typeof d.attrs.volumeMl === 'number') return `${core}${d.color ? `, ${d.color}` : ''}, ${d.attrs.volumeMl} ml`;
  return `${core}${d.color ? `, ${d.color}` : ''}`;
}

function describe(rng: Rng, def: CategoryDef, kind: ProductType, d: Draft, sizes: readonly string[], finalSale: boolean): string {
  const sentences: string[] = [];
  if (d.bookTitle) {
    sentences.push(`In ${d.bookTitle}, ${d.attrs.author} delivers ${rng.pick(kind.features)}.`);
    sentences.push(`This ${d.attrs.pages}-page ${String(d.attrs.format).toLowerCase()} from ${d.brand} is a must for fans of ${kind.use}.`);
  } else {
    const core = `${d.brand} ${d.model ? `${d.model} ` : ''}${kind.name}`;
    const [f1, f2, f3] = rng.sample(kind.features, 3);
    const s = kind.plural ? '' : 's';
    const opener = rng.int(0, 2);
    if (opener === 0 || !f3) sentences.push(`The ${core} combine${s} ${f1} with ${f2 ?? 'a clean, timeless design'}, made for ${kind.use}.`);
    else if (opener === 1) sentences.push(`Built for ${kind.use}, the ${core} feature${s} ${joinList([f1 as string, f2 as string, f3])}.`);
    else sentences.push(`Meet the ${core}: ${joinList([f1 as string, f2 as string, f3])}, made for ${kind.use}.`);
    if (d.material) sentences.push(`${def.name === 'beauty' ? 'Formulated with' : rng.pick(['Made from', 'Crafted from'])} ${d.material}${d.color ? `, shown here in ${d.color.toLowerCase()}` : ''}.`);
    const facts = Object.entries(d.attrs)
      .map(([key, value]) => FACTS[key]?.(value) ?? null)
      .filter((f): f is string => f !== null)
      .slice(0, 3);
    const sizing = kind.sizing ?? def.sizing;
    if (sizes.length > 0) {
      const span = `${sizes[0]}-${sizes[sizes.length - 1]}`;
      if (sizing === 'shoe') sentences.push(`Available in sizes ${span}, including half sizes${d.attrs.width === 'wide' ? ', in a wide fit' : ''}${facts.length ? `, with ${joinList(facts.slice(0, 2))}` : ''}.`);
      else if (sizing === 'apparel' && d.attrs.fit) sentences.push(`Available in sizes ${span} with ${article(String(d.attrs.fit))} ${d.attrs.fit} fit.`);
      else if (sizing === 'ring') sentences.push(`Available in ring sizes ${span}.`);
      else sentences.push(`Available in sizes ${span}${facts.length ? `, with ${joinList(facts)}` : ''}.`);
    } else if (facts.length > 0) {
      sentences.push(`${rng.pick(['Highlights include', 'Key details:', 'Specs:'])} ${joinList(facts)}.`);
    }
  }
  if (finalSale) sentences.push('Final sale: this clearance item cannot be returned or exchanged.');
  else if (typeof d.attrs.care === 'string' && sentences.length < 4) sentences.push(`Care: ${d.attrs.care}.`);
  else if (sentences.length < 2 || (sentences.length < 4 && rng.chance(0.5))) sentences.push(rng.pick(def.notes));
  return sentences.slice(0, 4).join(' ');
}

function draftProduct(rng: Rng, def: CategoryDef, kind: ProductType, featured?: FeaturedSpec): Draft {
  const brand = featured?.brand ?? rng.weighted(def.brands, def.brands.map((_, i) => 1 / Math.sqrt(i + 1)));
  let model: string | null = featured ? (featured.model ?? null) : null;
  if (!featured && def.models.length > 0 && rng.chance(0.55)) model = rng.pick(def.models) + (def.modelNumbers ? ` ${rng.pick(MODEL_SUFFIXES)}` : '');
  const gender = featured?.gender ?? (kind.gender ? rng.weighted(kind.gender, kind.gender.map((_, i) => (i < 2 ? 1 : 0.5))) : null);
  const colors = kind.colors === undefined ? def.colors : kind.colors;
  const material = featured?.material ?? (kind.materials.length > 0 ? rng.pick(kind.materials) : null);
  let color = featured?.color ?? (colors ? rng.pick(colors) : null);
  // Jewelry color follows its metal.
  if (def.name === 'jewelry' && material && color !== 'Black') color = /gold/.test(material) ? (color === 'Rose Gold' ? color : 'Gold') : /silver|stainless steel(?! with)/.test(material) ? 'Silver' : color;
  const attrs = resolveAttrs(rng, def, kind);
  let bookTitle: string | null = null;
  const words = BOOK_TITLE_WORDS[kind.name];
  if (words) {
    bookTitle = `${rng.pick(words[0])} ${rng.pick(words[1])}`;
    attrs.author = rng.pick(BOOK_AUTHORS);
    attrs.genre = kind.use;
    attrs.isbn = `978-1-${rng.int(10000, 99999)}-${rng.int(100, 999)}-${rng.int(0, 9)}`;
  }
  return { brand, model, gender, color, material, attrs, bookTitle };
}

function priceFor(rng: Rng, kind: ProductType): number {
  const [min, max] = kind.price;
  const dollars = Math.floor(min + (max - min) * Math.pow(rng.float(), 1.4)) + 1;
  return dollars * 100 - 1;
}

function buildProduct(rng: Rng, id: number, def: CategoryDef, kind: ProductType, refMs: number, titles: Set<string>, featured?: FeaturedSpec): { row: ProductRow; meta: ProductMeta } {
  let draft = draftProduct(rng, def, kind, featured);
  for (let attempt = 0; titles.has(titleOf(def, kind, draft)) && attempt < 12; attempt++) draft = draftProduct(rng, def, kind, featured);
  let title = titleOf(def, kind, draft);
  if (titles.has(title)) title = `${title} (Edition ${id})`;
  titles.add(title);

  const sizes = sizesFor(def, kind, draft.gender);
  const finalSale = featured ? !!featured.finalSale : rng.chance(def.finalSaleRate);
  let priceCents = featured?.priceCents ?? priceFor(rng, kind);
  if (finalSale && !featured) priceCents = Math.max(499, Math.round((priceCents * 0.7) / 100) * 100 - 1);
  const stock = featured ? featured.stock : rng.chance(0.05) ? 0 : Math.min(200, 1 + Math.floor(rng.exp(55)));
  const sku = `${def.prefix}-${String(id).padStart(6, '0')}`;

  const attributes: ProductAttributes = {};
  if (draft.gender) attributes.gender = draft.gender === "Men's" ? 'men' : draft.gender === "Women's" ? 'women' : 'unisex';
  attributes.type = kind.noun;
  for (const [key, value] of Object.entries(draft.attrs)) attributes[key] = value;
  const tags = [...(kind.tags ?? []), ...(finalSale ? ['clearance'] : [])];
  if (tags.length > 0) attributes.tags = tags;

  const isNew = !featured && rng.chance(0.08);
  const createdAtMs = isNew ? refMs - rng.int(5, 120) * DAY - rng.int(0, 23) * 3_600_000 : refMs - rng.int(560, 1000) * DAY - rng.int(0, 23) * 3_600_000;
  const row: ProductRow = {
    id,
    sku,
    title,
    description: describe(rng, def, kind, draft, sizes, finalSale),
    category: def.name,
    brand: draft.brand,
    priceCents,
    currency: 'USD',
    color: draft.color,
    material: draft.material,
    sizes: sizes.length > 0 ? sizes.join(',') : null,
    attributes,
    stock,
    imageUrl: `/images/products/${sku}.svg`,
    finalSale,
    createdAt: new Date(createdAtMs),
  };
  return { row, meta: { index: id - 1, def, kind, sizes, createdAtMs, featured: !!featured } };
}

export interface ProductSet {
  rows: ProductRow[];
  meta: ProductMeta[];
}

/** Featured products (fixed, seed-independent) followed by each category's generated products. */
export function generateProducts(rng: Rng, scale: number, refMs: number): ProductSet {
  const rows: ProductRow[] = [];
  const meta: ProductMeta[] = [];
  const titles = new Set<string>();
  const add = (built: { row: ProductRow; meta: ProductMeta }) => {
    rows.push(built.row);
    meta.push(built.meta);
  };
  const fixed = new Rng(hashString('shopdesk-featured-products'));
  for (const spec of FEATURED) {
    const def = categoryDef(spec.category);
    const kind = def.types.find((t) => t.name === spec.type);
    if (!kind) throw new Error(`featured product type ${spec.type} is not in ${spec.category}`);
    add(buildProduct(fixed, rows.length + 1, def, kind, refMs, titles, spec));
  }
  for (const def of CATEGORY_DEFS) {
    const count = Math.max(3, Math.round(def.share * scale));
    const weights = def.types.map((t) => t.weight);
    for (let i = 0; i < count; i++) {
      // Cycle through types first so small stores still cover every type they can.
      const kind = i < def.types.length && count < def.types.length * 2 ? (def.types[i] as ProductType) : rng.weighted(def.types, weights);
      add(buildProduct(rng, rows.length + 1, def, kind, refMs, titles));
    }
  }
  return { rows, meta };
}
