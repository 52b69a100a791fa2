// docs/ingest.md and docs/schemas/*.json say what a sender must send: the schema files are the zod schemas'
// current output, the worked signature is the one the service computes (and openssl's, run as documented), and
// the documented examples and codes are what the intake accepts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestSchemaFiles, SCHEMA_DIR } from "../../../scripts/gen-ingest-schemas.js";
import { signIngest } from "../../../src/adapters/ingest/verify.js";
import { parseStoredMetric, STORED_METRICS } from "../../../src/domain/kpi/catalogue.js";
import { ZMetricsBodyWire } from "../../../src/domain/kpi/metric-wire.js";
import { parseMetricDay } from "../../../src/domain/kpi/values.js";
import { ZIngestBodyWire } from "../../../src/domain/sla/intake.js";
import { parsePlatform, PLATFORMS } from "../../../src/domain/topics/vocabulary.js";

const doc = readFileSync(join(import.meta.dirname, "../../../docs/ingest.md"), "utf8");

/** The worked example's parts, as a reader copies them from the page. */
function workedExample() {
  const section = doc.slice(doc.indexOf("## Worked signature"), doc.indexOf("## `POST /ingest/comments`"));
  const body = /```json\n(.*)\n```/.exec(section)![1]!;
  const sh = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return {
    body,
    ts: /^TS=(\d+)$/m.exec(sh)![1]!,
    secret: /-hmac '([^']+)'/.exec(sh)![1]!,
    printed: /# (v1=[0-9a-f]{64})/.exec(sh)![1]!,
    pipeline: /^SIG=\$\((.*)\)$/m.exec(sh)![1]!,
  };
}

describe("docs/schemas", () => {
  it("are what npm run docs:schemas writes from the zod schemas now", () => {
    for (const [name, text] of Object.entries(ingestSchemaFiles())) {
      expect(readFileSync(join(SCHEMA_DIR, name), "utf8"), `docs/schemas/${name} is out of step: run npm run docs:schemas`).toBe(text);
    }
  });
});

describe("docs/ingest.md", () => {
  it("prints the signature the service computes for its worked example", () => {
    const ex = workedExample();
    expect(signIngest(ex.secret, ex.ts, ex.body)).toBe(ex.printed);
  });

  it("gives that signature when its openssl pipeline is run as written (openssl is in every Debian install)", () => {
    const ex = workedExample();
    const dir = mkdtempSync(join(tmpdir(), "mediaops-ingest-doc-"));
    try {
      writeFileSync(join(dir, "body.json"), ex.body);
      const hex = execFileSync("bash", ["-c", `TS=${ex.ts}; ${ex.pipeline}`], { cwd: dir, encoding: "utf8" }).trim();
      expect(`v1=${hex}`).toBe(ex.printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("shows bodies the documented schemas accept", () => {
    const ex = workedExample();
    expect(ZIngestBodyWire.safeParse(JSON.parse(ex.body)).success).toBe(true);
    const metrics = /JSON `(\{"metrics": .*?\})`/.exec(doc)![1]!;
    expect(ZMetricsBodyWire.safeParse(JSON.parse(metrics)).success).toBe(true);
  });

  it("lists in the metrics schema only codes the intake's row check accepts", () => {
    for (const p of PLATFORMS) expect(parsePlatform(p)).toBe(p);
    for (const m of STORED_METRICS) expect(parseStoredMetric(m)).toBe(m);
    expect(parseMetricDay("2026-11-25", "2026-11-26")).toBe("2026-11-25");
    expect(ZMetricsBodyWire.safeParse({ metrics: [{ platform: "douyin", metric: "reads", value: -1 }] }).success, "negative values are refused by both").toBe(false);
  });
});
