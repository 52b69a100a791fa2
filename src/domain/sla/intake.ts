// One incoming user message as every intake (webhook, WeChat push, CSV, /sla log) hands it over, checked
// field by field. Pure: `now` comes in, so "in the future" is decided against the injected clock.
import { z } from "zod";
import { SLA_KINDS, SLA_PLATFORMS, type SlaKind, type SlaPlatform } from "./vocabulary.js";

/** Longest text we keep; platforms allow about this much in a comment or message. */
export const SLA_TEXT_MAX = 2000;
/** Clock skew tolerated before a created time counts as "in the future". */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** The wire form of one item (JSON body or a CSV row after mapping). */
export const ZIngestItem = z.object({
  platform: z.enum(SLA_PLATFORMS, { error: `unknown platform; known: ${SLA_PLATFORMS.join(", ")}` }),
  account: z.string({ error: "account is required" }).trim().min(1, "account is required").max(64),
  /** Omitted: a comment (the same default as the CSV import and /sla log). */
  kind: z.enum(SLA_KINDS, { error: `unknown kind; known: ${SLA_KINDS.join(", ")}` }).default("comment"),
  externalId: z.string({ error: "externalId is required" }).trim().min(1, "externalId is required").max(128),
  author: z.string().trim().max(128).default(""),
  // Counted in characters by the refinement (the max only bounds the work of counting them).
  text: z.string().max(SLA_TEXT_MAX * 4).default("").refine((s) => [...s].length <= SLA_TEXT_MAX, `text is longer than ${SLA_TEXT_MAX} characters`).describe(`what they wrote, at most ${SLA_TEXT_MAX} characters`),
  link: z.url({ protocol: /^https?$/, error: "link must be an http(s) URL" }).max(1000).optional(),
  createdAt: z.iso.datetime({ offset: true, error: "createdAt must be an ISO 8601 time with a zone, e.g. 2026-11-26T10:00:00+08:00" }),
}).describe("One comment or message");

/** Most items in one POST /ingest/comments. */
export const INGEST_ITEMS_MAX = 1000;

/** The two batch shapes of a /ingest/comments body around `item`: an array, or {"items": [...]}. */
function batchShapes<T extends z.ZodType>(item: T, max?: number) {
  const list = max === undefined ? z.array(item) : z.array(item).max(max);
  return [list, z.object({ items: list })] as const;
}

/**
 * The body of POST /ingest/comments as documented (docs/schemas/ingest-comments.schema.json is generated from
 * it): one item, an array of items, or {"items": [...]}. The route takes the items out of whichever shape with
 * {@link itemsOfBody} (the same shapes) and checks each with {@link checkIngestItem}, so one bad item is
 * reported without refusing the others.
 */
export const ZIngestBodyWire = z.union([ZIngestItem, ...batchShapes(ZIngestItem, INGEST_ITEMS_MAX)]).describe("POST /ingest/comments");

/** The batch shapes with items not yet checked and no bound (the route reports too many items itself). */
const ZAnyBatch = z.union(batchShapes(z.unknown()));

/** The items of a /ingest/comments body in any of ZIngestBodyWire's shapes, unchecked; anything else is one item. */
export function itemsOfBody(body: unknown): unknown[] {
  const batch = ZAnyBatch.safeParse(body);
  if (!batch.success) return [body];
  return Array.isArray(batch.data) ? batch.data : batch.data.items;
}

/** A checked item. */
export interface IngestItem {
  platform: SlaPlatform;
  account: string;
  kind: SlaKind;
  externalId: string;
  author: string;
  text: string;
  link?: string;
  createdAt: Date;
}

/** An item accepted for storing, or the reason it was refused (in English, for the sender's logs). */
export type CheckedItem = { ok: true; item: IngestItem } | { ok: false; error: string; externalId?: string };

/** Checks one raw item against the schema and the clock. */
export function checkIngestItem(raw: unknown, now: Date): CheckedItem {
  const externalId = typeof raw === "object" && raw !== null && typeof (raw as { externalId?: unknown }).externalId === "string" ? (raw as { externalId: string }).externalId : undefined;
  const parsed = ZIngestItem.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join(".");
    return { ok: false, externalId, error: field && !issue.message.includes(field) ? `${field}: ${issue.message}` : issue.message };
  }
  const createdAt = new Date(parsed.data.createdAt);
  if (createdAt.getTime() > now.getTime() + FUTURE_SKEW_MS) return { ok: false, externalId, error: "createdAt is in the future" };
  return { ok: true, item: { ...parsed.data, link: parsed.data.link, createdAt } };
}
