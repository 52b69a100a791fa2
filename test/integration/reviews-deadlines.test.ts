// Reminders and escalations driven by an injected clock: the sweep is called directly, as the every-minute
// job would. Deadlines are in working time (Asia/Shanghai, 09:00-12:00 and 13:30-18:30, China's holidays), so
// nothing fires over a weekend or National Day, and each alert fires once per period.
import { afterAll, describe, expect, it } from "vitest";
import { sweepReviewDeadlines } from "../../src/app/reviews/sweep-review-deadlines.js";
import { FakeClock } from "../fakes/fake-clock.js";
import { consoleClient } from "../support/console-client.js";
import { alerts, draftingTopic, submit } from "../support/review-flow.js";
import { startTestService, type TestService } from "../support/service.js";

const services: TestService[] = [];
afterAll(() => Promise.all(services.map((s) => s.dispose())));

/** A service whose clock starts at `iso`, with a topic submitted for review at that moment. */
async function reviewAt(iso: string) {
  const svc = await startTestService({ clock: new FakeClock(iso) });
  services.push(svc);
  const api = consoleClient(svc.app);
  const topicId = await draftingTopic(api, "截止时间测试");
  const reviewId = await submit(api, `${topicId} https://docs.example.com/d/dl`);
  /** Moves the clock to `at` (UTC) and runs the sweep there. */
  const sweepAt = async (at: string) => {
    svc.clock.set(at);
    return sweepReviewDeadlines(svc.deps);
  };
  const audited = async () =>
    (await svc.deps.db.auditLog.findMany({ where: { subjectType: "review", subjectId: String(reviewId), action: { in: ["review.remind", "review.escalate"] } }, orderBy: { id: "asc" } }))
      .map((r) => `${r.action} ${r.createdAt.toISOString()}`);
  return { svc, api, reviewId, sweepAt, audited };
}

const none = { reminders: 0, escalations: 0 };
const reminder = { reminders: 1, escalations: 0 };
const escalation = { reminders: 0, escalations: 1 };

describe("across a weekend", () => {
  it("asked Friday 17:00 with 8 working hours: reminder Monday 16:00, escalation at 17:00, then every 4 working hours", async () => {
    const { api, reviewId, sweepAt, audited } = await reviewAt("2026-11-27T09:00:00Z");
    expect(await sweepAt("2026-11-27T10:30:00Z")).toEqual(none); // Friday 18:30
    expect(await sweepAt("2026-11-28T02:00:00Z")).toEqual(none); // Saturday
    expect(await sweepAt("2026-11-29T08:00:00Z")).toEqual(none); // Sunday 16:00
    expect(await sweepAt("2026-11-30T07:59:00Z")).toEqual(none); // Monday 15:59
    expect(await sweepAt("2026-11-30T08:00:00Z")).toEqual(reminder); // Monday 16:00
    expect(await sweepAt("2026-11-30T08:01:00Z")).toEqual(none);
    expect(await sweepAt("2026-11-30T08:59:00Z")).toEqual(none);
    expect(await sweepAt("2026-11-30T09:00:00Z")).toEqual(escalation); // Monday 17:00: the deadline
    expect(await sweepAt("2026-11-30T10:00:00Z")).toEqual(none);
    expect(await sweepAt("2026-12-01T03:29:00Z")).toEqual(none); // Tuesday 11:29
    expect(await sweepAt("2026-12-01T03:30:00Z")).toEqual(escalation); // 1.5 h Monday + 2.5 h Tuesday
    expect(await audited()).toEqual([
      "review.remind 2026-11-30T08:00:00.000Z",
      "review.escalate 2026-11-30T09:00:00.000Z",
      "review.escalate 2026-12-01T03:30:00.000Z",
    ]);
    const said = await alerts(api, reviewId);
    expect(said).toContain("⏰ 提醒：「编辑初审」（第 1/3 级）将于 17:00 截止，待 李伟、张敏 审核");
    expect(said).toContain("⚠ 已超时：「编辑初审」（第 1/3 级）应于 17:00 前完成，已升级给 王芳（待 李伟、张敏 审核）");
  });

  it("stops alerting a level once it is decided; the next level has its own deadline", async () => {
    const { svc, sweepAt } = await reviewAt("2026-11-27T09:00:00Z");
    const pass = await svc.deps.db.reviewLevelState.findFirstOrThrow({ where: { level: 1 } });
    const api = consoleClient(svc.app);
    expect(await sweepAt("2026-11-30T08:00:00Z")).toEqual(reminder); // level 1's reminder, Monday 16:00
    const card = (await api.read("reviews", "li.wei")).messages.filter((m) => m.card?.blocks.some((b) => b.type === "actions" && b.buttons.some((x) => x.actionId === "review.approve"))).at(-1)!;
    expect((await api.click("li.wei", card, "review.approve")).status).toBe(200); // at 16:00: level 2 asked now
    expect(await svc.deps.db.reviewLevelState.findUniqueOrThrow({ where: { id: pass.id } })).toMatchObject({ status: "approved", nextReminderAt: null, remindersSent: 1 });
    expect(await sweepAt("2026-11-30T09:00:00Z")).toEqual(none); // level 1's deadline passes unnoticed
    const level2 = await svc.deps.db.reviewLevelState.findFirstOrThrow({ where: { level: 2 } });
    expect(level2.deadlineAt.toISOString()).toBe("2026-12-01T08:00:00.000Z"); // 16:00 + 8 working hours
    const alerted = await svc.deps.db.auditLog.findMany({ where: { action: { in: ["review.remind", "review.escalate"] } } });
    expect(alerted.map((a) => JSON.parse(a.afterJson!).level)).toEqual([1]);
  });

  it("after downtime past the deadline sends one escalation, not a late reminder and a burst", async () => {
    const { sweepAt, audited } = await reviewAt("2026-11-27T09:00:00Z");
    expect(await sweepAt("2026-12-02T02:00:00Z")).toEqual(escalation); // next Wednesday
    expect(await sweepAt("2026-12-02T02:01:00Z")).toEqual(none);
    expect(await audited()).toEqual(["review.escalate 2026-12-02T02:00:00.000Z"]);
  });
});

