// Sending review cards through the outbox, inside the caller's transaction: a pass's request card to the
// review's channel and to each reviewer directly, the review's status card, in-place updates of every copy,
// and short alerts (reminders, escalations, nudges, outcomes).
import type { ReviewAlertKind, ReviewAlertView } from "../../../templates/review/review-view.js";
import type { Tx } from "../../db/client.js";
import { enqueueDirect, enqueuePost, enqueueUpdate } from "../outbox/enqueue.js";
import type { RequestScope } from "../scope.js";
import { quietEndOf } from "../quiet-hours.js";
import { currentPass, decisionsOf, type LevelRecord, type ReviewState } from "./review-records.js";
import { membersByIds, namesOf } from "./review-people.js";
import { statusView } from "./review-status-view.js";
import { fmtAt, requestView, viewContext, type ViewContext } from "./review-view-model.js";

/** Every copy of the review's status card is posted and updated under this key. */
export function reviewSubject(reviewId: number): string {
  return `review:${reviewId}`;
}

/** Every copy of one pass's request card (channel and direct messages) shares this key. */
export function passSubject(reviewId: number, passId: number): string {
  return `review:${reviewId}:pass:${passId}`;
}

/** Cards in a shared channel speak the team's language, whoever's click caused them. */
function teamVoice(scope: RequestScope): RequestScope {
  return { ...scope, actor: { ...scope.actor, locale: scope.team.locale } };
}

/** The view context for the scope's team and time. */
export function cardContext(tx: Tx, scope: RequestScope, s: ReviewState): Promise<ViewContext> {
  return viewContext(tx, s, scope.team.timezone, scope.now, scope.deps.buttonKey);
}

/** Posts the status card to the review's channel (on the first submission). */
export async function postStatusCard(tx: Tx, scope: RequestScope, s: ReviewState, ctx: ViewContext): Promise<void> {
  const card = { template: "review.status" as const, model: statusView(s, ctx, false) };
  await enqueuePost(tx, teamVoice(scope), card, { subjectKey: reviewSubject(s.review.id), stateVersion: s.review.stateVersion, channelId: s.review.channelId });
}

/** Posts a pass's request card to the channel (unless `channel` is false) and directly to `to` (default: its reviewers). */
export async function postRequestCards(tx: Tx, scope: RequestScope, s: ReviewState, pass: LevelRecord, ctx: ViewContext, opts: { to?: string[]; channel?: boolean } = {}): Promise<void> {
  const card = { template: "review.request" as const, model: requestView(s, pass, ctx) };
  const key = { subjectKey: passSubject(s.review.id, pass.id), stateVersion: s.review.stateVersion };
  if (opts.channel !== false) await enqueuePost(tx, teamVoice(scope), card, { ...key, channelId: s.review.channelId });
  const to = opts.to ?? pass.reviewers;
  const members = await membersByIds(tx, to);
  for (const id of to) await enqueueDirect(tx, scope, id, members.get(id)?.locale ?? scope.team.locale, card, key);
}

/** Updates every copy of the status card and of the request cards of `passes` to the review's current state. */
export async function refreshReviewCards(tx: Tx, scope: RequestScope, s: ReviewState, ctx: ViewContext, passes: readonly LevelRecord[]): Promise<void> {
  await enqueueUpdate(tx, scope, reviewSubject(s.review.id), s.review.stateVersion, { template: "review.status", model: statusView(s, ctx, false) });
  for (const p of passes) {
    const fresh = s.levels.find((l) => l.id === p.id) ?? p;
    await enqueueUpdate(tx, scope, passSubject(s.review.id, p.id), s.review.stateVersion, { template: "review.request", model: requestView(s, fresh, ctx) });
  }
}

/** What an alert says besides its kind. */
export interface AlertInput {
  kind: ReviewAlertKind;
  /** The pass it is about (default: the current one, else the last one asked). */
  pass?: LevelRecord;
  /** Told directly, each in their language. */
  to: readonly string[];
  /** Also posted to the review's channel. */
  channel: boolean;
  by?: string | null;
  reason?: string | null;
  targets?: readonly string[];
  /** A reminder or nudge: the direct message to someone in their quiet hours waits until those end. */
  quiet?: boolean;
}

/** Tells people about a review directly and, with `channel`, in the review's channel. */
export async function sendAlert(tx: Tx, scope: RequestScope, s: ReviewState, ctx: ViewContext, a: AlertInput): Promise<void> {
  const pass = a.pass ?? currentPass(s) ?? s.levels.at(-1);
  const members = await membersByIds(tx, [...a.to, ...(a.targets ?? []), a.by]);
  const decided = new Set(pass ? decisionsOf(s, pass).map((d) => d.reviewerId) : []);
  const level = pass?.level ?? s.review.currentLevel;
  const model: ReviewAlertView = {
    kind: a.kind,
    reviewId: s.review.id,
    topicId: s.topic.id,
    title: s.topic.title,
    version: s.review.currentVersion,
    level,
    levels: s.review.chain.levels.length,
    levelName: s.review.chain.levels[level - 1]!.name,
    deadline: pass ? fmtAt(pass.deadlineAt, ctx.zone, ctx.now) : "",
    pending: pass?.status === "pending" ? namesOf(ctx.members, pass.reviewers.filter((r) => !decided.has(r))) : [],
    targets: namesOf(members, a.targets ?? []),
    by: a.by ? (members.get(a.by)?.displayName ?? "?") : null,
    reason: a.reason ?? null,
  };
  const card = { template: "review.alert" as const, model };
  if (a.channel) await enqueuePost(tx, teamVoice(scope), card, { channelId: s.review.channelId });
  for (const id of new Set(a.to)) {
    const holdUntil = a.quiet ? await quietEndOf(tx, id, scope.now) : undefined;
    await enqueueDirect(tx, scope, id, members.get(id)?.locale ?? scope.team.locale, card, { holdUntil });
  }
}
