// The one permission table: it covers every command and button, has words for every guarded key in both
// languages, and the README shows exactly what it says.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_COMMANDS } from "../../../commands/index.js";
import { ACTION_HANDLERS } from "../../../src/app/actions.js";
import { BUTTON_RULES, COMMAND_RULES, buttonRuleId, ruleFor } from "../../../src/domain/permission-table.js";
import { relationsAllow, rolesAllow } from "../../../src/domain/roles.js";
import { forbiddenMessage, guardedKeys, permissionRows, whatOf, whoMay } from "../../../templates/strings/permissions.js";
import { withTable } from "../../../scripts/permission-table.js";

const ROOT = join(import.meta.dirname, "../../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "generated") return [];
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("the permission table", () => {
  it("has exactly one rule per registered command", () => {
    expect(Object.keys(COMMAND_RULES).sort()).toEqual(ALL_COMMANDS.map((c) => c.id).sort());
  });

  it("has a rule for every button the cards carry, and every rule's button has a handler", () => {
    const ids = new Set<string>();
    for (const f of [...sources(join(ROOT, "templates")), ...sources(join(ROOT, "src"))]) {
      for (const m of readFileSync(f, "utf8").matchAll(/actionId: "([a-z_]+\.[a-z_]+)"/g)) ids.add(buttonRuleId(m[1]!));
      for (const m of readFileSync(f, "utf8").matchAll(/encodeAction\(\{ action: "([a-z_]+)", subjectType: "([a-z_]+)"/g)) ids.add(`${m[2]}.${m[1]}`);
    }
    expect(ids.size).toBeGreaterThan(20);
    expect([...ids].filter((id) => !BUTTON_RULES[id])).toEqual([]);
    expect(Object.keys(BUTTON_RULES).filter((id) => !ACTION_HANDLERS[id.split(".")[0]!])).toEqual([]);
    expect(ruleFor({ kind: "button", id: "review.back_2" })).toBe(BUTTON_RULES["review.back"]);
  });

  it("says in both languages what every guarded command and button does", () => {
    for (const key of guardedKeys()) {
      expect(whatOf(key, "en"), `${key.kind} ${key.id}`).toBeTruthy();
      expect(whatOf(key, "zh-CN"), `${key.kind} ${key.id}`).toBeTruthy();
    }
  });

  it("lets admins do what any role may, but not decide a review level they are not asked on", () => {
    expect(rolesAllow(COMMAND_RULES["topic.accept"]!, ["admin"])).toBe(true);
    expect(rolesAllow(COMMAND_RULES["topic.accept"]!, ["operator"])).toBe(false);
    expect(rolesAllow(COMMAND_RULES["review.approve"]!, ["admin", "manager"])).toBe(false);
    expect(relationsAllow(COMMAND_RULES["review.approve"]!, ["level_reviewer"])).toBe(true);
    expect(relationsAllow(COMMAND_RULES["incident.severity"]!, ["role_holder"])).toBe(false);
    expect(relationsAllow(COMMAND_RULES["incident.done"]!, ["role_holder"])).toBe(true);
  });

  it("phrases refusals as who may, in the reader's language, with their own roles", () => {
    expect(forbiddenMessage({ kind: "command", id: "topic.archive" }, ["operator"], "en")).toBe("Only the topic's proposer, managers or admins can archive a topic. Your roles: operator.");
    expect(forbiddenMessage({ kind: "command", id: "topic.archive" }, ["operator"], "zh-CN")).toBe("只有选题提交人、主管或管理员可以归档选题。你的角色：运营。");
    expect(forbiddenMessage({ kind: "button", id: "incident.force" }, ["operator", "reviewer"], "zh-CN")).toBe("只有事件指挥官、主管或管理员可以在阻塞步骤未完成时解决事件。你的角色：运营、审核。");
    expect(whoMay(COMMAND_RULES["calendar.set"]!, "en")).toBe("admins");
    expect(whoMay(COMMAND_RULES["topic.propose"]!, "zh-CN")).toBe("所有成员");
  });

  it("names every button in both languages in the rendered table", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const buttons = permissionRows(ALL_COMMANDS, locale).filter((r) => r.kind === "button");
      expect(buttons.filter((b) => b.label === b.id)).toEqual([]);
    }
  });

  it("is what the README shows (regenerate with npx tsx scripts/permission-table.ts)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(withTable(readme)).toBe(readme);
    expect(readme).toContain("| `/topic archive` | the topic's proposer, managers or admins |");
  });
});
