// JSON Schema files of the signed intake's bodies, generated from the zod schemas the product documents them
// with (src/domain/sla/intake.ts ZIngestBodyWire, src/domain/kpi/metric-wire.ts ZMetricsBodyWire). Never edit
// docs/schemas/*.json by hand: `npm run docs:schemas` writes them, and test/unit/config/ingest-docs.test.ts fails
// when they are out of step.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ZMetricsBodyWire } from "../src/domain/kpi/metric-wire.js";
import { ZIngestBodyWire, ZIngestItem } from "../src/domain/sla/intake.js";

const ROOT = join(import.meta.dirname, "..");
export const SCHEMA_DIR = join(ROOT, "docs/schemas");

/** File name → file text, for each intake body. */
export function ingestSchemaFiles(): Record<string, string> {
  // The item is named once in $defs (a local registry: ids in zod's global one must be unique per process).
  const names = z.registry<{ id: string; description?: string }>();
  names.add(ZIngestItem, { id: "IngestItem", description: ZIngestItem.description });
  // io "input": what a sender writes (fields with defaults are optional), not what the product keeps.
  const text = (schema: z.ZodType, id: string) => `${JSON.stringify({ $id: id, ...z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", metadata: names }) }, null, 2)}\n`;
  return {
    "ingest-comments.schema.json": text(ZIngestBodyWire, "https://mediaops.local/schemas/ingest-comments.schema.json"),
    "ingest-metrics.schema.json": text(ZMetricsBodyWire, "https://mediaops.local/schemas/ingest-metrics.schema.json"),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, text] of Object.entries(ingestSchemaFiles())) {
    writeFileSync(join(SCHEMA_DIR, name), text);
    console.log(`wrote docs/schemas/${name}`);
  }
}
