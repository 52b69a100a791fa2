// Reads the playbook files (templates/playbooks/*.yaml|json) and keeps the set in force. A file that fails
// validation is refused with its error, and that playbook's previous version stays in force: the one this
// process loaded, or after a restart the last good text kept in the database (playbook-store.ts).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Log } from "../../lib/logger.js";
import { formatPlaybookError, parsePlaybook, type PlaybookError, type TPlaybook } from "../../domain/incidents/playbook.js";

/** Where the shipped playbooks live, wherever the service is started from. */
export const DEFAULT_PLAYBOOK_DIR = fileURLToPath(new URL("../../../templates/playbooks", import.meta.url));

/** The outcome of one (re)load: how many playbooks are in force and which files were refused. */
export interface LoadReport {
  loaded: string[];
  errors: PlaybookError[];
  /** Refused files whose earlier version stays in force. */
  kept: string[];
  /** The text of each file that loaded, by file name: the new last good versions. */
  good: Map<string, string>;
}

/** The playbooks in force, loaded from one folder. */
export class PlaybookRegistry {
  private byId = new Map<string, TPlaybook>();
  private fileOf = new Map<string, string>();
  /** The outcome of the last (re)load. */
  lastReport: LoadReport = { loaded: [], errors: [], kept: [], good: new Map() };

  constructor(readonly dir: string) {}

  /**
   * Reads every file again; a broken file keeps its previous version in force: the one loaded before in this
   * process, else its text in `saved` (file name to the last text that loaded, from an earlier process).
   */
  reload(saved: ReadonlyMap<string, string> = new Map()): LoadReport {
    const files = readdirSync(this.dir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort();
    const next = new Map<string, TPlaybook>();
    const nextFiles = new Map<string, string>();
    const errors: PlaybookError[] = [];
    const kept: string[] = [];
    const good = new Map<string, string>();
    for (const file of files) {
      const text = readFileSync(join(this.dir, file), "utf8");
      const parsed = parsePlaybook(file, text);
      if (parsed.ok) {
        if (next.has(parsed.playbook.id)) {
          errors.push({ file, line: 1, field: "id", problem: `playbook "${parsed.playbook.id}" is defined twice`, kind: { code: "defined_twice", id: parsed.playbook.id } });
          continue;
        }
        next.set(parsed.playbook.id, parsed.playbook);
        nextFiles.set(file, parsed.playbook.id);
        good.set(file, text);
        continue;
      }
      errors.push(parsed.error);
      const previous = this.previousVersion(file, saved.get(file));
      if (previous && !next.has(previous.id)) {
        next.set(previous.id, previous);
        nextFiles.set(file, previous.id);
        kept.push(file);
      }
    }
    this.byId = next;
    this.fileOf = nextFiles;
    this.lastReport = { loaded: [...next.keys()], errors, kept, good };
    return this.lastReport;
  }

  /** The version of `file` in force before: this process's, else the saved text's (if it still validates). */
  private previousVersion(file: string, savedText: string | undefined): TPlaybook | undefined {
    const id = this.fileOf.get(file);
    const mine = id ? this.byId.get(id) : undefined;
    if (mine) return mine;
    const restored = savedText === undefined ? undefined : parsePlaybook(file, savedText);
    return restored?.ok ? restored.playbook : undefined;
  }

  /** Every playbook in force, sorted by id. */
  all(): TPlaybook[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The playbook with `id`, if in force. */
  get(id: string): TPlaybook | undefined {
    return this.byId.get(id);
  }

  /** The playbook for a risk type and severity: one that lists the severity, else any of the type. */
  forRisk(riskType: TPlaybook["riskType"], severity: TPlaybook["severities"][number]): TPlaybook | undefined {
    const ofType = this.all().filter((p) => p.riskType === riskType);
    return ofType.find((p) => p.severities.includes(severity)) ?? ofType[0];
  }
}

let registry: PlaybookRegistry | undefined;

/** The service's registry, loaded on first use. */
export function playbooks(): PlaybookRegistry {
  if (!registry) {
    registry = new PlaybookRegistry(DEFAULT_PLAYBOOK_DIR);
    registry.reload();
  }
  return registry;
}

/** Points the service at another folder (tests, or a deployment's own playbooks) and loads it. */
export function usePlaybookDir(dir: string): LoadReport {
  registry = new PlaybookRegistry(dir);
  return registry.reload();
}

/** Logs the outcome of a load: each refused file, and the playbooks in force. */
export function logPlaybookLoad(log: Log, report: LoadReport = playbooks().lastReport): void {
  for (const e of report.errors) log.error({ playbook: formatPlaybookError(e), keptLastGood: report.kept.includes(e.file) }, "playbook file refused");
  log.info({ playbooks: report.loaded }, "incident playbooks loaded");
}
