// An admin types a year's arrangement as lines, the way the State Council's notice reads:
//   holiday 2027-01-01 元旦
//   holiday 2027-02-05..2027-02-11 春节
//   workday 2027-02-14
// Pure: lines in, a validated YearArrangement out, or the first line that is wrong.
import { AppError } from "../errors.js";
import type { YearArrangement } from "./holiday-data.js";
import { ZArrangementYears } from "./holiday-data.js";
import { addDays, isLocalDay } from "./local-day.js";

const LINE = /^(holiday|workday|放假|调休上班|上班)\s+(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|~|至)\s*(\d{4}-\d{2}-\d{2}))?(?:\s+(.+))?$/;

/** Parses the lines of one year's arrangement; throws calendar.bad_line / calendar.invalid refusals. */
export function parseYearLines(year: number, text: string): YearArrangement {
  const arrangement: YearArrangement = { holidays: [], workdays: [] };
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  lines.forEach((line, i) => {
    if (!line || line.startsWith("#")) return;
    const m = LINE.exec(line);
    // A range written backwards ("2027-02-11..2027-02-05") would hold no day at all: refuse it, never drop it.
    if (!m || !isLocalDay(m[2]!) || (m[3] && (!isLocalDay(m[3]) || m[3] < m[2]!))) throw new AppError("calendar.bad_line", { line: i + 1, text: line });
    const [, kind, from, to, name] = m;
    const days: string[] = [];
    for (let d = from!; d <= (to ?? from!); d = addDays(d, 1)) {
      days.push(d);
      if (days.length > 31) throw new AppError("calendar.bad_line", { line: i + 1, text: line });
    }
    if (kind === "holiday" || kind === "放假") arrangement.holidays.push(...days.map((date) => ({ date, name: name?.trim() || "假日 Holiday" })));
    else arrangement.workdays.push(...days);
  });
  if (arrangement.holidays.length === 0) throw new AppError("calendar.empty_year", { year });
  const checked = ZArrangementYears.safeParse({ [String(year)]: arrangement });
  if (!checked.success) throw new AppError("calendar.invalid", { problem: checked.error.issues[0]?.message ?? "invalid" });
  return arrangement;
}
