// An admin enters next year's official arrangement; the calendar says plainly what it lacks until then.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamCalendar } from "../../src/app/calendar/team-calendar.js";
import { coverageGap, isWorkingDay } from "../../src/domain/calendar/index.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
let firstDir: string | undefined;
afterAll(async () => {
  await svc.dispose();
  if (firstDir) rmSync(firstDir, { recursive: true, force: true });
});

const YEAR_2027 = ["holiday 2027-01-01..2027-01-03 元旦", "holiday 2027-02-06..2027-02-12 春节", "workday 2027-02-13"].join("\n");

describe("the working calendar", () => {
  it("says 2027 is not published, counts its statutory days off meanwhile, until an admin enters it", async () => {
    const before = await api.say("emma", "/mediaops calendar show", "general");
    const shown = cardText(before.messages[0]!);
    expect(shown).toContain("2027: the official arrangement is not published yet.");
    expect(shown).toContain("the make-up workdays are not known yet");
    // 2027's New Year and Spring Festival fall in the next 120 days (it is 2026-11-26): they are listed.
    expect(shown).toContain("2027-01-01 Fri off · New Year's Day (statutory; make-up days not published yet)");
    expect(shown).toContain("2027-02-05 Fri off · Spring Festival (statutory; make-up days not published yet)");
    const zh = cardText((await api.say("wang.fang", "/mediaops calendar show", "general")).messages[0]!);
    expect(zh).toContain("2027-01-01 周五 放假 · 元旦（法定假日，调休安排待公布）");
    expect(zh).toContain("2027 年：官方放假安排尚未公布。");
    expect(isWorkingDay(teamCalendar("Asia/Shanghai"), "2027-01-01")).toBe(false); // New Year's Day by law
    expect(coverageGap(teamCalendar("Asia/Shanghai"), new Date("2026-12-31T00:00:00Z"), new Date("2027-01-05T00:00:00Z"))).toEqual([2027]);

    const denied = await api.say("chen.jie", `/mediaops calendar set 2027\n${YEAR_2027}`, "general");
    expect(denied.error).toBe("只有管理员可以录入年度节假日。你的角色：运营。");
    const bad = await api.say("wang.fang", "/mediaops calendar set 2027\nholiday 2027-01-01\nholliday 2027-02-06", "general");
    expect(bad.error).toBe("第 2 行无法识别：“holliday 2027-02-06”。请写成“放假 <日期>[..<日期>] [名称]”或“上班 <日期>”。");
    expect(isWorkingDay(teamCalendar("Asia/Shanghai"), "2027-02-13")).toBe(false); // no make-up Saturday known yet

    const saved = await api.say("wang.fang", `/mediaops calendar set 2027\n${YEAR_2027}`, "general");
    expect(saved.status, saved.error).toBe(200);
    expect(cardText(saved.messages[0]!)).toBe("已保存 2027 年安排：放假 10 天，调休上班 1 天。");
    const cal = teamCalendar("Asia/Shanghai");
    expect(isWorkingDay(cal, "2027-01-01")).toBe(false);
    expect(isWorkingDay(cal, "2027-02-13")).toBe(true); // a Saturday worked
    expect(coverageGap(cal, new Date("2026-12-31T00:00:00Z"), new Date("2027-01-05T00:00:00Z"))).toEqual([]);
    expect(await svc.deps.db.auditLog.count({ where: { action: "calendar.set_year" } })).toBe(1);
  });

  it("keeps the admin's year across a restart", async () => {
    await svc.stopKeepingData();
    const first = svc;
    svc = await startTestService({ databaseUrl: first.databaseUrl, dropOnDispose: true });
    firstDir = first.dir; // the SQLite file of the first start lives there: removed after the restarted service stops
    api = consoleClient(svc.app);
    const shown = await api.say("wang.fang", "/mediaops calendar show", "general");
    expect(cardText(shown.messages[0]!)).toContain("已有官方放假安排：2025、2026、2027");
  });
});
