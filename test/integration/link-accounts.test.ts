// /mediaops link: a code made on the console, typed on Slack, makes the Slack account the same person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleInbound } from "../../src/app/handle-inbound.js";
import { LINK_CODE_TTL_MS } from "../../src/app/identity/link-accounts.js";
import { cardText, consoleClient } from "../support/console-client.js";
import { startTestService, type TestService } from "../support/service.js";

let svc: TestService;
let api: ReturnType<typeof consoleClient>;
beforeAll(async () => {
  svc = await startTestService();
  api = consoleClient(svc.app);
});
afterAll(() => svc.dispose());

const onSlack = (externalId: string, text: string) =>
  handleInbound(svc.deps, { kind: "command", actor: { platform: "slack", tenant: "T1", externalId, displayName: `slack ${externalId}` }, conversation: { platform: "slack", externalId: "C1", name: "ops" }, text });

async function codeFor(handle: string): Promise<string> {
  const res = await api.say(handle, "/mediaops link", "general");
  expect(res.status, res.error).toBe(200);
  const text = cardText(res.messages[0]!);
  expect(res.messages[0]!.ephemeral).toBe(true);
  return /([A-Z2-7]{8})/.exec(text)![1]!;
}

describe("linking accounts", () => {
  it("moves the Slack account to the console user, who keeps their roles there", async () => {
    const code = await codeFor("wang.fang");
    expect((await onSlack("U_WANG", "/help")).ok).toBe(true); // enrolled as a new operator first
    const linked = await onSlack("U_WANG", `/mediaops link ${code.toLowerCase()}`);
    expect(linked.ok).toBe(true);
    const identity = await svc.deps.db.platformIdentity.findFirstOrThrow({ where: { platform: "slack", externalId: "U_WANG" }, include: { user: true } });
    expect(identity.user.handle).toBe("wang.fang");
    // As wang.fang (a manager), the Slack account may now accept topics.
    const proposed = await api.say("chen.jie", "/topic propose 跨平台审批 --platform weibo");
    const id = /^#(\d+)/.exec(proposed.messages[0]!.card!.title)![1];
    expect(await onSlack("U_WANG", `/topic accept ${id}`)).toMatchObject({ ok: true });
    expect(await svc.deps.db.auditLog.count({ where: { action: "identity.link" } })).toBe(1);
  });

  it("refuses a used, expired, unknown or same-platform code, changing nothing", async () => {
    const code = await codeFor("emma");
    expect(await onSlack("U_EMMA", `/mediaops link ${code}`)).toMatchObject({ ok: true });
    expect(await onSlack("U_OTHER", `/mediaops link ${code}`)).toMatchObject({ ok: false, code: "link.code_invalid" });
    const late = await codeFor("li.wei");
    svc.clock.advance(LINK_CODE_TTL_MS + 1);
    expect(await onSlack("U_LATE", `/mediaops link ${late}`)).toMatchObject({ ok: false, code: "link.code_invalid" });
    expect(await onSlack("U_LATE", "/mediaops link ZZZZZZZZ")).toMatchObject({ ok: false, code: "link.code_invalid" });
    expect(await onSlack("U_LATE", "/mediaops link 123")).toMatchObject({ ok: false, code: "link.bad_code" });
    const own = await codeFor("zhang.min");
    const sameRes = await api.say("zhang.min", `/mediaops link ${own}`, "general");
    expect(sameRes.error).toBe("请到另一个平台输入验证码，而不是在生成它的平台。");
    const late2 = await svc.deps.db.platformIdentity.findFirstOrThrow({ where: { platform: "slack", externalId: "U_LATE" }, include: { user: true } });
    expect(late2.user.handle).not.toBe("li.wei");
  });
});
