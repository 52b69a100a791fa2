// Day-one commands of a real team: the first admin, who is on the team, their roles, and removing someone.
import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { parseRole } from "../../src/domain/roles.js";
import { defineCommand } from "../spec.js";

/** A person as typed: a platform mention (<@U…>), @handle, a platform user id or a name. */
const ZPerson = z.string().transform((s) => s.trim()).refine((s) => s.length > 0 && s.length <= 120, { message: "people.not_found" });

/** A role by any of its names (管理员, manager, 审核...). */
const ZRole = z.string().transform((raw) => {
  const role = parseRole(raw);
  if (!role) throw new AppError("people.unknown_role", { value: raw });
  return role;
});

/** /mediaops setup <code>: the one-time code printed at start makes the sender the team's first admin. */
export const adminSetup = defineCommand({
  id: "admin.setup",
  words: ["setup"],
  positionals: [{ name: "code" }],
  options: [],
  args: z.object({
    code: z
      .string()
      .transform((s) => s.trim().toUpperCase())
      .refine((s) => /^[A-Z2-7]{4}-?[A-Z2-7]{4}-?[A-Z2-7]{4}$/.test(s), { message: "setup.bad_code" }),
  }),
  usage: "/mediaops setup <code>",
  summary: { en: "Become the first admin with the code from the service's log", "zh-CN": "用服务日志里的初始化码成为第一位管理员" },
  help: {
    en: "On a team without an admin the service prints a one-time setup code in its log at every start (valid 24 hours). Whoever types it first becomes the admin; the code then stops working.",
    "zh-CN": "团队还没有管理员时，服务每次启动都会在日志里打印一个一次性初始化码（24 小时内有效）。第一个输入它的人成为管理员，之后该码失效。",
  },
  examples: ["/mediaops setup K7Q2M4XAZBCD"],
});

/** /mediaops people [--role R]: everyone on the team with their roles, platforms and last activity. */
export const peopleList = defineCommand({
  id: "people.list",
  words: ["people"],
  positionals: [],
  options: [{ name: "role", help: { en: "only people with this role", "zh-CN": "只看有该角色的成员" } }],
  args: z.object({ role: ZRole.optional() }),
  usage: "/mediaops people [--role role]",
  summary: { en: "Everyone on the team: roles, platforms, last activity", "zh-CN": "团队成员：角色、已关联平台、最近活动" },
  examples: [{ en: "/mediaops people --role reviewer", "zh-CN": "/mediaops people --role 审核" }],
});

/** /mediaops role grant @user <role> (admins). */
export const peopleGrant = defineCommand({
  id: "people.grant",
  words: ["role", "grant"],
  positionals: [{ name: "user" }, { name: "role" }],
  options: [],
  args: z.object({ user: ZPerson, role: ZRole }),
  usage: "/mediaops role grant <@user> <admin|manager|reviewer|operator>",
  summary: { en: "Give someone a role", "zh-CN": "给成员授予角色" },
  examples: [{ en: "/mediaops role grant @li.wei manager", "zh-CN": "/mediaops role grant @li.wei 主管" }],
});

/** /mediaops role revoke @user <role> (admins); the last admin keeps theirs. */
export const peopleRevoke = defineCommand({
  id: "people.revoke",
  words: ["role", "revoke"],
  positionals: [{ name: "user" }, { name: "role" }],
  options: [],
  args: z.object({ user: ZPerson, role: ZRole }),
  usage: "/mediaops role revoke <@user> <admin|manager|reviewer|operator>",
  summary: { en: "Take a role away from someone", "zh-CN": "收回成员的角色" },
  examples: [{ en: "/mediaops role revoke @li.wei reviewer", "zh-CN": "/mediaops role revoke @li.wei 审核" }],
});

/** /mediaops remove @user [--to @user] (admins): deactivates, keeps history, hands over or lists open work. */
export const peopleRemove = defineCommand({
  id: "people.remove",
  words: ["remove"],
  positionals: [{ name: "user" }],
  options: [{ name: "to", help: { en: "who takes over their open work", "zh-CN": "由谁接手其未完成的工作" } }],
  args: z.object({ user: ZPerson, to: ZPerson.optional() }),
  usage: "/mediaops remove <@user> [--to <@user>]",
  summary: { en: "Remove someone from the team (history is kept)", "zh-CN": "将成员移出团队（保留历史记录）" },
  help: {
    en: "Open work waiting on them (review levels, SLA items, incident roles) goes to the person named with --to; without --to the reply lists it so nothing is left stuck.",
    "zh-CN": "等待此人处理的工作（审核级别、响应事项、事件角色）交给 --to 指定的人；不指定时回复中会逐项列出，避免无人处理。",
  },
  examples: ["/mediaops remove @chen.jie --to @liu.yang"],
});

/** /mediaops hours show: the team's working hours every deadline is counted on. */
export const hoursShow = defineCommand({
  id: "people.hours_show",
  words: ["hours", "show"],
  positionals: [],
  options: [],
  args: z.object({}),
  usage: "/mediaops hours show",
  summary: { en: "The team's working hours", "zh-CN": "团队的工作时间" },
  examples: ["/mediaops hours show"],
});

/** /mediaops hours set mon-fri 09:00-12:00,13:30-18:30 (admins): every later deadline follows them. */
export const hoursSet = defineCommand({
  id: "people.hours_set",
  words: ["hours", "set"],
  positionals: [{ name: "hours", rest: true }],
  options: [],
  args: z.object({ hours: z.string().min(1) }),
  usage: "/mediaops hours set <mon-fri 09:00-12:00,13:30-18:30>",
  summary: { en: "Change the team's working hours", "zh-CN": "修改团队的工作时间" },
  help: {
    en: "Days and their hours, groups separated by ';': mon-fri 09:00-12:00,13:30-18:30; sat 10:00-14:00. Days not named are off. Review and SLA deadlines set afterwards count these hours.",
    "zh-CN": "写明哪几天及其时段，多组之间用“;”分隔：周一至周五 09:00-12:00,13:30-18:30; 周六 10:00-14:00。未写的日子不上班。之后设定的审核和响应时限都按此计算。",
  },
  examples: [{ en: "/mediaops hours set mon-fri 09:00-12:00,13:30-18:30", "zh-CN": "/mediaops hours set 周一至周五 09:00-12:00,13:30-18:30" }],
});
