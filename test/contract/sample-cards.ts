// One or more view models per template in templates/index.ts, rendered in both languages: what the platform
// render snapshots are taken of. A template without samples fails the contract tests.
import { TEMPLATES, renderTemplate, type ModelOf, type TemplateId } from "../../templates/index.js";
import type { Card } from "../../src/messaging/card.js";
import type { Locale } from "../../src/domain/locale.js";
import { encodeAction } from "../../src/messaging/action.js";
import { SLA_SAMPLES } from "./sla-samples.js";
import { REVIEW_SAMPLES } from "./review-samples.js";
import { KPI_SAMPLES } from "./kpi-samples.js";
import { INCIDENT_SAMPLES } from "./incident-samples.js";

/** The button key the sample buttons are signed with. */
export const SAMPLE_BUTTON_KEY = "contract-test-button-key";

const button = (action: string, id: number, version: number) => encodeAction({ action, subjectType: "topic", subjectId: String(id), stateVersion: version }, SAMPLE_BUTTON_KEY);

const idea: ModelOf<"topic.card"> = {
  id: 12, title: "双十一后的退货潮：三个省心技巧", status: "idea", theme: "tips", platforms: ["xiaohongshu", "douyin"], format: "short_video",
  plannedDay: "2026-11-30", plannedTime: null, suggestedTime: "20:00", angle: "从仓库视角讲退货", references: "https://example.com/brief",
  reason: null, proposer: "陈杰", owner: null, voters: ["王芳", "李伟"], duplicateOf: { id: 9, title: "退货技巧合集" }, decision: null, version: 3,
  buttons: { accept: button("accept", 12, 3), reject: button("reject", 12, 3), vote: button("vote", 12, 3) },
};

/** One sample of a template: a name, its view model, and the strings in it a person wrote (titles, names, notes). */
export interface Sample<K extends TemplateId> {
  name: string;
  model: ModelOf<K>;
  /** User content beyond SAMPLE_USER_CONTENT that the raw-identifier test must not flag (test/words). */
  userContent?: readonly string[];
}

/**
 * Strings of the samples that people or platforms wrote, in Latin letters: the raw-identifier test
 * (test/words/templates.test.ts) leaves them alone. Keep titles and notes Chinese where you can.
 */
export const SAMPLE_USER_CONTENT: readonly string[] = ["Emma Clarke", "How our users cut energy bills", "Error: An API error occurred: channel_not_found"];

/** The registry: every template id → its samples. A template without samples fails the contract and words tests. */
export const SAMPLES: { [K in TemplateId]: Sample<K>[] } = {
  "admin.outbox": [
    { name: "healthy", model: { counts: { pending: 0, sending: 0, sent: 120, dead: 0 }, dead: [] } },
    {
      name: "dead-letters",
      model: {
        counts: { pending: 2, sending: 1, sent: 118, dead: 1 },
        dead: [{ id: 7, kind: "post", template: "topic.card", attempts: 8, lastError: "Error: An API error occurred: channel_not_found", retry: encodeAction({ action: "retry", subjectType: "outbox", subjectId: "7", stateVersion: 8 }, SAMPLE_BUTTON_KEY) }],
      },
    },
  ],
  notice: [
    { name: "short", model: { title: "选题 #12 已提交。", tone: "success" } },
    { name: "lines", model: { title: "Topic #12 moved", lines: ["from idea", "to accepted"], tone: "info" } },
  ],
  help: [
    { name: "overview", model: { ids: ["topic.propose", "topic.list", "topic.accept", "topic.reject", "topic.calendar"], detail: false } },
    { name: "detail", model: { ids: ["topic.propose"], detail: true } },
    { name: "permissions", model: { ids: [], detail: false, permissions: true } },
  ],
  "topic.card": [
    { name: "idea-with-buttons", model: idea },
    {
      name: "rejected",
      model: { ...idea, status: "rejected", reason: "与上周内容重复", buttons: null, decision: { by: "王芳", at: "11-26 10:42" }, version: 4, voters: [] },
    },
  ],
  "topic.list": [
    {
      name: "backlog",
      model: {
        total: 23,
        items: Array.from({ length: 20 }, (_, i) => ({ id: i + 1, title: `选题 ${i + 1}：一个相当长的标题用来检查截断`, status: i % 2 ? "idea" : "accepted", platforms: ["weibo"], plannedDay: i % 3 ? null : "2026-12-01", owner: i % 4 ? null : "zhang.min" })),
      },
    },
    { name: "empty", model: { total: 0, items: [] } },
  ],
  "topic.calendar": [
    {
      name: "week",
      model: {
        from: "2026-11-30",
        to: "2026-12-06",
        calendar: {
          days: ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"].map((day, i) => ({
            day,
            weekday: (i + 1) % 7,
            entries: i % 2 ? [] : [{ topicId: 12, title: "退货潮技巧", platform: "douyin" as const, time: "20:00", suggestedTime: null, status: "scheduled" as const }],
          })),
          themeMix: [
            { theme: "tips", count: 3, share: 0.5, target: 0.25, delta: 0.25 },
            { theme: "news", count: 1, share: 0.17, target: 0.25, delta: -0.08 },
          ],
          unthemed: 2,
        },
      },
    },
  ],
  ...SLA_SAMPLES,
  ...REVIEW_SAMPLES,
  ...KPI_SAMPLES,
  ...INCIDENT_SAMPLES,
};

/** A rendered sample: its name ("topic.card/idea-with-buttons/zh-CN") and card. */
export interface SampleCard {
  name: string;
  card: Card;
}

/** A rendered sample with what the words test needs to know about it. */
export interface RenderedSample extends SampleCard {
  id: TemplateId;
  locale: Locale;
  userContent: readonly string[];
}

/** Every sample of every template in both languages, with its user content; throws when a template has no samples. */
export function renderedSamples(): RenderedSample[] {
  const out: RenderedSample[] = [];
  for (const id of Object.keys(TEMPLATES) as TemplateId[]) {
    const samples = SAMPLES[id] as Sample<TemplateId>[] | undefined;
    if (!samples || samples.length === 0) throw new Error(`template ${id} has no contract samples`);
    for (const s of samples) {
      for (const locale of ["zh-CN", "en"] as Locale[]) {
        out.push({ id, locale, name: `${id}/${s.name}/${locale}`, card: renderTemplate(id, s.model, locale), userContent: [...SAMPLE_USER_CONTENT, ...(s.userContent ?? [])] });
      }
    }
  }
  return out;
}

/** Every sample of every template in both languages; throws when a template has no samples. */
export function sampleCards(): SampleCard[] {
  return renderedSamples().map(({ name, card }) => ({ name, card }));
}
