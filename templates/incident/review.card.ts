// The review (复盘) document: summary, impact, timeline, what went well, what did not, action items.
import type { Locale } from "../../src/domain/locale.js";
import type { Finding } from "../../src/domain/incidents/review.js";
import type { Card, CardBlock } from "../../src/messaging/card.js";
import { RISK_NAMES, incidentCopy } from "./incident-copy.js";
import type { IncidentReviewView } from "./incident-view.js";
import { actionStatus, roleLabel, timelineLine } from "./timeline-lines.js";

function finding(f: Finding, l: Locale, v: IncidentReviewView): string {
  const en = l === "en";
  const sep = en ? ", " : "、";
  const steps = (keys: string[]) => keys.map((k) => v.names?.steps[k]?.[l] ?? k).join(sep);
  const roles = (codes: string[]) => codes.map((c) => roleLabel(l, v.names?.roles[c] ?? { code: c, name: null })).join(sep);
  switch (f.code) {
    case "steps_on_time": return en ? `${f.count} of ${f.total} steps done on time` : `${f.total} 个步骤中 ${f.count} 个按时完成`;
    case "steps_late": return en ? `Late steps: ${steps(f.keys)}` : `超时完成的步骤：${steps(f.keys)}`;
    case "steps_open": return en ? `Steps never done: ${steps(f.keys)}` : `未完成的步骤：${steps(f.keys)}`;
    case "roles_claimed": return en ? `All ${f.total} required roles were claimed` : `${f.total} 个必需角色均有人认领`;
    case "roles_unclaimed": return en ? `Required roles never claimed: ${roles(f.roles)}` : `始终无人认领的必需角色：${roles(f.roles)}`;
    case "updates_sent": return en ? `${f.count} status updates sent` : `发布了 ${f.count} 次进展通报`;
    case "updates_missed": return en ? `The commander was reminded ${f.reminders} times to post an update` : `指挥被提醒了 ${f.reminders} 次发布通报`;
    case "resolved_with_override": return en ? `Resolved with blocking steps open: ${f.reason}` : `阻塞步骤未完成即解决：${f.reason}`;
  }
}

/** Renders a review. */
export function reviewCard(v: IncidentReviewView, locale: Locale): Card {
  const en = locale === "en";
  const drill = v.isDrill ? `[${incidentCopy[locale].drill}] ` : "";
  const title = en ? `${drill}Review of incident #${v.id} ${v.title}` : `${drill}事件 #${v.id} ${v.title} 复盘`;
  const summary = v.edits.summary ?? (en
    ? `${RISK_NAMES.en[v.riskType]} incident at ${v.severity}, declared ${v.declaredAt}, resolved ${v.resolvedAt} after ${v.durationMinutes} min.`
    : `${RISK_NAMES["zh-CN"][v.riskType]}事件，级别 ${v.severity}，${v.declaredAt} 发起，${v.resolvedAt} 解决，历时 ${v.durationMinutes} 分钟。`);
  const impact = v.edits.impact ?? (en ? "(to be written by the team)" : "（待团队补充）");
  const none = en ? "nothing noted" : "暂无";
  const section = (h: string, items: string[]): CardBlock[] => [{ type: "text", text: h }, { type: "list", items: items.length > 0 ? items : [none] }];
  const blocks: CardBlock[] = [
    { type: "text", text: `${en ? "Summary" : "概述"}: ${summary}` },
    { type: "text", text: `${en ? "Impact" : "影响"}: ${impact}` },
    ...section(en ? "Timeline" : "时间线", v.timeline.map((t) => timelineLine(t, locale))),
    ...section(en ? "What went well" : "做得好的", [...(v.edits.wentWell ? [v.edits.wentWell] : []), ...v.wentWell.map((f) => finding(f, locale, v))]),
    ...section(en ? "What did not" : "待改进的", [...(v.edits.wentBadly ? [v.edits.wentBadly] : []), ...v.wentBadly.map((f) => finding(f, locale, v))]),
    ...section(en ? "Action items" : "改进行动项", v.actionItems.map((a) => {
      const due = a.due ? ` · ${en ? "due" : "截止"} ${a.due}${a.overdue ? (en ? " (overdue)" : "（已逾期）") : ""}` : "";
      return `#${a.id} ${typeof a.text === "string" ? a.text : a.text[locale]} · ${a.owner ?? (en ? "no owner" : "未指定")}${due} · ${actionStatus(locale, a.status)}`;
    })),
  ];
  if (v.drillScore) {
    const s = v.drillScore;
    blocks.unshift({ type: "context", text: en
      ? `Drill score ${s.score}/100: steps on time ${s.stepsOnTime}/${s.stepsTotal}, roles claimed ${s.rolesClaimed}/${s.rolesRequired}, updates ${s.updatesSent}/${s.updatesExpected}`
      : `演练得分 ${s.score}/100：按时步骤 ${s.stepsOnTime}/${s.stepsTotal}，角色认领 ${s.rolesClaimed}/${s.rolesRequired}，通报 ${s.updatesSent}/${s.updatesExpected}` });
  }
  const text = blocks.flatMap((b) => (b.type === "text" || b.type === "context" ? [b.text] : b.type === "list" ? b.items : []));
  return { title, tone: "info", blocks, fallbackText: [title, ...text].join("\n") };
}
