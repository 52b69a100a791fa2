// Refusals of the people commands (setup, roles, remove), in both languages.
import type { ErrorCatalog } from "../catalog.js";

/** People error messages. */
export const peopleErrors: ErrorCatalog = {
  en: {
    "setup.bad_code": () => "A setup code is 12 letters and digits as printed in the service's log, e.g. /mediaops setup K7Q2M4XAZBCD.",
    "setup.code_invalid": () => "That setup code is unknown, already used or expired. A team that still has no admin gets a new code in the log at each start of the service.",
    "people.not_found": (p) => `Nobody on the team is called ${p.who}. Mention them (@name), or use the handle shown by /mediaops people.`,
    "people.unknown_role": (p) => `There is no role "${p.value}". Roles: admin, manager, reviewer, operator.`,
    "people.last_admin": (p) => `${p.name} is the team's last admin and keeps the role: without an admin nobody could give roles any more. Make someone else admin first.`,
    "people.removed": (p) => `${p.handle} was removed from the team. An admin can add them back with /mediaops role grant.`,
    "people.bad_successor": (p) => `${p.name} cannot take over: pick an active team member other than the person being removed.`,
    "hours.bad_day": (p) => `"${p.value}" is not a day or range of days. Write e.g. mon-fri, sat, mon,wed,fri. Nothing was changed.`,
    "hours.bad_range": (p) => `"${p.value}" is not a time range. Write e.g. 09:00-12:00. Nothing was changed.`,
    "hours.bad_time": (p) => `${p.value} is not a time of day (00:00 to 24:00). Nothing was changed.`,
    "hours.backwards": (p) => `${p.value} ends before it starts. Nothing was changed.`,
    "hours.overlap": (p) => `${p.value} and ${p.other} overlap. Nothing was changed.`,
    "hours.bad_layout": () => "Write days and their hours in pairs, e.g. mon-fri 09:00-12:00,13:30-18:30; sat 10:00-14:00. Nothing was changed.",
    "hours.none_worked": () => "Those hours leave no working time at all; deadlines could never come. Nothing was changed.",
  },
  "zh-CN": {
    "setup.bad_code": () => "初始化码是服务日志里打印的 12 位字母和数字，例如 /mediaops setup K7Q2M4XAZBCD。",
    "setup.code_invalid": () => "初始化码不存在、已被使用或已过期。团队还没有管理员时，服务每次启动都会在日志里打印新的初始化码。",
    "people.not_found": (p) => `团队中没有找到 ${p.who}。请 @ 提及此人，或使用 /mediaops people 列出的用户名。`,
    "people.unknown_role": (p) => `没有「${p.value}」这个角色。可用角色：管理员、主管、审核、运营。`,
    "people.last_admin": (p) => `${p.name} 是团队最后一位管理员，不能收回其管理员角色或将其移出：否则再也没有人能授予角色。请先让另一位成员成为管理员。`,
    "people.removed": (p) => `${p.handle} 已被移出团队。管理员可以用 /mediaops role grant 重新授予角色。`,
    "people.bad_successor": (p) => `${p.name} 不能接手：请指定一位仍在团队中、且不是被移出者本人的成员。`,
    "hours.bad_day": (p) => `“${p.value}”不是日期或日期范围，请写成 周一至周五、周六、周一,周三,周五 这样。没有做任何更改。`,
    "hours.bad_range": (p) => `“${p.value}”不是时间段，请写成 09:00-12:00 这样。没有做任何更改。`,
    "hours.bad_time": (p) => `${p.value} 不是有效的时间（00:00 到 24:00）。没有做任何更改。`,
    "hours.backwards": (p) => `${p.value} 的结束时间早于开始时间。没有做任何更改。`,
    "hours.overlap": (p) => `${p.value} 与 ${p.other} 有重叠。没有做任何更改。`,
    "hours.bad_layout": () => "请按“日期 时段”成对书写，例如 周一至周五 09:00-12:00,13:30-18:30; 周六 10:00-14:00。没有做任何更改。",
    "hours.none_worked": () => "这样设置后没有任何工作时间，时限将永远无法到期。没有做任何更改。",
  },
};
