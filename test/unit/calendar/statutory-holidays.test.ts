// China's statutory days off computed for any year (全国年节及纪念日放假办法, 2024): checked against the
// published arrangements of 2025 and 2026, whose days off contain every statutory day, and spelled out for 2027.
import { describe, expect, it } from "vitest";
import { CN_MAINLAND_ARRANGEMENT, statutoryHolidays } from "../../../src/domain/calendar/index.js";

describe("statutory days off", () => {
  it("spells out 2027 (not published yet): 13 days, the lunar ones included", () => {
    expect(statutoryHolidays(2027).map((h) => `${h.date} ${h.name.split(" ")[0]}`)).toEqual([
      "2027-01-01 元旦",
      "2027-02-05 春节", // New Year's Eve (除夕)
      "2027-02-06 春节",
      "2027-02-07 春节",
      "2027-02-08 春节",
      "2027-04-05 清明节",
      "2027-05-01 劳动节",
      "2027-05-02 劳动节",
      "2027-06-09 端午节",
      "2027-09-15 中秋节",
      "2027-10-01 国庆节",
      "2027-10-02 国庆节",
      "2027-10-03 国庆节",
    ]);
  });

  it.each([2025, 2026])("are all days off in the published %i arrangement", (year) => {
    const off = new Set(CN_MAINLAND_ARRANGEMENT.years[String(year)]!.holidays.map((h) => h.date));
    const computed = statutoryHolidays(year);
    expect(computed).toHaveLength(13);
    expect(computed.filter((h) => !off.has(h.date))).toEqual([]);
  });
});
