// The words of /mediaops hours show|set in both languages; weekdays by name, never by code.
import type { WeekdayKey } from "../../src/domain/calendar/business-calendar.js";
import type { Locale } from "../../src/domain/locale.js";

const DAY: Record<Locale, Record<WeekdayKey, string>> = {
  en: { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" },
  "zh-CN": { mon: "周一", tue: "周二", wed: "周三", thu: "周四", fri: "周五", sat: "周六", sun: "周日" },
};

/** The copy per locale. */
export const hoursCopy: Record<Locale, { title: (zone: string, isDefault: boolean) => string; day: (d: WeekdayKey, ranges: string[]) => string; saved: string }> = {
  en: {
    title: (zone, isDefault) => `Working hours (${zone})${isDefault ? ", the default" : ""}`,
    day: (d, ranges) => `${DAY.en[d]} ${ranges.length > 0 ? ranges.join(", ") : "off"}`,
    saved: "Working hours saved. Deadlines set from now on count these hours.",
  },
  "zh-CN": {
    title: (zone, isDefault) => `工作时间（${zone}）${isDefault ? "，默认设置" : ""}`,
    day: (d, ranges) => `${DAY["zh-CN"][d]} ${ranges.length > 0 ? ranges.join("、") : "不上班"}`,
    saved: "工作时间已保存。之后设定的时限都按此计算。",
  },
};
