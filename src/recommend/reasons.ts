/** Short, shopper-facing reasons, one phrasing per source. */
import type { SourceName } from './types';

/**
 * @param related title of the history item behind the pick (undefined: none).
 * @param category category of the recommended item, for popularity.
 */
export function reasonText(source: SourceName, related: string | undefined, category: string): string {
  if (related !== undefined) {
    switch (source) {
      case 'item-knn':
        return `bought together with ${related}`;
      case 'content':
        return `similar to ${related}`;
      case 'mf':
        return `because you viewed ${related}`;
      case 'neural':
        return `often viewed after ${related}`;
      case 'popularity':
        break;
    }
  }
  return category ? `popular in ${category}` : 'popular right now';
}
