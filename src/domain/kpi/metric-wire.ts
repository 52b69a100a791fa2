// The documented JSON form of POST /ingest/metrics: what docs/schemas/ingest-metrics.schema.json is generated
// from (scripts/gen-ingest-schemas.ts). The endpoint reads rows more loosely on purpose: each row is checked on
// its own (import-metrics.ts checkRow) so a bad row is reported by its number instead of refusing the body as a
// whole, and the names a person types in the CSV (抖音, 阅读量) are accepted too. A test imports rows this
// schema accepts, so the two cannot drift apart.
import { z } from "zod";
import { PLATFORMS } from "../topics/vocabulary.js";
import { STORED_METRICS } from "./catalogue.js";

/** Most rows in one request (the route's own bound). */
export const METRIC_ROWS_MAX = 50_000;

/** One day's figure of one account. */
export const ZMetricRowWire = z
  .object({
    platform: z.enum(PLATFORMS).describe("the platform's code"),
    account: z.string().min(1).max(64).optional().describe("the account's code; `main` when omitted"),
    metric: z.enum(STORED_METRICS as [string, ...string[]]).describe("a stored metric's code (rates are computed from their parts, not sent)"),
    day: z.iso.date().optional().describe("the local day the figure belongs to (YYYY-MM-DD); yesterday in the team's zone when omitted"),
    value: z.number().nonnegative().describe("the figure; a later value for the same day replaces it (kept in /kpi history)"),
  })
  .describe("One day's figure of one account");

/** The JSON body. */
export const ZMetricsBodyWire = z.object({ metrics: z.array(ZMetricRowWire).max(METRIC_ROWS_MAX) }).describe("POST /ingest/metrics (JSON)");
