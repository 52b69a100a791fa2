// Sample view models of the incident templates for the contract snapshots (spread into SAMPLES in sample-cards.ts).
import type { ModelOf } from "../../templates/index.js";
import { matrixRows } from "../../src/domain/incidents/matrix.js";
import { encodeAction } from "../../src/messaging/action.js";

const KEY = "contract-test-button-key";
const b = (action: string, subjectId: string) => encodeAction({ action, subjectType: "incident", subjectId, stateVersion: 4 }, KEY);
const capture = { "zh-CN": "截图并存档相关帖子", en: "Capture and archive the posts" };

const active: ModelOf<"incident.card"> = {
  id: 3, title: "微博负面帖发酵", isDrill: false, riskType: "public_opinion", severity: "SEV1", likelihood: "high", impact: "severe", status: "active",
  playbookName: { "zh-CN": "舆情应急预案", en: "Public-opinion crisis playbook" }, declaredBy: "王芳", declaredAt: "11-26 10:00",
  roles: [
    { role: "commander", name: null, required: true, holder: "刘洋", claimButton: null },
    { role: "legal", name: { "zh-CN": "法务", en: "Legal" }, required: true, holder: null, claimButton: b("claim", "3-legal") },
  ],
  nextSteps: [{ key: "capture", text: capture, role: "scribe", due: "11-26 10:15", overdue: true, owner: null, doneButton: b("done", "3-capture") }],
  stepsDone: 1, stepsTotal: 8, nextUpdateDue: "11-26 10:30", matrix: matrixRows({ likelihood: "high", impact: "severe" }),
  contacts: [{ name: { "zh-CN": "法务负责人", en: "Head of legal" }, detail: "legal@example.com" }],
  buttons: { update: b("update", "3"), severity: b("severity", "3"), resolve: b("resolve", "3") }, outcome: null, drillScore: null,
};

/** Samples per incident template. */
export const INCIDENT_SAMPLES: { [K in "incident.card" | "incident.notice" | "incident.playbooks" | "incident.review" | "incident.library" | "incident.warning" | "incident.thresholds"]: { name: string; model: ModelOf<K>; userContent?: readonly string[] }[] } = {
  "incident.card": [
    { name: "active", model: active },
    { name: "resolved-drill", model: { ...active, isDrill: true, status: "resolved", buttons: null, roles: active.roles.map((r) => ({ ...r, claimButton: null })), nextSteps: [], outcome: { by: "刘洋", at: "11-26 12:00", override: null }, drillScore: 83 } },
  ],
  "incident.notice": [
    { name: "update", model: { kind: "update", id: 3, title: "微博负面帖发酵", isDrill: false, severity: "SEV1", by: "刘洋", at: "11-26 10:40", text: "临时声明已发布" } },
    { name: "blocking", model: { kind: "blocking_open", id: 3, steps: [capture], resolveButton: b("force", "3") } },
    { name: "action-overdue", model: { kind: "action_overdue", id: 3, title: "微博负面帖发酵", isDrill: false, item: 4, text: "建立微博负面词监测", due: "2026-12-10", days: 2 } },
    {
      name: "playbook-refused",
      // File names, field paths and allowed values are what the admin types into the file: shown as they are.
      userContent: ["platform.yaml", "steps[0].dueMinutes", "content.yaml", "steps[2].role", "commander, platform_liaison", "commander、platform_liaison"],
      model: {
        kind: "playbook_refused",
        errors: [
          { file: "platform.yaml", line: 12, field: "steps[0].dueMinutes", problem: { code: "wrong_type", expected: "number" }, kept: true },
          { file: "content.yaml", line: 30, field: "steps[2].role", problem: { code: "not_one_of", options: ["commander", "platform_liaison"] }, kept: false },
        ],
      },
    },
  ],
  "incident.playbooks": [
    { name: "one", model: { items: [{ id: "public-opinion", riskType: "public_opinion", name: { "zh-CN": "舆情应急预案", en: "Public-opinion playbook" }, summary: { "zh-CN": "先取证", en: "Capture first" }, severities: ["SEV1", "SEV2"], steps: 8, cadence: "SEV1 30m / SEV2 60m" }] } },
  ],
  "incident.review": [
    {
      name: "review",
      model: {
        id: 3, title: "微博负面帖发酵", isDrill: false, riskType: "public_opinion", severity: "SEV1", declaredAt: "11-26 10:00", resolvedAt: "11-26 12:00", durationMinutes: 120, edits: {},
        timeline: [{ at: "11-26 10:00", who: "王芳", kind: "declared", text: "SEV1" }], wentWell: [{ code: "updates_sent", count: 3 }], wentBadly: [{ code: "steps_late", keys: ["capture"] }],
        actionItems: [{ id: 1, text: capture, owner: "刘洋", status: "open" }], drillScore: null,
        names: { steps: { capture }, roles: { commander: { code: "commander", name: null } } },
      },
    },
  ],
  "incident.warning": [
    {
      name: "crossed",
      model: {
        warningId: 5, thresholdId: 2, signal: "complaint_breaches", value: 4, limit: 3, window: "1h", riskType: "public_opinion", severity: "SEV2",
        playbook: { id: "public-opinion", name: { "zh-CN": "舆情应急预案", en: "Public-opinion crisis playbook" } }, crossedAt: "11-26 10:05",
        declareButton: b("declare", "w5"), declaredIncidentId: null,
      },
    },
    {
      name: "declared",
      model: {
        warningId: 5, thresholdId: 2, signal: "compliance_rejections", value: 6, limit: 5, window: "24h", riskType: "compliance", severity: "SEV1",
        playbook: null, crossedAt: "11-26 10:05", declareButton: null, declaredIncidentId: 7,
      },
    },
  ],
  "incident.thresholds": [
    {
      name: "list",
      model: {
        changed: { what: "set", id: 2 },
        items: [{ id: 2, signal: "negative_items", limit: 20, window: "1h", riskType: "public_opinion", severity: "SEV2", owner: "刘洋", playbook: "public-opinion", current: 21, above: true }],
      },
    },
    { name: "empty", model: { changed: null, items: [] } },
  ],
  "incident.library": [
    { name: "list", model: { items: [{ id: 3, title: "微博负面帖发酵", riskType: "public_opinion", severity: "SEV1", status: "resolved", declaredAt: "2026-11-26", durationMinutes: 120, reviewed: true, isDrill: false }], counts: { public_opinion: 1 }, query: null } },
  ],
};
