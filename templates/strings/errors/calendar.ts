// Refusal messages of the working-calendar admin commands, in both languages.
import type { ErrorCatalog } from "../catalog.js";

/** Calendar error messages. */
export const calendarErrors: ErrorCatalog = {
  en: {
    "calendar.bad_year": (p) => `"${p.value ?? p.year}" is not a year that can be set: give this year, last year or one of the next two, e.g. 2027.`,
    "calendar.empty_body": () => "Put the days on the lines after the command: holiday 2027-01-01 元旦, holiday 2027-02-05..2027-02-11 春节, workday 2027-02-14.",
    "calendar.empty_year": (p) => `The ${p.year} arrangement has no days off; a year is replaced whole, so list all of them.`,
    "calendar.bad_line": (p) => `Line ${p.line} is not understood: "${p.text}". Write "holiday <day>[..<day>] [name]" or "workday <day>".`,
    "calendar.invalid": (p) => `The arrangement is not consistent: ${p.problem}. Nothing was saved.`,
  },
  "zh-CN": {
    "calendar.bad_year": (p) => `“${p.value ?? p.year}”不是可设置的年份：请填写今年、去年或之后两年，例如 2027。`,
    "calendar.empty_body": () => "请在命令之后的各行写日期，如：放假 2027-01-01 元旦；放假 2027-02-05..2027-02-11 春节；上班 2027-02-14。",
    "calendar.empty_year": (p) => `${p.year} 年的安排里没有放假日；整年会被替换，请列出全部日期。`,
    "calendar.bad_line": (p) => `第 ${p.line} 行无法识别：“${p.text}”。请写成“放假 <日期>[..<日期>] [名称]”或“上班 <日期>”。`,
    "calendar.invalid": (p) => `放假安排前后矛盾：${p.problem}。没有保存任何内容。`,
  },
};
