// Reads the playbook files (templates/playbooks/*.yaml|json) and keeps the set in force. A file that fails
// validation is refused with its error, and that playbook's previous version stays in force.
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
}

/** The playbooks in force, loaded from one folder. */
export class PlaybookRegistry {
  private byId = new Map<string, TPlaybook>();
  private fileOf = new Map<string, string>();
  /** The outcome of the last (re)load. */
  lastReport: LoadReport = { loaded: [], errors: [] };

  constructor(readonly dir: string) {}

  /** Reads every file again; a broken file keeps its previous version (if any) in force. */
  reload(): LoadReport {
    const files = readdirSync(this.dir).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort();
    const next = new Map<string, TPlaybook>();
    const nextFiles = new Map<string, string>();
    const errors: PlaybookError[] = [];
    for (const file of files) {
      const parsed = parsePlaybook(file, readFileSync(join(this.dir, file), "utf8"));
      if (parsed.ok) {
        if (next.has(parsed.playbook.id)) {
          errors.push({ file, line: 1, field: "id", problem: `playbook "${parsed.playbook.id}" is defined twice` });
          continue;
        }
        next.set(parsed.playbook.id, parsed.playbook);
        nextFiles.set(file, parsed.playbook.id);
        continue;
      }
      errors.push(parsed.error);
      const previousId = this.fileOf.get(file);
      const previous = previousId ? this.byId.get(previousId) : undefined;
      if (previousId && previous) {
        next.set(previousId, previous);
        nextFiles.set(file, previousId);
      }
    }
    this.byId = next;
    this.fileOf = nextFiles;
    this.lastReport = { loaded: [...next.keys()], errors };
    return this.lastReport;
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

/** Loads the playbooks at start and logs each refused file (the service starts without it). */
export function logPlaybookLoad(log: Log): void {
  const report = playbooks().lastReport;
  for (const e of report.errors) log.error({ playbook: formatPlaybookError(e) }, "playbook file refused");
  log.info({ playbooks: report.loaded }, "incident playbooks loaded");
}
