// Who may do what: one table for every command and every card button, written once. Commands and buttons are
// checked against it before their use case runs; a rule with relations (the topic's proposer, a reviewer of the
// level being asked, the incident's commander...) is finished by the use case once it has loaded the subject.
// /help and the README render this table (templates/strings/permissions.ts), and a test keeps them in step.
import type { Role } from "./roles.js";

/** How the actor stands to the subject of a command or button, beyond their roles. */
export const RELATIONS = [
  /** Proposed the topic. */
  "proposer",
  /** Submitted (or co-authored) the piece under review. */
  "author",
  /** Is asked to decide on the review level that is open now. */
  "level_reviewer",
  /** Holds the incident's commander role, or declared it while nobody holds that role. */
  "commander",
  /** Holds any role in the incident. */
  "role_holder",
  /** Is the person the command is about (their own settings). */
  "self",
] as const;
/** One relation. */
export type Relation = (typeof RELATIONS)[number];

/**
 * A rule: the roles that may act whatever their relation to the subject (admins count as holding every role
 * a rule names), and the relations that also allow acting. `roles: []` means only the relations do: nobody,
 * not even an admin, approves a review level they are not asked to decide.
 */
export interface Rule {
  roles: "any" | readonly Role[];
  relations?: readonly Relation[];
}

const EVERYONE: Rule = { roles: "any" };
const ADMINS: Rule = { roles: ["admin"] };
const MANAGERS: Rule = { roles: ["manager"] };
/** A person's own settings, or anyone's for an admin. */
const SELF_OR_ADMIN: Rule = { roles: ["admin"], relations: ["self"] };
const MAKERS: Rule = { roles: ["manager", "operator"] };
const LEVEL_REVIEWERS: Rule = { roles: [], relations: ["level_reviewer"] };
const AUTHOR_OR_MANAGER: Rule = { roles: ["manager"], relations: ["author"] };
const REVIEWER_OR_MANAGER: Rule = { roles: ["manager"], relations: ["level_reviewer"] };
const INCIDENT_LEAD: Rule = { roles: ["manager"], relations: ["commander"] };
const INCIDENT_CREW: Rule = { roles: ["manager"], relations: ["commander", "role_holder"] };

