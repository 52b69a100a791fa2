// A playbook file's rules at their edges and what its author is told: the shape of ids and names, the defaults a
// file may leave out, duplicate steps, unknown roles, missing cadences, the file name the id must match, and
// where (line, field) each refusal points, with the problem worded in the author's language.
import { describe, expect, it } from "vitest";
import { parsePlaybook, type PlaybookError } from "../../../src/domain/incidents/playbook.js";
import { playbookProblem } from "../../../templates/incident/incident-notice.card.js";
import { SAMPLE_PLAYBOOK as GOOD } from "./sample-playbook.js";

const SECOND_STEP = `  - id: second
    text: { zh-CN: 第二步, en: Second }
    role: scribe
    dueMinutes: 20
`;
const withSecondStep = (second: string) => GOOD.replace("updateCadence:", `${second}updateCadence:`);

function refused(file: string, text: string): PlaybookError {
  const r = parsePlaybook(file, text);
  if (r.ok) throw new Error("expected the playbook to be refused");
  return r.error;
}
/** Where the author is pointed and what they read, in both languages. */
const told = (e: PlaybookError) => ({ line: e.line, field: e.field, en: playbookProblem(e.kind!, "en"), zh: playbookProblem(e.kind!, "zh-CN") });

describe("what a playbook may leave out", () => {
  it("has no extra roles, no contacts and no blocking steps unless it says so", () => {
    const r = parsePlaybook("sample.yaml", GOOD);
    expect(r.ok && [r.playbook.roles, r.playbook.contacts, r.playbook.steps.map((s) => s.blocking)]).toEqual([[], [], [false]]);
  });
  it("makes a role it adds optional unless marked required, and lets steps name it", () => {
    const text = withSecondStep(SECOND_STEP.replace("role: scribe", "role: legal")) + "roles:\n  - id: legal\n    name: { zh-CN: 法务, en: Legal }\ncontacts:\n  - kind: budget\n    name: { zh-CN: 财务, en: Finance }\n    detail: ext 1234\n";
    const r = parsePlaybook("sample.yaml", text);
    expect(r.ok && r.playbook.roles).toEqual([{ id: "legal", name: { "zh-CN": "法务", en: "Legal" }, required: false }]);
    expect(r.ok && r.playbook.contacts.map((c) => c.kind)).toEqual(["budget"]);
  });
});

describe("the shape of ids and words", () => {
  it("takes a step id of lowercase letters, digits and _, starting with a letter", () => {
    expect(parsePlaybook("sample.yaml", GOOD.replace("id: first", "id: step_2")).ok).toBe(true);
    for (const id of ["1st", "first-step", "First", "a".repeat(33)]) {
      const e = refused("sample.yaml", GOOD.replace("id: first", `id: ${id}`));
      expect([e.line, e.field, e.problem], id).toEqual([7, "steps[0].id", "use lowercase letters, digits and _ (at most 32)"]);
      expect(told(e), id).toEqual({ line: 7, field: "steps[0].id", en: "use lowercase letters, digits and _, starting with a letter (at most 32)", zh: "只能用小写字母、数字和 _，以字母开头（最多 32 个字符）" });
    }
  });
  it("takes a playbook id of lowercase letters, digits and -, starting with a letter", () => {
    for (const id of ["2fa", "sample_x", "Sample"]) {
      const e = refused(`${id}.yaml`, GOOD.replace("id: sample", `id: ${id}`));
      expect([e.line, e.field, e.problem], id).toEqual([1, "id", "use lowercase letters, digits and - (at most 40)"]);
      expect(told(e), id).toEqual({ line: 1, field: "id", en: "use lowercase letters, digits and -, starting with a letter (at most 40)", zh: "只能用小写字母、数字和 -，以字母开头（最多 40 个字符）" });
    }
  });
  it("refuses a name, step text or contact detail that is only spaces", () => {
    expect(told(refused("sample.yaml", GOOD.replace("en: First", "en: '  '")))).toEqual({ line: 8, field: "steps[0].text.en", en: "must be at least 1", zh: "不能小于 1" });
    expect(refused("sample.yaml", GOOD.replace("name: { zh-CN: 样例, en: Sample }", "name: { zh-CN: ' ', en: Sample }")).field).toBe("name.zh-CN");
    const contact = GOOD + "contacts:\n  - kind: legal\n    name: { zh-CN: 律所, en: Law firm }\n    detail: '  '\n";
    expect(refused("sample.yaml", contact)).toMatchObject({ line: 15, field: "contacts[0].detail" });
  });
});

