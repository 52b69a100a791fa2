// The states of a review and of each level it asks. Stored as strings; read back through these guards.

/** A review: asking a level (open), waiting for the author's new version, or closed one way or another. */
export const REVIEW_STATUSES = ["open", "changes_requested", "approved", "rejected", "withdrawn"] as const;
/** One review state. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** States in which a review still takes action (decisions only while open; withdrawal in both). */
export const ACTIVE_REVIEW_STATUSES: readonly ReviewStatus[] = ["open", "changes_requested"];

/** One level of one version being asked (a pass): pending until decided, then how it ended. */
export const LEVEL_STATUSES = ["pending", "approved", "changes_requested", "sent_back", "rejected", "withdrawn"] as const;
/** One level state. */
export type LevelStatus = (typeof LEVEL_STATUSES)[number];

/** Guard for values read from the database. */
export function isReviewStatus(s: string): s is ReviewStatus {
  return (REVIEW_STATUSES as readonly string[]).includes(s);
}

/** Guard for values read from the database. */
export function isLevelStatus(s: string): s is LevelStatus {
  return (LEVEL_STATUSES as readonly string[]).includes(s);
}

/** "5", "#5", "R5", "r5", "＃5" → 5; undefined for anything else. */
export function parseReviewId(raw: string): number | undefined {
  const m = /^(?:[#＃]|[rR])?(\d{1,9})$/.exec(raw.trim());
  return m ? Number(m[1]) : undefined;
}
