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
  },
  "zh-CN": {
    "setup.bad_code": () => "初始化码是服务日志里打印的 12 位字母和数字，例如 /mediaops setup K7Q2M4XAZBCD。",
    "setup.code_invalid": () => "初始化码不存在、已被使用或已过期。团队还没有管理员时，服务每次启动都会在日志里打印新的初始化码。",
    "people.not_found": (p) => `团队中没有找到 ${p.who}。请 @ 提及此人，或使用 /mediaops people 列出的用户名。`,
    "people.unknown_role": (p) => `没有「${p.value}」这个角色。可用角色：管理员、主管、审核、运营。`,
    "people.last_admin": (p) => `${p.name} 是团队最后一位管理员，不能收回其管理员角色或将其移出：否则再也没有人能授予角色。请先让另一位成员成为管理员。`,
    "people.removed": (p) => `${p.handle} 已被移出团队。管理员可以用 /mediaops role grant 重新授予角色。`,
    "people.bad_successor": (p) => `${p.name} 不能接手：请指定一位仍在团队中、且不是被移出者本人的成员。`,
  },
};
