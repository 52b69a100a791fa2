// /topic calendar: the week or month ahead, by day and platform, with the theme mix against the target.
import type { ArgsOf } from "../../../commands/index.js";
import { addDays } from "../../domain/calendar/local-day.js";
import { buildContentCalendar } from "../../domain/topics/content-calendar.js";
import { parsePlannedWhen } from "../../domain/topics/plan-date.js";
import dayjs from "../../lib/dayjs.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { toTopicRecord } from "./load-topic.js";

/** Replies with the calendar from `--from` (default today in the team's zone). */
export async function topicCalendar(scope: RequestScope, args: ArgsOf<"topic.calendar">): Promise<void> {
  const { db } = scope.deps;
  const today = dayjs(scope.now).tz(scope.team.timezone).format("YYYY-MM-DD");
  const from = args.from ? parsePlannedWhen(args.from, { now: scope.now, zone: scope.team.timezone }).day : today;
  const days = args.period === "month" ? 30 : 7;
  const to = addDays(from, days - 1);
  const rows = await db.topic.findMany({
    where: { teamId: scope.team.id, plannedDay: { gte: from, lte: to }, status: { notIn: ["rejected", "archived"] } },
  });
  const topics = rows.map(toTopicRecord).map((t) => ({
    id: t.id, title: t.title, theme: (t.theme as never) ?? null, platforms: t.platforms, plannedDay: t.plannedDay, plannedTime: t.plannedTime, status: t.status,
  }));
  const calendar = buildContentCalendar({ topics, fromDay: from, days, targets: scope.team.themeTargets });
  await enqueueReply(db, scope, { template: "topic.calendar", model: { calendar, from, to } });
}
