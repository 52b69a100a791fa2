// Refusals that are about who may act or whether a button is genuine, rather than about what was typed. Each is
// written to the audit trail with who, what and why (src/app/refusals.ts); typos and bad values are not.

/** Why a request was refused, as the audit row names it. */
export type RefusalKind = "permission" | "relation" | "payload";

/** Error code → the kind of refusal it is. Codes not listed are plain bad input. */
export const AUDITED_REFUSALS: Readonly<Record<string, RefusalKind>> = {
  "auth.forbidden": "permission",
  "setup.code_invalid": "permission",
  "people.last_admin": "permission",
  "review.not_reviewer": "relation",
  "review.own_work": "relation",
  "topic.own_vote": "relation",
  "action.malformed": "payload",
  "action.unknown": "payload",
  "action.stale": "payload",
  "review.already_decided": "payload",
  "review.you_already_decided": "payload",
  "topic.changed_meanwhile": "payload",
};

/** The kind of an audited refusal, or undefined for plain bad input. */
export function refusalKind(code: string): RefusalKind | undefined {
  return AUDITED_REFUSALS[code];
}
