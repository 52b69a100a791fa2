// npx tsx scripts/import-metrics-csv.ts <file.csv> [--team <id>] [--lang zh-CN|en]
// Imports a platform's metric export into the database named by DATABASE_URL (SQLite file or PostgreSQL; the
// service must have created it). The bytes are read as UTF-8, or as GBK when they are not valid UTF-8, and the
// report says which. Every row is checked first and the file is stored whole or not at all (importMetrics, the
// same as /kpi import and POST /ingest/metrics); the report lists every stored row, or every line to fix.
// Exit code 0 when stored, 1 when refused, 2 for a usage or setup problem.
import { existsSync, readFileSync } from "node:fs";
import { importReportNotice, importedRowLine } from "../templates/kpi/kpi-notices.js";
import { decodeCsv, importMetrics, parseCsv, type ImportReport } from "../src/app/kpi/import-metrics.js";
import { loadConfig } from "../src/config/env.js";
import { createDb, createPostgresDb, databaseKind, type Db } from "../src/db/client.js";
import { sqlitePathFromUrl } from "../src/db/database-url.js";
import { isAppError } from "../src/domain/errors.js";
import { toLocale, type Locale } from "../src/domain/locale.js";
import { errorMessage } from "../templates/strings/errors.js";

/** The report of one file: what importMetrics said and the lines to print. */
export interface CsvFileImport {
  report: ImportReport;
  lines: string[];
}

/** Imports CSV bytes for a team (the first team when not named); never throws for bad content. */
export async function importCsvBytes(db: Db, bytes: Uint8Array, opts: { teamId?: string; locale: Locale; now: () => Date }): Promise<CsvFileImport> {
  const teamId = opts.teamId ?? (await db.team.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } }))?.id;
  if (!teamId) throw new Error("there is no team in this database: start the service once first");
  const { text, encoding } = decodeCsv(bytes);
  let report: ImportReport;
  try {
    report = await importMetrics({ db, clock: { now: opts.now } }, { teamId, rows: parseCsv(text), source: "csv", by: "cli", locale: opts.locale, encoding, firstRow: 2, perRow: true });
  } catch (err) {
    if (!isAppError(err)) throw err;
    report = { ok: false, encoding, errors: [{ row: 0, code: err.code, message: errorMessage(opts.locale, err) }], stored: null };
  }
  // The title as the chat shows it; then every line (the chat's cap on listed lines is for chat).
  const { title } = importReportNotice(opts.locale, { ok: report.ok, encoding: report.encoding, stored: report.stored, rows: [], errors: report.errors });
  const en = opts.locale === "en";
  const lines = report.ok
    ? (report.rows ?? []).map((r) => importedRowLine(opts.locale, r))
    : [...report.errors.map((e) => (e.row > 0 ? (en ? `Line ${e.row}: ${e.message}` : `第 ${e.row} 行：${e.message}`) : e.message)), en ? "Nothing was stored. Fix the lines and import the whole file again." : "没有存储任何数据。请修改后重新导入整个文件。"];
  return { report, lines: [title, ...lines] };
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const teamId = flag("team");
  const locale = toLocale(flag("lang") ?? process.env.MEDIAOPS_LOCALE ?? "zh-CN");
  const file = args[0];
  if (!file || args.length > 1) {
    console.error("usage: npx tsx scripts/import-metrics-csv.ts <file.csv> [--team <id>] [--lang zh-CN|en]");
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 2;
  }
  const env = loadConfig(process.env);
  const url = env.DATABASE_URL;
  let db: Db;
  if (databaseKind(url) === "postgres") db = await createPostgresDb(url);
  else {
    const path = sqlitePathFromUrl(url);
    if (!existsSync(path)) {
      console.error(`no database at ${path}: start the service once (it creates and migrates it), or set DATABASE_URL`);
      return 2;
    }
    db = await createDb(path);
  }
  try {
    const { report, lines } = await importCsvBytes(db, readFileSync(file), { teamId, locale, now: () => new Date() });
    for (const line of lines) console.log(line);
    return report.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
