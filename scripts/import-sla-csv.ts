// npx tsx scripts/import-sla-csv.ts <file.csv> [--team default]: imports a platform's comment export into the
// SLA, the same way `/sla import` does (row by row; UTF-8 or GBK detected), for files too big for the console.
// Uses DATABASE_URL (run it against a migrated database, e.g. while the service runs). Exit code 0 when every
// row was accepted or already known, 2 when some rows were rejected, 1 when the file could not be imported.
import { readFileSync } from "node:fs";
import { errorMessage } from "../templates/strings/errors.js";
import { loadConfig } from "../src/config/env.js";
import { importReportLines, importSlaCsv, type SlaImportReport } from "../src/app/sla/import-items.js";
import { createDb, createPostgresDb, databaseKind } from "../src/db/client.js";
import { sqlitePathFromUrl } from "../src/db/database-url.js";
import { isAppError } from "../src/domain/errors.js";
import { systemClock, type Clock } from "../src/lib/clock.js";
import { createLogger } from "../src/lib/logger.js";
import { decodeUpload } from "../src/lib/decode-upload.js";

/** The outcome of one run: the exit code, what to print, and the report when there is one. */
export interface ImportRun {
  code: 0 | 1 | 2;
  output: string[];
  report?: SlaImportReport;
}

const USAGE = "usage: npx tsx scripts/import-sla-csv.ts <file.csv> [--team <team id>]  (default team: default)";

/** Runs an import; `env` supplies DATABASE_URL, `clock` decides what "in the future" means (tests pass theirs). */
export async function runSlaImport(argv: string[], env: Record<string, string | undefined>, clock: Clock = systemClock): Promise<ImportRun> {
  const args = [...argv];
  let team = "default";
  const t = args.indexOf("--team");
  if (t >= 0) {
    if (!args[t + 1]) return { code: 1, output: [USAGE] };
    team = args[t + 1]!;
    args.splice(t, 2);
  }
  if (args.length !== 1 || args[0]!.startsWith("--")) return { code: 1, output: [USAGE] };
  const file = args[0]!;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { code: 1, output: [`cannot read ${file}: ${(err as Error).message}`] };
  }
  const decoded = decodeUpload(bytes);
  if (!decoded) return { code: 1, output: [`${file} is neither UTF-8 nor GBK text; save it as UTF-8 CSV and try again`] };

  const cfg = loadConfig(env);
  const db = databaseKind(cfg.DATABASE_URL) === "postgres" ? await createPostgresDb(cfg.DATABASE_URL) : await createDb(sqlitePathFromUrl(cfg.DATABASE_URL));
  try {
    const row = await db.team.findUnique({ where: { id: team } });
    if (!row) return { code: 1, output: [`there is no team "${team}"`] };
    const deps = { db, clock, log: createLogger("warn"), channels: new Map(), dialect: databaseKind(cfg.DATABASE_URL), buttonKey: "" };
    const report = await importSlaCsv(deps, { teamId: team, zone: row.timezone, text: decoded.text, actorId: null, source: `cli:${file.split(/[\\/]/).pop()}` });
    const { title, lines } = importReportLines(report, "en");
    return { code: report.rejected.length > 0 ? 2 : 0, output: [`${file} (${decoded.encoding === "utf-8" ? "UTF-8" : "GBK"})`, title, ...lines], report };
  } catch (err) {
    if (isAppError(err)) return { code: 1, output: [errorMessage("en", err)] };
    throw err;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSlaImport(process.argv.slice(2), process.env).then(
    (r) => {
      for (const line of r.output) (r.code === 1 ? console.error : console.log)(line);
      process.exit(r.code);
    },
    (err: unknown) => {
      console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