/** Every command by id (the ids of commands/registry.ts). */
export const COMMAND_RULES: Readonly<Record<string, Rule>> = {
  help: EVERYONE,
  "admin.outbox": ADMINS,
  "admin.link": EVERYONE,
  // Anyone may type the setup code: holding the code printed in the log is what makes the first admin.
  "admin.setup": EVERYONE,
  "people.list": EVERYONE,
  "people.grant": ADMINS,
  "people.revoke": ADMINS,
  "people.remove": ADMINS,
  "people.hours_show": EVERYONE,
  "people.hours_set": ADMINS,
  "people.channel_show": EVERYONE,
  "people.channel_set": ADMINS,
  "people.quiet_show": EVERYONE,
  "people.quiet_set": SELF_OR_ADMIN,
  "people.quiet_off": SELF_OR_ADMIN,
  "people.timezone": SELF_OR_ADMIN,
  "people.language": SELF_OR_ADMIN,
  "calendar.show": EVERYONE,
  "calendar.set": ADMINS,
  // topics
  "topic.propose": EVERYONE,
  "topic.list": EVERYONE,
  "topic.show": EVERYONE,
  "topic.calendar": EVERYONE,
  "topic.assign": MANAGERS,
  "topic.accept": MANAGERS,
  "topic.reject": MANAGERS,
  "topic.archive": { roles: ["manager"], relations: ["proposer"] },
  "topic.publish": MAKERS,
  "topic.schedule": MAKERS,
  // comment-response SLA
  "sla.log": EVERYONE,
  "sla.mine": EVERYONE,
  "sla.board": EVERYONE,
  "sla.stats": EVERYONE,
  "sla.sources": EVERYONE,
  "sla.show": EVERYONE,
  "sla.claim": EVERYONE,
  "sla.answer": EVERYONE,
  "sla.dismiss": EVERYONE,
  "sla.assign": EVERYONE,
  "sla.reply": EVERYONE,
  "sla.import": MAKERS,
  "sla.policy_list": EVERYONE,
  "sla.policy_set": ADMINS,
  "sla.account_set": ADMINS,
  // KPI
  "kpi.record": MAKERS,
  "kpi.target": MANAGERS,
  "kpi.subscribe": MANAGERS,
  "kpi.unsubscribe": MANAGERS,
  "kpi.digest_now": EVERYONE,
  "kpi.mute": MANAGERS,
  "kpi.unmute": MANAGERS,
  "kpi.import": MAKERS,
  "kpi.budget_set": MANAGERS,
  "kpi.budget_list": EVERYONE,
  "kpi.spend": MAKERS,
  "kpi.sources": EVERYONE,
  "kpi.history": EVERYONE,
  // reviews
  "review.submit": EVERYONE,
  "review.approve": LEVEL_REVIEWERS,
  "review.changes": LEVEL_REVIEWERS,
  "review.reject": LEVEL_REVIEWERS,
  "review.withdraw": AUTHOR_OR_MANAGER,
  "review.nudge": AUTHOR_OR_MANAGER,
  "review.transfer": REVIEWER_OR_MANAGER,
  "review.add": REVIEWER_OR_MANAGER,
  "review.status": EVERYONE,
  "review.pending": EVERYONE,
  "review.board": EVERYONE,
  "review.chain.list": EVERYONE,
  "review.chain.set": ADMINS,
  "review.chain.default": ADMINS,
  "review.chain.remove": ADMINS,
  "review.chain.import": ADMINS,
  // incidents
  "incident.declare": EVERYONE,
  "incident.drill": EVERYONE,
  "incident.playbooks": EVERYONE,
  "incident.reload": ADMINS,
  "incident.role": INCIDENT_LEAD,
  "incident.done": INCIDENT_CREW,
  "incident.update": EVERYONE,
  "incident.note": EVERYONE,
  "incident.status": INCIDENT_LEAD,
  "incident.severity": INCIDENT_LEAD,
  "incident.resolve": INCIDENT_LEAD,
  "incident.reopen": INCIDENT_LEAD,
  "incident.review": EVERYONE,
  "incident.library": EVERYONE,
  "incident.threshold.set": ADMINS,
  "incident.threshold.list": EVERYONE,
  "incident.threshold.remove": ADMINS,
  "incident.review.edit": EVERYONE,
  "incident.action.add": EVERYONE,
  "incident.action.done": EVERYONE,
};

/** Every card button by its action id ("<subjectType>.<action>"; review.back_N is "review.back"). */
export const BUTTON_RULES: Readonly<Record<string, Rule>> = {
  "topic.accept": MANAGERS,
  "topic.reject": MANAGERS,
  "topic.vote": EVERYONE,
  "topic.show": EVERYONE,
  "review.approve": LEVEL_REVIEWERS,
  "review.changes": LEVEL_REVIEWERS,
  "review.reject": LEVEL_REVIEWERS,
  "review.back": LEVEL_REVIEWERS,
  "review.nudge": AUTHOR_OR_MANAGER,
  "review.withdraw": AUTHOR_OR_MANAGER,
  "sla.claim": EVERYONE,
  "sla.answer": EVERYONE,
  "sla.dismiss": EVERYONE,
  "sla.reassign": EVERYONE,
  "sla.reply": EVERYONE,
  // Claiming a role nobody holds is how a playbook is staffed; a held role is handed over with /incident role.
  "incident.claim": EVERYONE,
  "incident.done": INCIDENT_CREW,
  "incident.update": EVERYONE,
  "incident.severity": INCIDENT_LEAD,
  "incident.resolve": INCIDENT_LEAD,
  "incident.force": INCIDENT_LEAD,
  "incident.declare": EVERYONE,
  "kpi.detail": EVERYONE,
  "kpi.mute": MANAGERS,
  "kpi.assign": MANAGERS,
  "outbox.retry": ADMINS,
};

/** What is being checked: a command by id, or a button by action id. */
export interface PermissionKey {
  kind: "command" | "button";
  id: string;
}

/** The table's key of a button's action id: numbered variants share one row ("review.back_2" → "review.back"). */
export function buttonRuleId(actionId: string): string {
  return actionId.replace(/_\d+$/, "");
}

/** The rule for a command or button; a key missing from the table is a bug, and acting on it is refused. */
export function ruleFor(key: PermissionKey): Rule | undefined {
  return key.kind === "command" ? COMMAND_RULES[key.id] : BUTTON_RULES[buttonRuleId(key.id)];
}
