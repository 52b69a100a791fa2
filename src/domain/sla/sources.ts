// Where SLA items come from, and why a source may have failed. Pure vocabulary: /sla sources words each of
// these in the reader's language (templates/sla/sla-sources.card.ts).
import { PLATFORM_PROBLEMS } from "./platform-problems.js";

/** Every intake, in the order /sla sources lists them: WeChat OA comment poll, WeChat OA push, /ingest/comments, CSV import, /sla log. */
export const SLA_SOURCES = ["wechat_oa_comments", "wechat_oa", "webhook", "csv", "manual"] as const;

/** One intake. */
export type SlaSource = (typeof SLA_SOURCES)[number];

/** Why a source failed: a platform problem, or something missing in the team's SLA setting, or refused input. */
export const SOURCE_PROBLEMS = [...PLATFORM_PROBLEMS, "no_account", "ambiguous_account", "no_policy", "rejected"] as const;

/** One reason. */
export type SourceProblem = (typeof SOURCE_PROBLEMS)[number];
