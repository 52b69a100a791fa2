// View models of the incident templates. Built by src/app/incidents/*; plain JSON (stored in the outbox).
import type { Localized } from "../../src/domain/locale.js";
import type { IncidentStatus } from "../../src/domain/incidents/lifecycle.js";
import type { MatrixRow } from "../../src/domain/incidents/matrix.js";
import type { Finding } from "../../src/domain/incidents/review.js";
import type { Signal } from "../../src/domain/incidents/thresholds.js";
import type { Impact, Likelihood, RiskType, Severity } from "../../src/domain/incidents/vocabulary.js";
import type { PlaybookProblem } from "../../src/domain/incidents/playbook.js";

/** A playbook file refused at start: where it is wrong, and whether its last good version stays in force. */
export interface RefusedPlaybookFile {
  file: string;
  line: number;
  field: string;
  problem: PlaybookProblem;
  kept: boolean;
}

/** A role line on the card. */
export interface IncidentRoleView {
  role: string;
  /** The playbook's name for its own roles; null for core roles. */
  name: Localized | null;
  required: boolean;
  holder: string | null;
  claimButton: string | null;
}

/** An open step on the card. */
export interface IncidentStepView {
  key: string;
  /** Its number in the playbook (1-based): what people type (/incident done 2) and see. Absent on old cards. */
  n?: number;
  text: Localized;
  role: string;
  due: string;
  overdue: boolean;
  owner: string | null;
  doneButton: string | null;
}

/** The incident card. */
export interface IncidentView {
  id: number;
  title: string;
  isDrill: boolean;
  riskType: RiskType;
  severity: Severity;
  likelihood: Likelihood;
  impact: Impact;
  status: IncidentStatus;
  playbookName: Localized;
  declaredBy: string;
  declaredAt: string;
  roles: IncidentRoleView[];
  nextSteps: IncidentStepView[];
  stepsDone: number;
  stepsTotal: number;
  nextUpdateDue: string | null;
  matrix: MatrixRow[];
  contacts: { name: Localized; detail: string }[];
  buttons: { update: string; severity: string; resolve: string } | null;
  outcome: { by: string; at: string; override: string | null } | null;
  drillScore: number | null;
}

/** A short incident message rendered in each reader's language. */
export type IncidentNotice =
  | { kind: "declared_elsewhere"; id: number; title: string; isDrill: boolean; channel: string; severity: Severity }
  | { kind: "update"; id: number; title: string; isDrill: boolean; severity: Severity; by: string; at: string; text: string }
  | { kind: "step_overdue"; id: number; title: string; isDrill: boolean; step: Localized; minutes: number }
  | { kind: "role_unclaimed"; id: number; title: string; isDrill: boolean; role: string; roleName: Localized | null; minutes: number }
  | { kind: "update_due"; id: number; title: string; isDrill: boolean; severity: Severity; cadence: number }
  | { kind: "done"; id: number; what: "claimed" | "handed" | "step" | "note" | "status" | "severity" | "resolved" | "reopened" | "update" | "review_edited" | "action_added" | "action_done"; detail: string; facts?: DoneFacts }
  | { kind: "action_overdue"; id: number; title: string; isDrill: boolean; item: number; text: Localized | string; due: string; days: number }
  | { kind: "blocking_open"; id: number; steps: Localized[]; resolveButton: string }
  /** errors: what each refused file has wrong (plain strings in rows written before they were data). */
  | { kind: "reloaded"; loaded: string[]; errors: (string | RefusedPlaybookFile)[] }
  | { kind: "playbook_refused"; errors: RefusedPlaybookFile[] }
  | { kind: "matrix"; matrix: MatrixRow[]; usage: string };

/** What a confirmation is about, named by the template in the reader's language (free text stays in `detail`). */
export interface DoneFacts {
  role?: RoleRef;
  holder?: string;
  step?: Localized;
  status?: { from: IncidentStatus; to: IncidentStatus };
  severity?: { from: Severity; to: Severity };
  section?: ReviewSection;
}

/** A role as people read it: a core role by its code (named by the template), a playbook role by its own names. */
export interface RoleRef {
  code: string;
  name: Localized | null;
}

/** The sections of a review a person may rewrite. */
export type ReviewSection = "summary" | "impact" | "wentWell" | "wentBadly";

/** One timeline line: when, who, what kind, and its facts (worded by the template) or free text. */
export interface TimelineEntry {
  at: string;
  who: string | null;
  kind: string;
  /** Free text a person wrote (an update, a note); empty otherwise. */
  text: string;
  facts?: TimelineFacts;
}

/** The facts of a timeline event, each named in the reader's language. */
export interface TimelineFacts {
  severity?: Severity;
  riskType?: RiskType;
  playbook?: Localized;
  status?: { from: IncidentStatus; to: IncidentStatus };
  severityChange?: { from: Severity; to: Severity };
  role?: RoleRef;
  step?: Localized;
  /** The person a role went to, or who was reminded. */
  person?: string;
  late?: boolean;
  override?: string;
  section?: ReviewSection;
  item?: number;
  drill?: boolean;
}

/** One playbook in the list. */
export interface PlaybookListItem {
  id: string;
  riskType: RiskType;
  name: Localized;
  summary: Localized;
  severities: Severity[];
  steps: number;
  cadence: string;
}

/** The review (复盘) document. */
export interface IncidentReviewView {
  id: number;
  title: string;
  isDrill: boolean;
  riskType: RiskType;
  severity: Severity;
  declaredAt: string;
  resolvedAt: string;
  durationMinutes: number;
  edits: { summary?: string; impact?: string; wentWell?: string; wentBadly?: string };
  timeline: TimelineEntry[];
  wentWell: Finding[];
  wentBadly: Finding[];
  /** Names of the step keys and role codes the findings mention. Absent on reviews stored before names. */
  names?: { steps: Record<string, Localized>; roles: Record<string, RoleRef> };
  actionItems: { id: number; text: Localized | string; owner: string | null; status: string; due?: string | null; overdue?: boolean }[];
  drillScore: { score: number; stepsOnTime: number; stepsTotal: number; rolesClaimed: number; rolesRequired: number; updatesSent: number; updatesExpected: number } | null;
}

/** One past incident in the library (风险事件库). */
export interface LibraryItem {
  id: number;
  title: string;
  riskType: RiskType;
  severity: Severity;
  status: IncidentStatus;
  declaredAt: string;
  durationMinutes: number | null;
  reviewed: boolean;
  isDrill: boolean;
}

/** One risk warning threshold as listed. */
export interface ThresholdItem {
  id: number;
  signal: Signal;
  limit: number;
  window: string;
  riskType: RiskType;
  severity: Severity;
  owner: string;
  playbook: string | null;
  /** The playbook's names (absent on lists stored before names). */
  playbookName?: Localized | null;
  /** Where the signal stands now, and whether it is above the limit (warned, not yet re-armed). */
  current: number;
  above: boolean;
}

/** The threshold list, after a change or on request. */
export interface ThresholdsView {
  changed: { what: "set" | "removed"; id: number } | null;
  items: ThresholdItem[];
}

/** The warning card the owner of a crossed threshold gets. */
export interface RiskWarningView {
  warningId: number;
  thresholdId: number;
  signal: Signal;
  value: number;
  limit: number;
  window: string;
  riskType: RiskType;
  severity: Severity;
  playbook: { id: string; name: Localized } | null;
  crossedAt: string;
  /** Declares an incident pre-filled with the risk type and level; null once declared. */
  declareButton: string | null;
  declaredIncidentId: number | null;
}
