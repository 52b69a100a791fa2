// /mediaops calendar show and set: the working calendar's words in both languages.
import type { Locale } from "../../src/domain/locale.js";
import { WEEKDAY_NAMES } from "../strings/labels.js";

/** One day off or make-up workday ahead. */
export interface CalendarDayLine {
  date: string;
  weekday: number;
  kind: "holiday" | "make-up-workday";
  /** As the data names it: "春节 Spring Festival", or what an admin typed. */
  name?: string;
  /** The day is off by law in a year whose arrangement is not published yet. */
  statutory: boolean;
}

/** A holiday's name in one language: the shipped data writes "春节 Spring Festival". */
export function holidayName(name: string, locale: Locale): string {
  const m = /^(\S*[^\x00-\x7F]\S*) ([A-Za-z].*)$/.exec(name.trim());
  if (!m) return name;
  return locale === "en" ? m[2]! : m[1]!;
}

/** The calendar's words. */
export const calendarCopy = {
  en: {
    title: (zone: string) => `Working calendar (${zone})`,
    published: (years: string) => `Official arrangements loaded: ${years}`,
    unpublished: (y: number) => `${y}: the official arrangement is not published yet. Its statutory days off (New Year, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day) are counted as the law fixes them; the make-up workdays are not known yet, so weekends stay off. Once published, an admin enters it with /mediaops calendar set ${y}.`,
    day: (d: CalendarDayLine) => `${d.date} ${WEEKDAY_NAMES.en[d.weekday]} ${d.kind === "holiday" ? "off" : "make-up workday"}${d.name ? ` · ${holidayName(d.name, "en")}` : ""}${d.statutory ? " (statutory; make-up days not published yet)" : ""}`,
    none: "No days off or make-up workdays in the next 120 days.",
    saved: (y: number, off: number, worked: number) => `${y} arrangement saved: ${off} days off, ${worked} make-up workdays.`,
  },
  "zh-CN": {
    title: (zone: string) => `工作日历（${zone}）`,
    published: (years: string) => `已有官方放假安排：${years}`,
    unpublished: (y: number) => `${y} 年：官方放假安排尚未公布。法定假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）已按法定日期计入；调休上班日尚未公布，周末仍按休息计算。公布后管理员可用 /mediaops calendar set ${y} 录入。`,
    day: (d: CalendarDayLine) => `${d.date} ${WEEKDAY_NAMES["zh-CN"][d.weekday]} ${d.kind === "holiday" ? "放假" : "调休上班"}${d.name ? ` · ${holidayName(d.name, "zh-CN")}` : ""}${d.statutory ? "（法定假日，调休安排待公布）" : ""}`,
    none: "未来 120 天没有放假或调休上班日。",
    saved: (y: number, off: number, worked: number) => `已保存 ${y} 年安排：放假 ${off} 天，调休上班 ${worked} 天。`,
  },
} satisfies Record<Locale, unknown>;
