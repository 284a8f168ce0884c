/**
 * Building blocks of the catalog definitions (catalog.ts, catalog-more.ts):
 * the shapes of a category and a product type, and tiny constructors that keep
 * the definition tables compact.
 */

export type AttrValue = string | number | boolean;
/** A numeric attribute drawn uniformly from min..max in steps of `step`. */
export interface NumRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}
/** Attribute name -> the values it can take (one picked at random) or a numeric range. */
export type AttrSpec = Readonly<Record<string, readonly AttrValue[] | NumRange>>;

/** How a product is sized: shoe sizes 6-13 with halves, apparel S-XXL, ring sizes, pet gear S-XL, or none. */
export type Sizing = 'shoe' | 'apparel' | 'ring' | 'pet' | 'helmet' | 'none';

export interface ProductType {
  /** Words in the product title: "Trail Running Shoes". */
  readonly name: string;
  /** How shoppers and reviews name it: "running shoes". */
  readonly noun: string;
  readonly plural: boolean;
  /** Price range in whole dollars. */
  readonly price: readonly [number, number];
  readonly materials: readonly string[];
  /** Selling points for the description, each "a/an ..." or a plural noun phrase. */
  readonly features: readonly string[];
  /** What it is for: completes "made for ...". */
  readonly use: string;
  /** Title gender labels; the first entries are the most common. */
  readonly gender?: readonly string[];
  readonly sizing?: Sizing;
  readonly colors?: readonly string[] | null;
  readonly attrs?: AttrSpec;
  /** Relative frequency inside its category (default 1). */
  readonly weight: number;
  /** Free tags copied into attributes.tags ("running", "clearance"...). */
  readonly tags?: readonly string[];
}

export interface CategoryDef {
  readonly name: string;
  /** SKU prefix: "SHO" in SHO-000123. */
  readonly prefix: string;
  /** Number of products at scale 1. */
  readonly share: number;
  /** Brands, most common first (the store's house brands lead). */
  readonly brands: readonly string[];
  readonly colors: readonly string[] | null;
  readonly sizing: Sizing;
  /** Product line names put before the type in some titles ("Tempo", "Pulse"). */
  readonly models: readonly string[];
  /** Append a model number to line names ("Pulse 40"). */
  readonly modelNumbers?: boolean;
  /** Attributes shared by the whole category (warrantyMonths...). */
  readonly attrs?: AttrSpec;
  /** Share of the category sold as final-sale clearance. */
  readonly finalSaleRate: number;
  /** Closing sentences (care, warranty, guarantee notes); one may end a description. */
  readonly notes: readonly string[];
  readonly types: readonly ProductType[];
}

export const range = (min: number, max: number, step = 1): NumRange => ({ min, max, step });

export function isRange(spec: readonly AttrValue[] | NumRange): spec is NumRange {
  return !Array.isArray(spec);
}

type TypeOptions = Partial<Omit<ProductType, 'name' | 'noun' | 'price'>> & { singular?: boolean };

/** Defines a product type; `plural` defaults to whether the noun ends in "s". */
export function type(name: string, noun: string, price: readonly [number, number], options: TypeOptions): ProductType {
  const { singular, ...rest } = options;
  return {
    plural: !singular && noun.endsWith('s'),
    materials: [],
    features: [],
    use: 'everyday use',
    weight: 1,
    ...rest,
    name,
    noun,
    price,
  };
}

export const GENDERED = ["Men's", "Women's"] as const;
export const GENDERED_UNISEX = ["Men's", "Women's", 'Unisex'] as const;

/** Half sizes from 6 to 13: "6", "6.5", ..., "13". */
export const SHOE_SIZES: readonly string[] = Array.from({ length: 15 }, (_, i) => String(6 + i / 2));
export const APPAREL_SIZES: readonly string[] = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
export const RING_SIZES: readonly string[] = ['5', '6', '7', '8', '9', '10'];
export const PET_SIZES: readonly string[] = ['S', 'M', 'L', 'XL'];
export const HELMET_SIZES: readonly string[] = ['S', 'M', 'L'];
