import { z } from "zod";
import { defineCommand } from "../spec.js";

/** /mediaops calendar show: which years have official holiday data, and the next days off. */
export const calendarShow = defineCommand({
  id: "calendar.show",
  words: ["calendar", "show"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/mediaops calendar show",
  summary: { en: "The working calendar: years covered, next holidays", "zh-CN": "工作日历：已有数据的年份和近期假期" },
  examples: ["/mediaops calendar show"],
});

/** /mediaops calendar set <year>: an admin enters a year's official arrangement (放假调休), one day or range per line. */
export const calendarSet = defineCommand({
  id: "calendar.set",
  words: ["calendar", "set"],
  positionals: [{ name: "year" }],
  options: [],
  acceptsBody: true,
  args: z.object({
    year: z.string().regex(/^20\d\d$/, { message: "calendar.bad_year" }).transform(Number),
    body: z.string().min(1, { message: "calendar.empty_body" }),
  }),
  usage: "/mediaops calendar set <year>",
  summary: { en: "Enter a year's official holidays and make-up workdays", "zh-CN": "录入某年的法定假日和调休上班日" },
  help: {
    en: "Replaces that year wholesale. After the first line, one entry per line: holiday <day>[..<day>] [name], or workday <day>.",
    "zh-CN": "整年替换。第一行之后每行一条：放假 <日期>[..<日期>] [名称]，或 上班 <日期>（调休上班日）。",
  },
  examples: [{
    "zh-CN": "/mediaops calendar set 2027\n放假 2027-01-01 元旦\n放假 2027-02-05..2027-02-11 春节\n上班 2027-02-14",
    en: "/mediaops calendar set 2027\nholiday 2027-01-01 New Year\nholiday 2027-02-05..2027-02-11 Spring Festival\nworkday 2027-02-14",
  }],
});
