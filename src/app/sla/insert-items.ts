// Stores new SLA items with the database deciding duplicates: one INSERT ... ON CONFLICT ("platform",
// "externalId") DO NOTHING RETURNING per chunk, the same SQL on SQLite and PostgreSQL. Two replicas polling the
// same comments (or a webhook retried while the first delivery is still being stored) each insert what the
// other has not, and neither fails: a row another writer stored first is simply not returned.
import type { Tx } from "../../db/client.js";
import { intParam, textParam, timestampParam, timestampValue, type SqlDialect } from "../../db/dialect.js";

/** The columns an intake sets; the rest take their defaults (counters 0, version 1, no assignee). */
export interface NewSlaRow {
  teamId: string;
  platform: string;
  account: string;
  kind: string;
  externalId: string;
  author: string;
  text: string;
  link: string | null;
  source: string;
  createdAt: Date;
  receivedAt: Date;
  policyName: string;
  targetMinutes: number;
  dueAt: Date;
  windowEndsAt: Date | null;
  deadlineAt: Date;
  scheduleJson: string;
  status: string;
  nextReminderAt: Date | null;
  updatedAt: Date;
  /** WeChat OA article comments: what comment/reply/add needs (null for everything else). */
  msgDataId: string | null;
  articleIndex: number | null;
  userCommentId: string | null;
  /** Direct messages: the person's last message (the reply window runs from it). */
  lastMessageAt: Date | null;
}

type Kind = "text" | "int" | "time";
const COLUMNS: [keyof NewSlaRow, Kind][] = [
  ["teamId", "text"], ["platform", "text"], ["account", "text"], ["kind", "text"], ["externalId", "text"], ["author", "text"],
  ["text", "text"], ["link", "text"], ["source", "text"], ["createdAt", "time"], ["receivedAt", "time"], ["policyName", "text"],
  ["targetMinutes", "int"], ["dueAt", "time"], ["windowEndsAt", "time"], ["deadlineAt", "time"], ["scheduleJson", "text"],
  ["status", "text"], ["nextReminderAt", "time"], ["updatedAt", "time"],
  ["msgDataId", "text"], ["articleIndex", "int"], ["userCommentId", "text"], ["lastMessageAt", "time"],
];

/** Rows per statement (24 parameters each: well inside SQLite's and PostgreSQL's limits). */
const CHUNK = 400;

/** Inserts `rows`, skipping any whose (platform, externalId) is already stored; returns the rows this call stored. */
export async function insertItemsIgnoringDuplicates(tx: Tx, dialect: SqlDialect, rows: readonly NewSlaRow[]): Promise<{ id: number; platform: string; externalId: string; deadlineAt: Date }[]> {
  const stored: { id: number; platform: string; externalId: string; deadlineAt: Date }[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const args: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = COLUMNS.map(([name, kind]) => {
        const v = row[name];
        args.push(kind === "time" ? timestampValue(dialect, v as Date | null) : v);
        const n = args.length;
        return kind === "time" ? timestampParam(dialect, n) : kind === "int" ? intParam(dialect, n) : textParam(dialect, n);
      });
      return `(${marks.join(", ")})`;
    });
    const got = await tx.$queryRawUnsafe<{ id: number | bigint; platform: string; externalId: string }[]>(
      `INSERT INTO "SlaItem" (${COLUMNS.map(([c]) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}
       ON CONFLICT ("platform", "externalId") DO NOTHING
       RETURNING "id" AS id, "platform" AS platform, "externalId" AS "externalId"`,
      ...args,
    );
    const byKey = new Map(chunk.map((r) => [`${r.platform}:${r.externalId}`, r]));
    for (const g of got) stored.push({ id: Number(g.id), platform: g.platform, externalId: g.externalId, deadlineAt: byKey.get(`${g.platform}:${g.externalId}`)!.deadlineAt });
  }
  return stored;
}
