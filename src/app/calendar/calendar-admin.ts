// /mediaops calendar show|set: the holiday data deadlines are counted on, shown plainly and kept current.
import { AppError } from "../../domain/errors.js";
import { arrangementYears, describeDay, addDays, localDayOf } from "../../domain/calendar/index.js";
import { parseYearLines } from "../../domain/calendar/year-lines.js";
import { audit } from "../audit.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { currentArrangement, refreshCalendarAdditions, teamCalendar, writeYear } from "./team-calendar.js";

/** Replies with the covered years (and the next uncovered one said plainly) and the next days off. */
export async function showCalendar(scope: RequestScope): Promise<void> {
  const en = scope.actor.locale === "en";
  const years = arrangementYears(currentArrangement());
  const cal = teamCalendar(scope.team.timezone);
  const today = localDayOf(scope.now, scope.team.timezone);
  const upcoming: string[] = [];
  for (let d = today, i = 0; i < 120 && upcoming.length < 8; d = addDays(d, 1), i++) {
    const info = describeDay(cal, d);
    if (info.kind === "holiday" || info.kind === "make-up-workday") upcoming.push(`${d} ${info.kind === "holiday" ? (en ? "off" : "放假") : en ? "make-up workday" : "调休上班"}${info.name ? ` · ${info.name}` : ""}`);
  }
  const next = Math.max(...years, Number(today.slice(0, 4))) + 1;
  const missing = years.includes(Number(today.slice(0, 4)) + 1) ? [] : [en ? `${next}: no official arrangement loaded yet; deadlines in ${next} count Monday to Friday. An admin adds it with /mediaops calendar set ${next}.` : `${next} 年：尚未录入官方放假安排，${next} 年的时限按周一至周五计算。管理员可用 /mediaops calendar set ${next} 录入。`];
  await replyNotice(scope.deps.db, scope, en ? `Working calendar (${scope.team.timezone})` : `工作日历（${scope.team.timezone}）`, [
    (en ? "Official holiday data: " : "已有官方放假数据：") + years.join(", "),
    ...missing,
    ...(upcoming.length > 0 ? upcoming : [en ? "No holidays in the next 120 days." : "未来 120 天没有假期。"]),
  ], "info");
}

/** Stores `year`'s arrangement from the typed lines; every later deadline uses it. */
export async function setCalendarYear(scope: RequestScope, year: number, body: string): Promise<void> {
  const arrangement = parseYearLines(year, body);
  const thisYear = Number(localDayOf(scope.now, scope.team.timezone).slice(0, 4));
  if (year < thisYear - 1 || year > thisYear + 2) throw new AppError("calendar.bad_year", { year });
  await scope.deps.db.$transaction(async (tx) => {
    await writeYear(tx, year, arrangement);
    await audit(tx, { teamId: scope.team.id, actorId: scope.actor.id, action: "calendar.set_year", subjectType: "calendar", subjectId: year, after: { holidays: arrangement.holidays.length, workdays: arrangement.workdays }, at: scope.now });
    const en = scope.actor.locale === "en";
    await replyNotice(tx, scope, en ? `${year} arrangement saved: ${arrangement.holidays.length} days off, ${arrangement.workdays.length} make-up workdays.` : `已保存 ${year} 年安排：放假 ${arrangement.holidays.length} 天，调休上班 ${arrangement.workdays.length} 天。`);
  });
  await refreshCalendarAdditions(scope.deps.db);
}
