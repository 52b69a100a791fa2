// Where SLA items come from and how each source is doing, for /sla sources: the WeChat OA comment poll, the
// WeChat OA push, the signed intake (/ingest/comments), the CSV import and /sla log. The poll records each
// run's outcome (Setting "sla.source:<source>", shared by replicas); the other sources are read from the items
// they stored, and record only their refusals. Errors are kept as codes, worded in the reader's language.
import { z } from "zod";
import type { SourceErrorView, SourceView } from "../../../templates/sla/sources-view.js";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { SLA_SOURCES, SOURCE_PROBLEMS, type SlaSource } from "../../domain/sla/index.js";
import { readJson } from "../../lib/json.js";
import { localTime } from "./sla-context.js";

const ZSourceError = z.object({
  problem: z.enum(SOURCE_PROBLEMS),
  code: z.number().optional(),
  ip: z.string().optional(),
  /** A detail in no particular language (an account code, the intake's English reason). */
  detail: z.string().optional(),
  /** The intake's own reason for a refused item, in English (shown to English readers only). */
  reason: z.string().optional(),
  at: z.string(),
});
const ZSourceState = z.object({
  lastOkAt: z.string().optional(),
  /** Comments (or messages) the last successful run saw, and how many of them were new. */
  seen: z.number().optional(),
  added: z.number().optional(),
  closed: z.number().optional(),
  error: ZSourceError.optional(),
});
type SourceState = z.infer<typeof ZSourceState>;

/** A failure as recorded. */
export type SourceError = Omit<z.infer<typeof ZSourceError>, "at">;

const keyOf = (source: SlaSource) => `sla.source:${source}`;

async function read(db: Db, source: SlaSource): Promise<SourceState> {
  const row = await db.setting.findUnique({ where: { key: keyOf(source) } });
  return row ? readJson(ZSourceState, row.value, `Setting(${keyOf(source)})`) : {};
}

async function write(db: Db, source: SlaSource, state: SourceState): Promise<void> {
  const key = keyOf(source);
  const value = JSON.stringify(state);
  try {
    await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  } catch (err) {
    // Two replicas' first records at once: the loser writes again as an update.
    if (!isUniqueViolation(err)) throw err;
    await db.setting.update({ where: { key }, data: { value } });
  }
}

/** Records a successful run (a poll): when, and what it found. The last error is kept (shown with its time). */
export async function recordSourceSuccess(db: Db, source: SlaSource, now: Date, found: { seen: number; added: number; closed: number }): Promise<void> {
  const { error } = await read(db, source);
  await write(db, source, { lastOkAt: now.toISOString(), ...found, ...(error ? { error } : {}) });
}

/** Records a failure (a failed poll, a refused item); the last success is kept. */
export async function recordSourceError(db: Db, source: SlaSource, now: Date, error: SourceError): Promise<void> {
  const state = await read(db, source);
  await write(db, source, { ...state, error: { ...error, at: now.toISOString() } });
}

/** What /sla sources shows for each source of `teamId`, times in `zone`. `polling`: whether the poll is switched on. */
export async function sourcesOf(db: Db, teamId: string, zone: string, polling: { on: boolean; everyMinutes?: number; days?: number }): Promise<SourceView[]> {
  const counts = await db.slaItem.groupBy({ by: ["source"], where: { teamId }, _count: { _all: true }, _max: { receivedAt: true } });
  const bySource = new Map(counts.map((c) => [c.source, c]));
  const out: SourceView[] = [];
  for (const source of SLA_SOURCES) {
    const state = await read(db, source);
    const stored = bySource.get(source);
    const lastArrival = stored?._max.receivedAt ?? undefined;
    const lastOk = source === "wechat_oa_comments" ? (state.lastOkAt ? new Date(state.lastOkAt) : undefined) : lastArrival;
    const err = state.error;
    out.push({
      source,
      ...(source === "wechat_oa_comments" ? { polling: polling.on, everyMinutes: polling.everyMinutes, days: polling.days, lastRun: state.lastOkAt ? { seen: state.seen ?? 0, added: state.added ?? 0, closed: state.closed ?? 0 } : undefined } : {}),
      lastOkAt: lastOk ? localTime(lastOk, zone) : undefined,
      items: stored?._count._all ?? 0,
      error: err ? ({ problem: err.problem, code: err.code, ip: err.ip, detail: err.detail, reason: err.reason, at: localTime(new Date(err.at), zone) } satisfies SourceErrorView) : undefined,
    });
  }
  return out;
}
