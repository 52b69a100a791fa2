// The writes every review use case shares: asking a level (a new pass with its reviewers and deadline),
// closing a pass exactly once, and moving the review's state version so its cards update in order.
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { levelName, type TChain } from "../../domain/reviews/chain.js";
import { planLevel } from "../../domain/reviews/deadlines.js";
import { isStaffed, requiredApprovals } from "../../domain/reviews/rules.js";
import type { LevelStatus, ReviewStatus } from "../../domain/reviews/status.js";
import { assertTransition, type TopicStatus } from "../../domain/topics/lifecycle.js";
import type { RequestScope } from "../scope.js";
import { changeTopic } from "../topics/change-topic.js";
import type { TopicRecord } from "../topics/load-topic.js";
import { toLevelRecord, type LevelRecord, type ReviewRecord } from "./review-records.js";
import { resolvePeople } from "./review-people.js";
import { teamCalendar } from "../calendar/team-calendar.js";

/** Review fields a change may set besides its state version. */
export interface ReviewChange {
  status?: ReviewStatus;
  currentVersion?: number;
  currentLevel?: number;
  closedById?: string | null;
  closedAt?: Date | null;
  closedReason?: string | null;
  ccJson?: string;
}

/**
 * Applies `change` and moves the state version on, refusing if anyone changed the review since it was read.
 * Every card of the review is then updated to the new version; an older state never overwrites a newer one.
 */
export async function bumpReview(tx: Tx, review: ReviewRecord, change: ReviewChange, now: Date): Promise<void> {
  const res = await tx.review.updateMany({
    where: { id: review.id, stateVersion: review.stateVersion },
    data: { ...change, stateVersion: review.stateVersion + 1, updatedAt: now },
  });
  if (res.count === 0) throw new AppError("review.changed_meanwhile", { id: review.id });
}

/** Refuses a chain that cannot be staffed for these authors: each level met, and two different people in all. */
export async function assertStaffed(tx: Tx, teamId: string, chain: TChain, authors: readonly string[], locale: RequestScope["actor"]["locale"]): Promise<void> {
  const everyone = new Set<string>();
  for (const [i, level] of chain.levels.entries()) {
    const ids = await resolvePeople(tx, teamId, level.reviewers, authors);
    ids.forEach((id) => everyone.add(id));
    if (!isStaffed(level.rule, ids.length)) {
      const need = Math.max(1, requiredApprovals(level.rule, level.reviewers.users.length));
      throw new AppError("review.unstaffed", { level: i + 1, name: levelName(level.name, locale), need, have: ids.length });
    }
  }
  if (everyone.size < 2) throw new AppError("review.two_person_people", { chain: chain.name });
}

/** Asks `level` of `version`: a new pass with its reviewers (authors left out) and its deadline on the team calendar. */
export async function openLevel(tx: Tx, scope: RequestScope, review: ReviewRecord, version: number, level: number, authors: readonly string[]): Promise<LevelRecord> {
  const def = review.chain.levels[level - 1];
  if (!def) throw new Error(`Review(${review.id}) has no level ${level}`);
  const reviewers = await resolvePeople(tx, review.teamId, def.reviewers, authors);
  if (!isStaffed(def.rule, reviewers.length)) {
    throw new AppError("review.unstaffed", { level, name: levelName(def.name, scope.actor.locale), need: Math.max(1, requiredApprovals(def.rule, reviewers.length)), have: reviewers.length });
  }
  const pass = (await tx.reviewLevelState.count({ where: { reviewId: review.id, version, level } })) + 1;
  const plan = planLevel(teamCalendar(scope.team.timezone), scope.now, def);
  const row = await tx.reviewLevelState.create({
    data: {
      reviewId: review.id, version, level, pass, status: "pending", reviewersJson: JSON.stringify(reviewers),
      startedAt: scope.now, deadlineAt: plan.deadlineAt, nextReminderAt: plan.nextReminderAt,
    },
  });
  return toLevelRecord(row);
}

/** Closes a pending pass as `status`; a pass already closed (by a click a moment earlier) is refused. */
export async function closePass(tx: Tx, pass: LevelRecord, status: Exclude<LevelStatus, "pending">, now: Date): Promise<void> {
  const res = await tx.reviewLevelState.updateMany({ where: { id: pass.id, status: "pending" }, data: { status, decidedAt: now, nextReminderAt: null } });
  if (res.count === 0) throw new AppError("review.changed_meanwhile", { id: pass.reviewId });
}

/** Moves the reviewed topic through its lifecycle (its cards update too); moves the lifecycle forbids are refused. */
export async function moveTopic(tx: Tx, scope: RequestScope, topic: TopicRecord, to: TopicStatus, opts: { reason?: string | null; decided?: boolean } = {}): Promise<void> {
  if (topic.status === to) return;
  assertTransition(topic.status, to);
  const reason = opts.reason !== undefined ? { reason: opts.reason } : {};
  await changeTopic(tx, scope, topic, { status: to, ...reason, decided: opts.decided }, `topic.${to}`);
}
