// /kpi import: the CSV pasted on the lines after the command, through the same importMetrics as the signed
// endpoint and the CLI (every row checked, all stored or none), answered with a per-row report.
import type { ArgsOf } from "../../../commands/index.js";
import { importReportNotice } from "../../../templates/kpi/kpi-notices.js";
import { AppError } from "../../domain/errors.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { importMetrics, parseCsv } from "./import-metrics.js";

/** Imports the pasted CSV and replies with the report (a refused batch is a report too, not an error). */
export async function importCsv(scope: RequestScope, args: ArgsOf<"kpi.import">): Promise<void> {
  const text = (args.body ?? "").replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new AppError("kpi.import_text_missing");
  const report = await importMetrics(scope.deps, {
    teamId: scope.team.id, rows: parseCsv(text), source: "csv", by: scope.actor.id, actorId: scope.actor.id, locale: scope.actor.locale, firstRow: 2, perRow: true,
  });
  await enqueueReply(scope.deps.db, scope, { template: "notice", model: importReportNotice(scope.actor.locale, { ok: report.ok, stored: report.stored, rows: report.rows ?? [], errors: report.errors }) });
}
