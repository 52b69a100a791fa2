// CSV import of SLA items (platform exports): `/sla import` with a pasted or uploaded file, and the CLI
// script. Same rule as POST /ingest/comments: each row is checked and reported on its own (accepted, already
// known, or rejected with its line and reason); the accepted rows of a chunk are stored together in one
// transaction with the import's audit row, so no row is ever half-stored and a re-import of the fixed file
// only adds what was missing.
import type { ArgsOf } from "../../../commands/index.js";
import { slaAdminCopy } from "../../../templates/sla/sla-admin-copy.js";
import { csvToRawItems } from "../../domain/sla/index.js";
import { AppError } from "../../domain/errors.js";
import type { Locale } from "../../domain/locale.js";
import { audit } from "../audit.js";
import type { AppDeps } from "../deps.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { ingestSlaItems } from "./ingest-items.js";

/** Rows stored per transaction (the size of a webhook batch). */
const CHUNK = 1000;

/** What an import did, row by row (lines count the header as 1). */
export interface SlaImportReport {
  rows: number;
  accepted: { line: number; id: number }[];
  duplicates: { line: number; id: number }[];
  rejected: { line: number; reason: string }[];
}

/** Imports CSV text into `teamId`; throws sla.import_bad_file when the file as a whole cannot be read. */
export async function importSlaCsv(deps: AppDeps, input: { teamId: string; zone: string; text: string; actorId: string | null; source: string }): Promise<SlaImportReport> {
  let parsed: ReturnType<typeof csvToRawItems>;
  try {
    parsed = csvToRawItems(input.text, { zone: input.zone });
  } catch (err) {
    throw new AppError("sla.import_bad_file", { problem: err instanceof Error ? err.message : String(err) });
  }
  if (parsed.headerError) throw new AppError("sla.import_bad_file", { problem: parsed.headerError });
  if (parsed.rows.length === 0) throw new AppError("sla.import_empty");
  const report: SlaImportReport = { rows: parsed.rows.length, accepted: [], duplicates: [], rejected: [] };
  const good: { line: number; raw: Record<string, string> }[] = [];
  for (const r of parsed.rows) {
    if (r.ok) good.push({ line: r.line, raw: r.raw });
    else report.rejected.push({ line: r.line, reason: r.error });
  }
  for (let start = 0; start < good.length; start += CHUNK) {
    const chunk = good.slice(start, start + CHUNK);
    const results = await ingestSlaItems(deps, chunk.map((c) => c.raw), "csv", {
      teamId: input.teamId,
      inTransaction: (tx, stored) =>
        audit(tx, { teamId: input.teamId, actorId: input.actorId, action: "sla.import", subjectType: "sla_import", subjectId: input.source, after: { stored, firstLine: chunk[0]!.line, lastLine: chunk.at(-1)!.line }, at: deps.clock.now() }),
    });
    for (const r of results) {
      const line = chunk[r.index]!.line;
      if (r.status === "accepted") report.accepted.push({ line, id: r.id });
      else if (r.status === "duplicate") report.duplicates.push({ line, id: r.id });
      else {
        const repeat = /^externalId repeats item (\d+) of this batch$/.exec(r.error);
        report.rejected.push({ line, reason: repeat ? `externalId repeats line ${chunk[Number(repeat[1])]!.line}` : r.error });
      }
    }
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/** Most report lines in a chat reply; the rest are counted. */
const SHOWN = 30;

/** The report as a notice: a title with the counts, then rejected and already-known lines. */
export function importReportLines(report: SlaImportReport, locale: Locale): { title: string; lines: string[] } {
  const c = slaAdminCopy[locale];
  const title = c.importTitle({ accepted: report.accepted.length, duplicates: report.duplicates.length, rejected: report.rejected.length, rows: report.rows });
  const all = [
    ...report.rejected.map((r) => c.rejectedLine(r.line, c.reason(r.reason))),
    ...report.duplicates.map((d) => c.duplicateLine(d.line, d.id)),
  ];
  const lines = all.slice(0, SHOWN);
  if (all.length > SHOWN) lines.push(c.more(all.length - SHOWN));
  if (report.rejected.length > 0) lines.push(c.importHint);
  return { title, lines };
}

/** /sla import, with the file after the first line (pasted, or uploaded through the console). */
export async function importSlaItems(scope: RequestScope, args: ArgsOf<"sla.import">): Promise<void> {
  if (!args.body || args.body.trim() === "") throw new AppError("sla.import_empty");
  const report = await importSlaCsv(scope.deps, { teamId: scope.team.id, zone: scope.team.timezone, text: args.body, actorId: scope.actor.id, source: "chat" });
  const { title, lines } = importReportLines(report, scope.actor.locale);
  await replyNotice(scope.deps.db, scope, title, lines, report.rejected.length > 0 ? "warning" : "success");
}
