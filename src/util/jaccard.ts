/** Jaccard similarity of two sets: shared members over all members; 0 when either set is empty. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const member of a) if (b.has(member)) shared += 1;
  return shared / (a.size + b.size - shared);
}
