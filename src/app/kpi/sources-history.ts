// /kpi sources (each metric source: the last day it stored, when, and its last error) and /kpi history (one
// metric's stored values day by day, with every value they replaced). Read-only; replies in the actor's language.
import type { ArgsOf } from "../../../commands/index.js";
import { historyNotice, sourcesNotice, type HistoryRowView, type SourceRowView } from "../../../templates/kpi/sources-copy.js";
import { localDayOf } from "../../domain/calendar/zoned.js";
import { METRIC_SOURCES, ZSourceError } from "../../domain/kpi/sources.js";
import dayjs from "../../lib/dayjs.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";

/** Most rows a history card lists (90 days × several platforms would not fit a chat card). */
export const HISTORY_MAX_ROWS = 40;

const errorOf = (raw: string | null) => {
  if (!raw) return null;
  try {
    const parsed = ZSourceError.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/** Replies with every source and how it last went. */
export async function listSources(scope: RequestScope): Promise<void> {
  const { db } = scope.deps;
  const teamId = scope.team.id;
  const fmt = (d: Date | null) => (d ? dayjs(d).tz(scope.actor.timezone).format("YYYY-MM-DD HH:mm") : null);
  const statuses = await db.metricSourceStatus.findMany({ where: { teamId }, orderBy: [{ source: "asc" }, { account: "asc" }] });
  const waiting = await db.metricPullDay.groupBy({ by: ["source", "account"], where: { teamId, status: "failed" }, _count: { _all: true } });
  const rows: SourceRowView[] = [];
  for (const source of METRIC_SOURCES) {
    const mine = statuses.filter((s) => s.source === source);
    if (mine.length === 0) rows.push({ source, account: null, lastDay: null, lastStoredAt: null, lastError: null, lastErrorAt: null, waitingDays: 0 });
    for (const s of mine) {
      rows.push({
        source, account: s.account || null, lastDay: s.lastDay, lastStoredAt: fmt(s.lastStoredAt), lastError: errorOf(s.lastError), lastErrorAt: fmt(s.lastErrorAt),
        waitingDays: waiting.find((w) => w.source === source && w.account === s.account)?._count._all ?? 0,
      });
    }
  }
  await enqueueReply(db, scope, { template: "notice", model: sourcesNotice(scope.actor.locale, rows) });
}

/** Replies with the metric's stored values of the last `days` days (newest first) and what they replaced. */
export async function metricHistory(scope: RequestScope, args: ArgsOf<"kpi.history">): Promise<void> {
  const { db } = scope.deps;
  const days = args.days ?? 14;
  const today = localDayOf(scope.now, scope.team.timezone);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const where = { teamId: scope.team.id, metric: args.metric, day: { gte: from, lte: today }, ...(args.platform ? { platform: args.platform } : {}) };
  const total = await db.metricValue.count({ where });
  const values = await db.metricValue.findMany({ where, orderBy: [{ day: "desc" }, { platform: "asc" }, { account: "asc" }], take: HISTORY_MAX_ROWS });
  const replaced = await db.metricValueHistory.findMany({ where: { metricValueId: { in: values.map((v) => v.id) } }, orderBy: { replacedAt: "desc" } });
  const people = new Map((await db.user.findMany({ where: { id: { in: [...new Set([...values.map((v) => v.updatedBy), ...replaced.map((r) => r.replacedBy)].filter((x): x is string => !!x))] } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  const fmt = (d: Date) => dayjs(d).tz(scope.actor.timezone).format("MM-DD HH:mm");
  const rows: HistoryRowView[] = values.map((v) => ({
    day: v.day, platform: v.platform, account: v.account, value: v.value, source: v.source, by: v.updatedBy ? (people.get(v.updatedBy) ?? null) : null, at: fmt(v.updatedAt),
    replaced: replaced.filter((r) => r.metricValueId === v.id).map((r) => ({ oldValue: r.oldValue, oldSource: r.oldSource, newValue: r.newValue, at: fmt(r.replacedAt), by: r.replacedBy ? (people.get(r.replacedBy) ?? null) : null })),
  }));
  await enqueueReply(db, scope, { template: "notice", model: historyNotice(scope.actor.locale, { metric: args.metric, platform: args.platform ?? null, days, from, to: today, rows, more: Math.max(0, total - rows.length) }) });
}