describe("what the author is told", () => {
  it("names the expected type, the limits and the allowed values in the author's language", () => {
    expect(told(refused("sample.yaml", GOOD.replace("dueMinutes: 10", "dueMinutes: soon")))).toEqual({ line: 10, field: "steps[0].dueMinutes", en: "should be a number", zh: "应为数字" });
    expect(told(refused("sample.yaml", GOOD.replace("dueMinutes: 10", "dueMinutes: -5")))).toMatchObject({ en: "must be at least 0", zh: "不能小于 0" });
    expect(told(refused("sample.yaml", GOOD.replace("dueMinutes: 10", "dueMinutes: 50000")))).toMatchObject({ en: "must be at most 43200", zh: "不能大于 43200" });
    expect(told(refused("sample.yaml", GOOD.replace("riskType: content", "riskType: weather")))).toEqual({
      line: 2,
      field: "riskType",
      en: "must be one of content, platform, user_data, public_opinion, compliance",
      zh: "只能是以下之一：content、platform、user_data、public_opinion、compliance",
    });
    expect(told(refused("sample.yaml", GOOD.replace("    dueMinutes: 10\n", "    dueMinutes: 10\n    owner: bob\n")))).toEqual({ line: 11, field: "steps[0].owner", en: "is not a playbook field (a typo?)", zh: "不是预案的字段（是否拼写有误？）" });
  });
  it("points a file that is not a section of fields at the document, on the line where it starts", () => {
    expect(told(refused("sample.yaml", "# a playbook\n\n- capture\n- respond\n"))).toEqual({ line: 3, field: "(document)", en: "should be a section of fields", zh: "应为一组字段" });
  });
  it("says where the YAML cannot be read, with the parser's first line", () => {
    const e = refused("sample.yaml", GOOD.replace("name: { zh-CN: 样例, en: Sample }", "name: { zh-CN: 样例, en: Sample"));
    expect(told(e)).toEqual({ line: 5, field: "(syntax)", en: "the YAML cannot be read here (check indentation and colons)", zh: "此处 YAML 无法解析（请检查缩进和冒号）" });
    expect(e.problem).toBe("Flow map in block collection must be sufficiently indented and end with a }");
  });
});

describe("a playbook's own rules", () => {
  it("refuses a step id used twice, pointing at the second", () => {
    const e = refused("sample.yaml", withSecondStep(SECOND_STEP.replace("id: second", "id: first")));
    expect([e.line, e.field, e.problem]).toEqual([11, "steps[1].id", 'step id "first" is used twice']);
    expect(told(e)).toEqual({ line: 11, field: "steps[1].id", en: "step id first is used twice", zh: "步骤 id first 重复使用" });
  });
  it("refuses a step for a role the playbook does not have, listing the roles it has", () => {
    const e = refused("sample.yaml", GOOD.replace("role: commander", "role: lawyer"));
    expect([e.line, e.field, e.problem]).toEqual([9, "steps[0].role", 'unknown role "lawyer"; known: commander, communications, scribe']);
    expect(told(e)).toEqual({ line: 9, field: "steps[0].role", en: "this playbook has no role lawyer; its roles: commander, communications, scribe", zh: "本预案没有角色 lawyer；可用的角色：commander、communications、scribe" });
  });
  it("refuses a severity without an update cadence, pointing at the cadences", () => {
    const e = refused("sample.yaml", GOOD.replace("severities: [SEV3]", "severities: [SEV3, SEV1]"));
    expect([e.line, e.field, e.problem]).toEqual([11, "updateCadence", "no update cadence for SEV1"]);
    expect(told(e)).toEqual({ line: 11, field: "updateCadence", en: "no update cadence (minutes) for SEV1", zh: "缺少 SEV1 级的进展通报间隔（分钟）" });
  });
});

describe("the file name", () => {
  it("is matched without its folder and its .yaml, .yml or .json ending", () => {
    for (const file of ["sample.yaml", "sample.YML", "templates/playbooks/sample.yaml", "C:\\playbooks\\sample.json"]) expect(parsePlaybook(file, GOOD).ok, file).toBe(true);
  });
  it("must match the id, which the author is told on the id's line", () => {
    const e = refused("playbooks/other.yaml", GOOD.replace("id: sample\nriskType: content\n", "riskType: content\nid: sample\n"));
    expect(told(e)).toEqual({ line: 2, field: "id", en: "must match the file name (other)", zh: "须与文件名一致（other）" });
    expect(e.problem).toBe('must match the file name ("other")');
  });
});
