// Playbooks as data: the five shipped files load, and a broken file is refused naming file, line and field.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatPlaybookError, parsePlaybook } from "../../../src/domain/incidents/playbook.js";
import { RISK_TYPES } from "../../../src/domain/incidents/vocabulary.js";
import { SAMPLE_PLAYBOOK as GOOD } from "./sample-playbook.js";

const DIR = join(import.meta.dirname, "../../../templates/playbooks");

describe("the shipped playbooks", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));
  it("are five, one per risk type, and all valid", () => {
    const parsed = files.map((f) => parsePlaybook(f, readFileSync(join(DIR, f), "utf8")));
    const errors = parsed.flatMap((p) => (p.ok ? [] : [formatPlaybookError(p.error)]));
    expect(errors).toEqual([]);
    const types = parsed.map((p) => (p.ok ? p.playbook.riskType : "")).sort();
    expect(types).toEqual([...RISK_TYPES].sort());
  });
  it("the 舆情 playbook captures, assesses, holds posts, drafts, reviews, responds, monitors and closes", () => {
    const p = parsePlaybook("public-opinion.yaml", readFileSync(join(DIR, "public-opinion.yaml"), "utf8"));
    if (!p.ok) throw new Error(formatPlaybookError(p.error));
    expect(p.playbook.steps.map((s) => s.id)).toEqual(["capture", "assess_spread", "hold_scheduled", "holding_statement", "legal_review", "respond_platforms", "monitor", "close"]);
    expect(p.playbook.updateCadence.SEV1).toBe(30);
    expect(p.playbook.steps.every((s) => s.text["zh-CN"] && s.text.en)).toBe(true);
  });
});

describe("a malformed playbook", () => {
  it("accepts the minimal good file", () => {
    expect(parsePlaybook("sample.yaml", GOOD).ok).toBe(true);
  });
  it("names the file, the line and the field of a wrong type", () => {
    const bad = GOOD.replace("dueMinutes: 10", "dueMinutes: soon");
    const r = parsePlaybook("sample.yaml", bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ file: "sample.yaml", line: 10, field: "steps[0].dueMinutes" });
    expect(formatPlaybookError(r.error)).toMatch(/^sample\.yaml:10: steps\[0\]\.dueMinutes: .*number/i);
  });
  it("points a missing field at its parent, and an unknown key at itself", () => {
    const missing = parsePlaybook("sample.yaml", GOOD.replace("    role: commander\n", ""));
    expect(missing.ok ? null : missing.error).toMatchObject({ line: 7, field: "steps[0].role" });
    const extra = parsePlaybook("sample.yaml", GOOD.replace("    dueMinutes: 10\n", "    dueMinutes: 10\n    owner: bob\n"));
    expect(extra.ok ? null : extra.error).toMatchObject({ line: 11, field: "steps[0].owner" });
  });
  it("refuses a step whose role the playbook does not have, a missing cadence, and a YAML syntax error", () => {
    const role = parsePlaybook("sample.yaml", GOOD.replace("role: commander", "role: lawyer"));
    expect(role.ok ? null : role.error).toMatchObject({ line: 9, field: "steps[0].role" });
    expect(role.ok ? "" : role.error.problem).toContain('unknown role "lawyer"');
    const cadence = parsePlaybook("sample.yaml", GOOD.replace("severities: [SEV3]", "severities: [SEV3, SEV1]"));
    expect(cadence.ok ? "" : cadence.error.problem).toBe("no update cadence for SEV1");
    const syntax = parsePlaybook("sample.yaml", GOOD.replace("name: { zh-CN: 样例, en: Sample }", "name: { zh-CN: 样例, en: Sample"));
    expect(syntax.ok ? null : syntax.error).toMatchObject({ field: "(syntax)" });
    expect(syntax.ok ? 0 : syntax.error.line).toBeGreaterThanOrEqual(4);
  });
  it("refuses an id that does not match the file name, and reads JSON too", () => {
    const r = parsePlaybook("other.yaml", GOOD);
    expect(r.ok ? null : r.error).toMatchObject({ line: 1, field: "id" });
    const json = JSON.stringify({ id: "j", riskType: "platform", severities: ["SEV4"], name: { "zh-CN": "a", en: "a" }, summary: { "zh-CN": "a", en: "a" }, steps: [{ id: "s", text: { "zh-CN": "a", en: "a" }, role: "scribe", dueMinutes: 5 }], updateCadence: { SEV4: 60 } }, null, 2);
    expect(parsePlaybook("j.json", json).ok).toBe(true);
  });
});
