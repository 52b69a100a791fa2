// The rule behind one day's hours, as a digest names it: an admin's override wins over an official day off and
// over a make-up workday, and is reported as an override even when it closes the day.
import { describe, expect, it } from "vitest";

import { buildBusinessCalendar, describeDay, hoursOn } from "../../../src/domain/calendar/index.js";

describe("describeDay with overrides", () => {
  const half = [{ start: "09:00", end: "12:00" }];
  const cal = buildBusinessCalendar({
    zone: "Asia/Shanghai",
    overrides: [
      { date: "2026-10-02", hours: half, note: "launch day" }, // National Day
      { date: "2026-10-10", hours: [], note: "team outing" }, // make-up Saturday
      { date: "2026-10-13", hours: half }, // ordinary Tuesday
    ],
  });

  it("opens an official day off, naming the override and not the holiday", () => {
    expect(describeDay(cal, "2026-10-02")).toEqual({ date: "2026-10-02", kind: "override", hours: half });
  });

  it("closes a make-up workday", () => {
    expect(describeDay(cal, "2026-10-10")).toEqual({ date: "2026-10-10", kind: "override", hours: [] });
    expect(hoursOn(cal, "2026-10-10")).toEqual([]);
  });

  it("shortens an ordinary day; the days around keep their own rule", () => {
    expect(describeDay(cal, "2026-10-13")).toEqual({ date: "2026-10-13", kind: "override", hours: half });
    expect(describeDay(cal, "2026-10-12").kind).toBe("regular");
    expect(describeDay(cal, "2026-10-01")).toMatchObject({ kind: "holiday", name: "国庆节 National Day", hours: [] });
    expect(describeDay(cal, "2026-09-20")).toMatchObject({ date: "2026-09-20", kind: "make-up-workday" });
  });
});
