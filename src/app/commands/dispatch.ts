// Binds each registered command to the use case that runs it. The record type makes a missing or
// mistyped binding a compile error.
import { ALL_COMMANDS, COMMANDS, type ArgsOf, type CommandId, type ParsedCommand } from "../../../commands/index.js";
import { showOutbox } from "../admin/outbox-admin.js";
import { changeRole, listPeople, removePerson, useSetupCode } from "../admin/people-admin.js";
import { setHours, showHours } from "../admin/hours-admin.js";
import { setChannelRoute, showChannelRoutes } from "../admin/channel-routes.js";
import { setLanguage, setQuiet, setTimezone, showQuiet } from "../admin/person-settings.js";
import { linkAccounts } from "../identity/link-accounts.js";
import { setCalendarYear, showCalendar } from "../calendar/calendar-admin.js";
import { INCIDENT_HANDLERS } from "../incidents/handlers.js";
import { enqueueReply } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { assignTopic } from "../topics/assign-topic.js";
import { decideTopic } from "../topics/decide-topic.js";
import { listTopics } from "../topics/list-topics.js";
import { proposeTopic } from "../topics/propose-topic.js";
import { KPI_HANDLERS } from "../kpi/handlers.js";
import { REVIEW_HANDLERS } from "../reviews/review-handlers.js";
import { scheduleTopic } from "../topics/schedule-topic.js";
import { showTopic } from "../topics/show-topic.js";
import { logSlaItem } from "../sla/log-item.js";
import { listSlaItems } from "../sla/list-items.js";
import { slaStats } from "../sla/sla-stats.js";
import { showSlaSources } from "../sla/show-sources.js";
import { changeSlaItem } from "../sla/sla-actions.js";
import { replyToItem } from "../sla/reply-item.js";
import { showSlaItem } from "../sla/show-item.js";
import { importSlaItems } from "../sla/import-items.js";
import { listSlaPolicies, setSlaAccount, setSlaPolicy } from "../sla/admin-sla.js";
import { topicCalendar } from "../topics/topic-calendar.js";
import { splitCommandWords } from "../../../commands/index.js";

type Handlers = { [K in CommandId]: (scope: RequestScope, args: ArgsOf<K>) => Promise<unknown> };

const HANDLERS: Handlers = {
  help: (scope, args) => replyHelp(scope, args.topic),
  "admin.outbox": (scope) => showOutbox(scope),
  "admin.link": (scope, a) => linkAccounts(scope, a.code),
  "admin.setup": (scope, a) => useSetupCode(scope, a.code),
  "people.list": (scope, a) => listPeople(scope, a.role),
  "people.grant": (scope, a) => changeRole(scope, a.user, a.role, true),
  "people.revoke": (scope, a) => changeRole(scope, a.user, a.role, false),
  "people.remove": (scope, a) => removePerson(scope, a.user, a.to),
  "people.hours_show": (scope) => showHours(scope),
  "people.hours_set": (scope, a) => setHours(scope, a.hours),
  "people.channel_show": (scope) => showChannelRoutes(scope),
  "people.channel_set": (scope, a) => setChannelRoute(scope, a.workflow, a.channel),
  "people.quiet_show": (scope, a) => showQuiet(scope, a.user),
  "people.quiet_set": (scope, a) => setQuiet(scope, a.user, a.range),
  "people.quiet_off": (scope, a) => setQuiet(scope, a.user, null),
  "people.timezone": (scope, a) => setTimezone(scope, a.user, a.zone),
  "people.language": (scope, a) => setLanguage(scope, a.user, a.language),
  "calendar.show": (scope) => showCalendar(scope),
  "calendar.set": (scope, a) => setCalendarYear(scope, a.year, a.body),
  "topic.propose": proposeTopic,
  "topic.list": listTopics,
  "topic.show": (scope, a) => showTopic(scope, a.id),
  "topic.calendar": topicCalendar,
  "topic.assign": (scope, a) => assignTopic(scope, a.id, a.user),
  "topic.accept": (scope, a) => decideTopic(scope, a.id, "accept", a.reason),
  "topic.reject": (scope, a) => decideTopic(scope, a.id, "reject", a.reason),
  "topic.archive": (scope, a) => decideTopic(scope, a.id, "archive", a.reason),
  "topic.publish": (scope, a) => decideTopic(scope, a.id, "publish", undefined),
  "topic.schedule": (scope, a) => scheduleTopic(scope, a.id, a.when),
  "sla.log": logSlaItem, "sla.mine": (scope) => listSlaItems(scope, "mine"), "sla.board": (scope) => listSlaItems(scope, "board"), "sla.stats": (scope, a) => slaStats(scope, a.period), "sla.sources": (scope) => showSlaSources(scope),
  "sla.import": importSlaItems, "sla.policy_list": (scope) => listSlaPolicies(scope), "sla.policy_set": setSlaPolicy, "sla.account_set": setSlaAccount,
  "sla.show": (scope, a) => showSlaItem(scope, a.id),
  "sla.claim": (scope, a) => changeSlaItem(scope, a.id, "claim", a.note, { noteOptional: true }),
  "sla.answer": (scope, a) => changeSlaItem(scope, a.id, "answer", a.note, { noteOptional: true }),
  "sla.dismiss": (scope, a) => changeSlaItem(scope, a.id, "dismiss", a.note, { noteOptional: true }),
  "sla.assign": (scope, a) => changeSlaItem(scope, a.id, "reassign", a.user),
  "sla.reply": (scope, a) => replyToItem(scope, a.id, a.text, { confirmWithCard: true }),
  ...KPI_HANDLERS,
  ...REVIEW_HANDLERS,
  ...INCIDENT_HANDLERS,
};

/** Runs a parsed command's use case. */
export function runCommand(scope: RequestScope, cmd: ParsedCommand): Promise<unknown> {
  const handler = HANDLERS[cmd.id] as (scope: RequestScope, args: unknown) => Promise<unknown>;
  return handler(scope, cmd.args);
}

/** /help: every command, or the commands under the words given ("topic", "topic propose"). */
async function replyHelp(scope: RequestScope, topic: string | undefined): Promise<void> {
  const words = topic ? splitCommandWords(topic).map((w) => w.toLowerCase()) : [];
  if (words.length === 1 && ["permissions", "roles", "权限"].includes(words[0]!)) {
    return enqueueReply(scope.deps.db, scope, { template: "help", model: { ids: [], detail: false, permissions: true } });
  }
  const specs = words.length === 0 ? ALL_COMMANDS : ALL_COMMANDS.filter((c) => words.every((w, i) => c.words[i] === w));
  const shown = specs.length > 0 ? specs : ALL_COMMANDS;
  await enqueueReply(scope.deps.db, scope, { template: "help", model: { ids: shown.map((s) => s.id), detail: shown.length === 1 } });
}

/** The spec of a command id (for permission checks and messages). */
export function specOf(id: CommandId) {
  return COMMANDS[id];
}
