// The command registry: every command the bot understands, on every platform. Help is generated from it.
import type { z } from "zod";
import { calendarSet, calendarShow } from "./admin/calendar.js";
import { adminLink } from "./admin/link.js";
import { adminOutbox } from "./admin/outbox.js";
import { adminSetup, hoursSet, hoursShow, peopleGrant, peopleList, peopleRemove, peopleRevoke } from "./admin/people.js";
import { channelSet, channelShow, languageSet, quietOff, quietSet, quietShow, timezoneSet } from "./admin/settings.js";
import { help } from "./help.js";
import { INCIDENT_COMMANDS } from "./incident/commands.js";
import { KPI_COMMANDS, KPI_HELP_NOTES } from "./kpi/index.js";
import { REVIEW_COMMANDS } from "./review/index.js";
import { topicAssign } from "./topic/assign.js";
import { topicCalendar } from "./topic/calendar.js";
import { topicAccept, topicArchive, topicPublish, topicReject } from "./topic/decide.js";
import { topicList } from "./topic/list.js";
import { topicPropose } from "./topic/propose.js";
import { topicSchedule } from "./topic/schedule.js";
import { topicShow } from "./topic/show.js";
import { slaAccountSet, slaBoard, slaImport, slaLog, slaMine, slaPolicyList, slaPolicySet, slaSources, slaStats } from "./sla/sla.js";
import { SLA_ITEM_COMMANDS } from "./sla/item.js";
import type { CommandSpec } from "./spec.js";
import type { Localized } from "../src/domain/locale.js";

/** Every command by id. */
export const COMMANDS = {
  help,
  "admin.outbox": adminOutbox,
  "admin.link": adminLink,
  "admin.setup": adminSetup,
  "people.list": peopleList,
  "people.grant": peopleGrant,
  "people.revoke": peopleRevoke,
  "people.remove": peopleRemove,
  "people.hours_show": hoursShow,
  "people.hours_set": hoursSet,
  "people.channel_show": channelShow,
  "people.channel_set": channelSet,
  "people.quiet_show": quietShow,
  "people.quiet_set": quietSet,
  "people.quiet_off": quietOff,
  "people.timezone": timezoneSet,
  "people.language": languageSet,
  "calendar.show": calendarShow,
  "calendar.set": calendarSet,
  "topic.propose": topicPropose,
  "topic.list": topicList,
  "topic.show": topicShow,
  "topic.calendar": topicCalendar,
  "topic.assign": topicAssign,
  "topic.accept": topicAccept,
  "topic.reject": topicReject,
  "topic.archive": topicArchive,
  "topic.publish": topicPublish,
  "topic.schedule": topicSchedule,
  "sla.log": slaLog, "sla.mine": slaMine, "sla.board": slaBoard, "sla.stats": slaStats, "sla.sources": slaSources,
  "sla.import": slaImport, "sla.policy_list": slaPolicyList, "sla.policy_set": slaPolicySet, "sla.account_set": slaAccountSet,
  ...SLA_ITEM_COMMANDS,
  ...KPI_COMMANDS,
  ...REVIEW_COMMANDS,
  ...INCIDENT_COMMANDS,
} as const satisfies Record<string, CommandSpec>;

/** The id of a registered command. */
export type CommandId = keyof typeof COMMANDS;

/** The validated arguments of command `K`. */
export type ArgsOf<K extends CommandId> = z.output<(typeof COMMANDS)[K]["args"]>;

/** A command with its validated arguments, discriminated by id. */
export type ParsedCommand = { [K in CommandId]: { id: K; args: ArgsOf<K> } }[CommandId];

/** All specs, in registry order. */
export const ALL_COMMANDS: readonly CommandSpec[] = Object.values(COMMANDS);

/** The first words of all commands ("topic", "help", ...): what Slack registers as slash commands. */
export const COMMAND_ROOTS: readonly string[] = [...new Set(ALL_COMMANDS.map((c) => c.words[0]!))];


/** Notes /help adds when it lists the commands of one first word ("/help kpi"): how a feature decides things. */
export const HELP_NOTES: Readonly<Record<string, readonly Localized[]>> = { kpi: KPI_HELP_NOTES };
