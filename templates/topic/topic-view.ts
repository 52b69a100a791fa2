// The view model every topic card is rendered from. Built by src/app/topics/topic-view-model.ts.
import type { TopicStatus } from "../../src/domain/topics/lifecycle.js";
import type { Platform, Theme, TopicFormat } from "../../src/domain/topics/vocabulary.js";

/** What a topic card shows. Button values are already encoded; the template only places them. */
export interface TopicView {
  id: number;
  title: string;
  status: TopicStatus;
  theme: Theme | null;
  platforms: Platform[];
  format: TopicFormat | null;
  plannedDay: string | null;
  plannedTime: string | null;
  /** The platform's usual best time when the topic has a day but no time (first platform). */
  suggestedTime: string | null;
  angle: string | null;
  references: string | null;
  reason: string | null;
  proposer: string;
  owner: string | null;
  voters: string[];
  /** The existing topic this one looks like; `show` is the signed value of its "open" button. */
  duplicateOf: { id: number; title: string; show?: string } | null;
  /** Who made the last decision and when (team-local HH:mm), for the outcome line. */
  decision: { by: string; at: string } | null;
  version: number;
  buttons: { accept: string; reject: string; vote: string } | null;
}
