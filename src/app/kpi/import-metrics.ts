// Metric intake in bulk (the signed endpoint, CSV uploads, the CLI): every row is checked first and the batch is
// stored whole or not at all, with a per-row report. CSV bytes are read as UTF-8, or as GBK when they are not
// valid UTF-8 (exports from Chinese platforms often are), and the report says which.
import { errorMessage } from "../../../templates/strings/errors.js";
import { localDayOf } from "../../domain/calendar/zoned.js";
import { AppError, isAppError } from "../../domain/errors.js";
import { parseStoredMetric } from "../../domain/kpi/catalogue.js";
import { parseMetricDay, parseMetricValue } from "../../domain/kpi/values.js";
import type { Locale } from "../../domain/locale.js";
import { PLATFORMS, parsePlatform } from "../../domain/topics/vocabulary.js";
import { audit } from "../audit.js";
import type { AppDeps } from "../deps.js";
import { loadTeam } from "../team.js";
import { noteFailure, noteStored, refusalOf } from "./source-status.js";
import { storeMetricValues, type MetricInput, type RowOutcome, type StoreResult } from "./store-metrics.js";

/** One raw row, as text fields. */
export type RawMetricRow = Partial<Record<"platform" | "account" | "metric" | "day" | "value", unknown>>;

/** The outcome of an import. */
export interface ImportReport {
  ok: boolean;
  encoding?: "utf-8" | "gbk";
  /** Line (CSV, counting the header as 1) or index (JSON, from 1) → problem; empty when ok. */
  errors: { row: number; code: string; message: string }[];
  stored: StoreResult | null;
  /** With `perRow`: every stored row (its line or index, as `errors` counts) and what happened to it. */
  rows?: ({ row: number } & MetricInput & RowOutcome)[];
}

/** Decodes CSV bytes: UTF-8 (BOM stripped) when valid, else GBK. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gbk" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gbk").decode(bytes), encoding: "gbk" };
  }
}

const HEADER_ALIASES: Record<string, keyof RawMetricRow> = {
  platform: "platform", "平台": "platform", account: "account", "账号": "account", "账户": "account", metric: "metric", "指标": "metric",
  day: "day", date: "day", "日期": "day", value: "value", "数值": "value", "数据": "value", "值": "value",
};

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") out.push(cur), (cur = "");
    else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** CSV text → rows; the header names the columns (English or Chinese). Throws kpi.csv_header when unusable. */
export function parseCsv(text: string): RawMetricRow[] {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? "").map((h) => HEADER_ALIASES[h.toLowerCase()]);
  for (const need of ["platform", "metric", "value"] as const) {
    if (!header.includes(need)) throw new AppError("kpi.csv_header", { missing: need, found: lines[0] ?? "" });
  }
  return lines.slice(1).map((line) => {
    if (line.trim() === "") return {};
    const cells = splitCsvLine(line);
    const row: RawMetricRow = {};
    header.forEach((h, i) => h && (row[h] = cells[i]));
    return row;
  });
}

function checkRow(r: RawMetricRow, today: string): MetricInput {
  const platformRaw = String(r.platform ?? "");
  const platform = parsePlatform(platformRaw);
  if (!platform) throw new AppError("kpi.unknown_platform", { value: platformRaw, known: PLATFORMS.join(", ") });
  const metric = parseStoredMetric(String(r.metric ?? ""));
  const value = typeof r.value === "number" ? r.value : parseMetricValue(String(r.value ?? ""));
  if (!Number.isFinite(value)) throw new AppError("kpi.bad_value", { value: String(r.value) });
  if (value < 0) throw new AppError("kpi.negative_value", { metric, value });
  const day = parseMetricDay(r.day === undefined || r.day === "" ? undefined : String(r.day), today);
  const account = String(r.account ?? "").trim() || "main";
  return { platform, account, metric, day, value };
}

/** Validates every row, then stores all of them in one transaction (or none, when any row is wrong). */
export async function importMetrics(
  deps: Pick<AppDeps, "db" | "clock">,
  input: {
    teamId: string; rows: RawMetricRow[]; source: string; by: string | null; locale: Locale; encoding?: "utf-8" | "gbk"; firstRow?: number;
    /** The member importing, for the audit row (null: an integration). */
    actorId?: string | null;
    /** Report every stored row (the console and the CLI show them). */
    perRow?: boolean;
  },
): Promise<ImportReport> {
  const now = deps.clock.now();
  const team = await loadTeam(deps.db, input.teamId);
  const today = localDayOf(now, team.timezone);
  const good: MetricInput[] = [];
  const lineOf: number[] = [];
  const errors: ImportReport["errors"] = [];
  let firstRefusal: { err: AppError; row: number } | undefined;
  input.rows.forEach((r, i) => {
    if (Object.keys(r).length === 0) return; // blank line
    try {
      good.push(checkRow(r, today));
      lineOf.push(i + (input.firstRow ?? 1));
    } catch (err) {
      if (!isAppError(err)) throw err;
      errors.push({ row: i + (input.firstRow ?? 1), code: err.code, message: errorMessage(input.locale, err) });
      firstRefusal ??= { err, row: i + (input.firstRow ?? 1) };
    }
  });
  if (errors.length > 0 || good.length === 0) {
    if (good.length === 0 && errors.length === 0) errors.push({ row: 0, code: "kpi.empty_import", message: errorMessage(input.locale, new AppError("kpi.empty_import")) });
    // /kpi sources tells the refusal in each reader's language: keep its code and params, not this message.
    await noteFailure(deps.db, input.teamId, input.source, "", refusalOf(firstRefusal?.err ?? new AppError("kpi.empty_import"), firstRefusal?.row), now);
    return { ok: false, encoding: input.encoding, errors, stored: null };
  }
  const outcomes: RowOutcome[] = [];
  const stored = await deps.db.$transaction(async (tx) => {
    const result = await storeMetricValues(tx, input.teamId, good, input.source, input.by, now, outcomes);
    await noteStored(tx, input.teamId, input.source, "", good.map((g) => g.day), now);
    await audit(tx, { teamId: input.teamId, actorId: input.actorId ?? null, action: "kpi.import", subjectType: "metric_batch", subjectId: input.source, after: { rows: good.length, ...result, encoding: input.encoding ?? null }, at: now });
    return result;
  });
  const rows = input.perRow ? good.map((g, i) => ({ row: lineOf[i]!, ...g, ...outcomes[i]! })) : undefined;
  return { ok: true, encoding: input.encoding, errors: [], stored, ...(rows ? { rows } : {}) };
}
