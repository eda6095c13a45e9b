/**
 * Keyset pages for list use cases: callers ask for `limit` rows after a key; the use case
 * fetches one extra row to know whether another page exists. Keys stay inside the features;
 * the HTTP layer turns them into opaque cursors.
 */
export interface PageInput {
  limit: number;
  /** Key of the last row of the previous page (as returned in `nextAfter`). */
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Key to pass as `after` for the next page; null on the last page. */
  nextAfter: string | null;
}

/** Cuts the one extra row fetched and turns the last kept row into the next key. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? keyOf(items[items.length - 1]!) : null };
}
