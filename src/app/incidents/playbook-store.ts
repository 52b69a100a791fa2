// The playbooks' memory across restarts. Each file's text is kept in the database whenever it loads, so a file
// broken on disk later keeps serving its last good version after a restart too (not only until the next
// reload), and the admins are told in chat, once per broken text, which file, line and field is wrong.
import { createHash } from "node:crypto";
import type { RefusedPlaybookFile } from "../../../templates/incident/incident-view.js";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { AppDeps } from "../deps.js";
import { toMember } from "../members.js";
import { deliverOutbox } from "../outbox/deliver.js";
import { enqueueDirect } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { loadTeam } from "../team.js";
import { logPlaybookLoad, playbooks, type LoadReport } from "./playbook-loader.js";

/** Setting keys: the last good text of a file, and "admins were told about this refusal". */
const GOOD = "playbook_good:";
const TOLD = "playbook_refusal_told:";

async function savedTexts(db: Db): Promise<Map<string, string>> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: GOOD } } });
  return new Map(rows.map((r) => [r.key.slice(GOOD.length), r.value]));
}

async function keepText(db: Db, file: string, text: string): Promise<void> {
  const key = `${GOOD}${file}`;
  // Two replicas starting at once may both insert: the loser updates instead.
  await db.setting.upsert({ where: { key }, create: { key, value: text }, update: { value: text } }).catch(async (err: unknown) => {
    if (!isUniqueViolation(err)) throw err;
    await db.setting.update({ where: { key }, data: { value: text } });
  });
}

/** Reads the playbook files again, falling back to the saved texts, and saves the texts that loaded. */
export async function loadPlaybooks(db: Db): Promise<LoadReport> {
  const saved = await savedTexts(db);
  const report = playbooks().reload(saved);
  for (const [file, text] of report.good) if (saved.get(file) !== text) await keepText(db, file, text);
  return report;
}

/** The refusals of `report` the admins have not been told about yet (claimed here, so only one replica tells). */
async function newRefusals(db: Db, report: LoadReport): Promise<RefusedPlaybookFile[]> {
  const fresh: RefusedPlaybookFile[] = [];
  for (const e of report.errors) {
    const key = `${TOLD}${createHash("sha256").update(`${e.file}\n${e.line}\n${e.field}\n${e.problem}`).digest("hex").slice(0, 32)}`;
    const claimed = await db.setting.create({ data: { key, value: e.file } }).then(
      () => true,
      (err: unknown) => {
        if (isUniqueViolation(err)) return false;
        throw err;
      },
    );
    if (claimed) fresh.push({ file: e.file, line: e.line, field: e.field, problem: e.kind ?? { code: "other" }, kept: report.kept.includes(e.file) });
  }
  return fresh;
}

/** Tells every active admin of every team, directly and in their language, about `errors`. */
async function tellAdmins(deps: AppDeps, errors: RefusedPlaybookFile[]): Promise<void> {
  const now = deps.clock.now();
  const outboxIds: number[] = [];
  for (const team of await deps.db.team.findMany({ select: { id: true } })) {
    const settings = await loadTeam(deps.db, team.id);
    const admins = (await deps.db.user.findMany({ where: { teamId: team.id, active: true }, orderBy: { handle: "asc" } })).map(toMember).filter((m) => m.roles.includes("admin"));
    for (const admin of admins) {
      const scope: RequestScope = { deps, actor: admin, team: settings, channel: { id: "", platform: "", externalId: "", name: "" }, now, outboxIds };
      await enqueueDirect(deps.db, scope, admin.id, admin.locale, { template: "incident.notice", model: { kind: "playbook_refused", errors } });
    }
  }
  await deliverOutbox(deps, outboxIds);
}

/** At start: load the playbooks (last good versions for broken files), log the outcome, tell the admins. */
export async function loadPlaybooksAtStart(deps: AppDeps): Promise<LoadReport> {
  const report = await loadPlaybooks(deps.db);
  logPlaybookLoad(deps.log, report);
  const fresh = await newRefusals(deps.db, report);
  if (fresh.length > 0) await tellAdmins(deps, fresh);
  return report;
}
