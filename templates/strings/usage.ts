// A command's usage line in the reader's language: the command words and option names stay as typed, the
// placeholders (<title>, [note]) and the values offered (high|medium|low) are named in Chinese, where the
// parsers accept those Chinese names too.
import type { Locale } from "../../src/domain/locale.js";

/** Placeholder and value words of the usage lines → their Chinese names. Add yours when a command gets new ones. */
const ZH: Record<string, string> = {
  // things
  title: "标题", id: "编号", "review id": "审核编号", "topic id": "选题编号", note: "备注", reason: "原因", text: "内容", name: "名称",
  metric: "指标", platform: "平台", account: "账号", "platform/account": "平台/账号", day: "日期", date: "日期", time: "时间",
  "date [time]": "日期 [时间]", command: "命令", code: "验证码", type: "风险类型", "risk type": "风险类型", playbook: "预案",
  year: "年份", value: "目标值", step: "步骤", signal: "信号", section: "章节", role: "角色", link: "链接", limit: "阈值",
  levels: "各级设置", kind: "类型", when: "日期和时间", topic: "选题编号", review: "审核编号", item: "序号", threshold: "阈值编号", body: "内容", hours: "小时数", n: "序号", "draft link or text": "稿件链接或正文", "+30%": "+30%",
  "admin|manager|reviewer|operator": "管理员|主管|审核|运营", "topics|reviews|sla|incidents|kpi": "选题|审核|响应|事件|数据",
  "mon-fri 09:00-12:00,13:30-18:30": "周一至周五 09:00-12:00,13:30-18:30", zone: "时区", language: "语言", range: "时段",
  amount: "金额", conditions: "条件", chain: "流程名", "display name": "显示名称", level: "级别", words: "关键词", user: "用户",
  // values a person may type (each accepted in Chinese by its parser)
  any: "全部", week: "周", month: "月", quarter: "季度", today: "今天", yes: "是", no: "否", channel: "频道", me: "我",
  high: "高", medium: "中", low: "低", minor: "轻微", moderate: "中等", severe: "严重", stable: "已稳定", active: "处置中",
  urgent: "加急", sensitive: "敏感", NAME: "名称", owner: "负责人", lead: "组长", manager: "经理",
};

/** Words inside a placeholder: runs of letters and spaces, not option names (--x) nor handles (@user). */
function translateGroup(inner: string): string {
  const whole = ZH[inner.trim()];
  if (whole) return whole;
  return inner.replace(/(?<![-@\w])[A-Za-z][A-Za-z ]*[A-Za-z]|(?<![-@\w])[A-Za-z](?![\w])/g, (run) => ZH[run] ?? run.split(" ").map((w) => ZH[w] ?? w).join(" "));
}

/** Translates a bracket's content: nested <placeholders> whole, the rest word by word. */
function translateMixed(inner: string): string {
  return inner.split(/(<[^<>]*>)/).map((part) => (part.startsWith("<") ? `<${translateGroup(part.slice(1, -1))}>` : part && translateGroup(part))).join("");
}

/** The usage line as the reader of `locale` should see it. */
export function localUsage(usage: string, locale: Locale): string {
  if (locale === "en") return usage;
  return usage.replace(/ by </g, " 截止 <").replace(/<n>d\b/g, "<天数>天").replace(/<([^<>]*)>|\[((?:[^[\]<>]|<[^<>]*>)*)\]/g, (_group, angle: string | undefined, square: string | undefined) => {
    if (angle !== undefined) return `<${translateGroup(angle)}>`;
    // [--option value] keeps the option's name and translates its value; [word] is a placeholder.
    const m = /^(--[a-z-]+)(\s+)(.*)$/.exec(square!);
    return m ? `[${m[1]}${m[2]}${translateMixed(m[3]!)}]` : `[${translateMixed(square!)}]`;
  });
}

/** One argument's name as the reader of `locale` reads it ("reason" → "原因"). */
export function argName(arg: string, locale: Locale): string {
  return locale === "en" ? arg : (ZH[arg] ?? translateGroup(arg));
}