describe("two sweeps at once", () => {
  it("send one reminder: each level is claimed before anything is sent", async () => {
    const { svc, audited } = await reviewAt("2026-11-27T09:00:00Z");
    svc.clock.set("2026-11-30T08:00:00Z");
    const runs = await Promise.all([sweepReviewDeadlines(svc.deps), sweepReviewDeadlines(svc.deps), sweepReviewDeadlines(svc.deps)]);
    expect(runs.reduce((n, r) => n + r.reminders, 0)).toBe(1);
    expect(await audited()).toEqual(["review.remind 2026-11-30T08:00:00.000Z"]);
  });
});

describe("across National Day 2026 (Oct 1-7 off, Saturday Oct 10 worked)", () => {
  it("asked Sep 30 17:00: quiet through the holiday, due Oct 8 17:00, escalations repeat onto the make-up Saturday", async () => {
    const { sweepAt, audited } = await reviewAt("2026-09-30T09:00:00Z");
    for (const day of ["01", "02", "03", "04", "05", "06", "07"]) {
      expect(await sweepAt(`2026-10-${day}T08:00:00Z`), `Oct ${day}`).toEqual(none);
    }
    expect(await sweepAt("2026-10-08T07:59:00Z")).toEqual(none);
    expect(await sweepAt("2026-10-08T08:00:00Z")).toEqual(reminder); // Oct 8 16:00
    expect(await sweepAt("2026-10-08T09:00:00Z")).toEqual(escalation); // Oct 8 17:00
    expect(await sweepAt("2026-10-09T03:30:00Z")).toEqual(escalation); // Oct 9 11:30
    expect(await sweepAt("2026-10-09T09:00:00Z")).toEqual(escalation); // Oct 9 17:00
    expect(await sweepAt("2026-10-10T03:29:00Z")).toEqual(none);
    expect(await sweepAt("2026-10-10T03:30:00Z")).toEqual(escalation); // Saturday Oct 10 11:30, a make-up workday
    expect(await sweepAt("2026-10-10T09:00:00Z")).toEqual(escalation); // Saturday 17:00
    expect(await sweepAt("2026-10-11T08:00:00Z")).toEqual(none); // Sunday Oct 11 is not worked
    expect(await sweepAt("2026-10-12T03:29:00Z")).toEqual(none);
    expect(await sweepAt("2026-10-12T03:30:00Z")).toEqual(escalation); // Monday 11:30: 1.5 h Saturday + 2.5 h Monday
    expect((await audited()).map((a) => a.split(" ")[0])).toEqual(["review.remind", ...Array(6).fill("review.escalate")]);
  });
});
