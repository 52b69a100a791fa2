// The registry keeps a playbook's previous version in force when a reload finds its file broken.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PLAYBOOK_DIR, PlaybookRegistry } from "../../../src/app/incidents/playbook-loader.js";

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe("the playbook registry", () => {
  it("loads the five shipped playbooks and finds one by risk type and severity", () => {
    const reg = new PlaybookRegistry(DEFAULT_PLAYBOOK_DIR);
    const report = reg.reload();
    expect(report.errors).toEqual([]);
    expect(report.loaded.sort()).toEqual(["compliance", "content", "platform", "public-opinion", "user-data"]);
    expect(reg.forRisk("public_opinion", "SEV1")?.id).toBe("public-opinion");
    expect(reg.forRisk("content", "SEV1")?.id).toBe("content");
  });

  it("refuses a broken file with file, line and field, and keeps the previous version", () => {
    dir = mkdtempSync(join(tmpdir(), "playbooks-"));
    const file = join(dir, "content.yaml");
    copyFileSync(join(DEFAULT_PLAYBOOK_DIR, "content.yaml"), file);
    const reg = new PlaybookRegistry(dir);
    expect(reg.reload().errors).toEqual([]);
    const before = reg.get("content")!.steps.length;
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("dueMinutes: 30", "dueMinutes: -5").replace("id: snapshot", "id: snapshot_renamed"));
    const report = reg.reload();
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: "content.yaml", field: "steps[1].dueMinutes" });
    expect(report.errors[0]!.line).toBe(text.split("\n").findIndex((l) => l.includes("dueMinutes: 30")) + 1);
    expect(reg.get("content")!.steps.map((s) => s.id)).toContain("snapshot");
    expect(reg.get("content")!.steps.length).toBe(before);
  });
});
