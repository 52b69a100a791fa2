// Deadlines, warnings and escalation instants on real calendars. Instants are literal UTC, computed by hand
// (Shanghai is UTC+8; the default team works 09:00-12:00 and 13:30-18:30 Monday to Friday).
import { describe, expect, it } from "vitest";
import { computeSchedule, ZSlaPolicy, type TSlaPolicy } from "../../../src/domain/sla/index.js";
import { cn, london } from "../calendar/calendars.js";

const at = (iso: string) => new Date(iso);
const iso = (d: Date | undefined) => d?.toISOString();
const policy = (p: Record<string, unknown>): TSlaPolicy => ZSlaPolicy.parse({ name: "p", ...p });
const comments = policy({ targetMinutes: 480 });
const complaints = policy({ kind: "complaint", targetMinutes: 120 });

describe("computeSchedule on China's calendar", () => {
  it("carries a comment's 8 working hours across a weekend, with warnings at 50% and 80%", () => {
    // Friday 2026-11-27 17:00: 90 minutes left that day, then Monday.
    const s = computeSchedule(cn, comments, { platform: "douyin", kind: "comment", createdAt: at("2026-11-27T09:00:00Z") });
    expect(iso(s.dueAt)).toBe("2026-11-30T09:00:00.000Z"); // Monday 17:00
    expect(iso(s.deadlineAt)).toBe("2026-11-30T09:00:00.000Z");
    expect(s.warnings.map(iso)).toEqual(["2026-11-30T03:30:00.000Z", "2026-11-30T07:24:00.000Z"]); // 11:30, 15:24
    expect(s.windowEndsAt).toBeUndefined();
    expect(s.coverageGap).toEqual([]);
  });

  it("skips the whole Spring Festival 2026 break (Feb 15-23)", () => {
    // Saturday 2026-02-14 is a make-up workday: 16:00 leaves 150 minutes, then nothing until Tuesday Feb 24.
    const s = computeSchedule(cn, comments, { platform: "weibo", kind: "comment", createdAt: at("2026-02-14T08:00:00Z") });
    expect(iso(s.deadlineAt)).toBe("2026-02-24T08:00:00.000Z"); // Tuesday 16:00
    expect(s.coverageGap).toEqual([]);
  });

  it("counts a make-up Saturday (调休) as a working day", () => {
    // Friday 2026-02-13 17:30: 60 minutes that day, the other 60 on Saturday Feb 14 from 09:00.
    const s = computeSchedule(cn, complaints, { platform: "weibo", kind: "complaint", createdAt: at("2026-02-13T09:30:00Z") });
    expect(iso(s.deadlineAt)).toBe("2026-02-14T02:00:00.000Z"); // Saturday 10:00
    // And Saturday Feb 28 (the second make-up day): Friday 18:00 + 120 → Saturday 10:30.
    const s2 = computeSchedule(cn, complaints, { platform: "weibo", kind: "complaint", createdAt: at("2026-02-27T10:00:00Z") });
    expect(iso(s2.deadlineAt)).toBe("2026-02-28T02:30:00.000Z");
  });

  it("says plainly when the arithmetic reaches 2027, whose arrangement is not published", () => {
    // Thursday 2026-12-31 17:00: 90 minutes, then the rest after New Year's Day, which is off by law even though
    // 2027's arrangement (its make-up workdays) is not published: Monday 2027-01-04.
    const s = computeSchedule(cn, comments, { platform: "douyin", kind: "comment", createdAt: at("2026-12-31T09:00:00Z") });
    expect(iso(s.deadlineAt)).toBe("2027-01-04T09:00:00.000Z");
    expect(s.coverageGap).toEqual([2027]);
  });
});

describe("computeSchedule abroad and with platform windows", () => {
  it("crosses the London spring-forward weekend on wall-clock hours", () => {
    // Friday 2026-03-27 16:00 GMT + 120 working minutes (09:00-17:00): 60 on Friday, 60 on Monday in BST.
    const s = computeSchedule(london, complaints, { platform: "weibo", kind: "complaint", createdAt: at("2026-03-27T16:00:00Z") });
    expect(iso(s.deadlineAt)).toBe("2026-03-30T09:00:00.000Z"); // Monday 10:00 BST
  });

  it("caps a WeChat OA message at the 48-hour reply window and warns 6 hours before it closes", () => {
    const s = computeSchedule(cn, comments, { platform: "wechat_oa", kind: "dm", createdAt: at("2026-11-27T09:00:00Z") });
    expect(iso(s.dueAt)).toBe("2026-11-30T09:00:00.000Z");
    expect(iso(s.windowEndsAt)).toBe("2026-11-29T09:00:00.000Z");
    expect(iso(s.deadlineAt)).toBe("2026-11-29T09:00:00.000Z"); // Sunday: the window does not wait for Monday
    expect(s.warnings.map(iso)).toEqual(["2026-11-29T03:00:00.000Z"]); // the 50%/80% points fall after it
    // Lead at the breach itself; manager 240 working minutes later: Monday 09:00-12:00 + 60 → 14:30.
    expect(s.escalations.map(iso)).toEqual(["2026-11-29T09:00:00.000Z", "2026-11-30T06:30:00.000Z"]);
  });

  it("leaves comments on WeChat OA and other kinds without a window", () => {
    const s = computeSchedule(cn, comments, { platform: "wechat_oa", kind: "comment", createdAt: at("2026-11-27T09:00:00Z") });
    expect(s.windowEndsAt).toBeUndefined();
  });
});
