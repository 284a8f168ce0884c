/**
 * Dashboard filters at the HTTP edge: validated with zod, empty values mean
 * "all" (a select's first option sends ""), and a stable cache key.
 */
import { z } from 'zod';
import type { ReportOptions } from '../../sentiment';
import type { DashboardFilters } from './wire';

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => v || undefined);

/** The filter query of every report endpoint (unknown keys are ignored). */
export const filtersSchema = z.object({
  category: optionalText,
  brand: optionalText,
  product: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, 'product must be a product id')
    .optional()
    .transform((v) => v || undefined),
  since: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'since must be a date (YYYY-MM-DD)')
    .refine((v) => !v || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'since must be a real date')
    .optional()
    .transform((v) => v || undefined),
});

/** Filters as the report takes them. */
export function reportOptionsOf(filters: DashboardFilters): ReportOptions {
  return {
    category: filters.category,
    brand: filters.brand,
    product: filters.product,
    since: filters.since ? new Date(`${filters.since}T00:00:00Z`) : undefined,
  };
}

/** Same key for filters the report treats alike (names match case-insensitively). */
export function filterKey(filters: DashboardFilters): string {
  return JSON.stringify([filters.category?.toLowerCase() ?? '', filters.brand?.toLowerCase() ?? '', filters.product ?? '', filters.since ?? '']);
}

/** A file name part for downloads: "shoes-stridewell" or "all". */
export function filterSlug(filters: DashboardFilters): string {
  const parts = [filters.category, filters.brand, filters.product && `product-${filters.product}`, filters.since && `since-${filters.since}`].filter(
    Boolean,
  ) as string[];
  const slug = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, 80) || 'all';
}
