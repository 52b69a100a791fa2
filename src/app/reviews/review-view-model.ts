// Review state → the level views and the request card view. Names and times are resolved here (team zone);
// sentences are left to the templates, which render them in each reader's language.
import type { LevelLineView, LevelOutcomeView, ReviewRequestView } from "../../../templates/review/review-view.js";
import type { Db, Tx } from "../../db/client.js";
import { isOverdue } from "../../domain/reviews/deadlines.js";
import { diffDrafts, isLink } from "../../domain/reviews/diff.js";
import { evaluateLevel, sendBackTargets, type ReviewDecisionKind } from "../../domain/reviews/rules.js";
import dayjs from "../../lib/dayjs.js";
import { encodeAction } from "../../messaging/action.js";
import type { Member } from "../members.js";
import { decisionsOf, versionOf, type LevelRecord, type ReviewState } from "./review-records.js";
import { membersByIds, namesOf } from "./review-people.js";

/** What view building needs besides the state. */
export interface ViewContext {
  members: ReadonlyMap<string, Member>;
  zone: string;
  now: Date;
  buttonKey: string;
}

/** Loads the members a review's views name. */
export async function viewContext(db: Db | Tx, s: ReviewState, zone: string, now: Date, buttonKey: string): Promise<ViewContext> {
  const ids = [s.review.authorId, s.review.closedById, s.topic.ownerId, ...s.review.cc, ...s.versions.map((v) => v.submittedById), ...s.levels.flatMap((l) => l.reviewers), ...s.decisions.map((d) => d.reviewerId)];
  return { members: await membersByIds(db, ids), zone, now, buttonKey };
}

/** "10:42" on the same day as `now` (team zone), else "11-27 10:42". */
export function fmtAt(d: Date, zone: string, now: Date): string {
  const t = dayjs(d).tz(zone);
  return t.format("YYYY-MM-DD") === dayjs(now).tz(zone).format("YYYY-MM-DD") ? t.format("HH:mm") : t.format("MM-DD HH:mm");
}

/** The latest pass of `level` in `version`, if the chain has reached it. */
export function latestPass(s: ReviewState, version: number, level: number): LevelRecord | undefined {
  return s.levels.filter((l) => l.version === version && l.level === level).at(-1);
}

/** How a decided pass ended, or null while it is pending. */
export function passOutcome(s: ReviewState, pass: LevelRecord, ctx: ViewContext): LevelOutcomeView | null {
  if (pass.status === "pending") return null;
  const at = fmtAt(pass.decidedAt ?? ctx.now, ctx.zone, ctx.now);
  if (pass.status === "withdrawn") {
    return { status: "withdrawn", by: namesOf(ctx.members, s.review.closedById ? [s.review.closedById] : []), at, reason: s.review.closedReason, sentBackTo: null };
  }
  const decisions = decisionsOf(s, pass);
  if (pass.status === "approved") {
    const by = decisions.filter((d) => d.decision === "approve").map((d) => d.reviewerId);
    return { status: "approved", by: namesOf(ctx.members, by), at, reason: null, sentBackTo: null };
  }
  const decisive = decisions.filter((d) => d.decision !== "approve").at(-1);
  return { status: pass.status, by: namesOf(ctx.members, decisive ? [decisive.reviewerId] : []), at, reason: decisive?.reason ?? null, sentBackTo: decisive?.sendBackTo ?? null };
}

/** One level of a version as lists show it; `pass` undefined means not asked yet. */
export function levelLineView(s: ReviewState, level: number, pass: LevelRecord | undefined, ctx: ViewContext): LevelLineView {
  const def = s.review.chain.levels[level - 1]!;
  const base = { level, levels: s.review.chain.levels.length, name: def.name, rule: def.rule };
  if (!pass) {
    return { ...base, reviewerCount: def.reviewers.users.length, pass: 0, status: "not_asked", decisions: [], pending: [], deadline: null, overdue: false, tookMinutes: null, outcome: null };
  }
  const decisions = decisionsOf(s, pass);
  const decided = new Set(decisions.map((d) => d.reviewerId));
  return {
    ...base,
    reviewerCount: pass.reviewers.length,
    pass: pass.pass,
    status: pass.status,
    decisions: decisions.map((d) => ({ by: namesOf(ctx.members, [d.reviewerId])[0]!, decision: d.decision as ReviewDecisionKind, at: fmtAt(d.createdAt, ctx.zone, ctx.now), reason: d.reason })),
    pending: pass.status === "pending" ? namesOf(ctx.members, pass.reviewers.filter((r) => !decided.has(r))) : [],
    deadline: fmtAt(pass.deadlineAt, ctx.zone, ctx.now),
    overdue: pass.status === "pending" && isOverdue(pass.deadlineAt, ctx.now),
    tookMinutes: pass.decidedAt ? Math.round((pass.decidedAt.getTime() - pass.startedAt.getTime()) / 60_000) : null,
    outcome: passOutcome(s, pass, ctx),
  };
}

/** Who approved the earlier levels of `pass`'s version (their latest passes), for the two-person rule. */
export function earlierApprovers(s: ReviewState, pass: LevelRecord): string[] {
  const out: string[] = [];
  for (let level = 1; level < pass.level; level++) {
    const p = latestPass(s, pass.version, level);
    if (p?.status === "approved") out.push(...decisionsOf(s, p).filter((d) => d.decision === "approve").map((d) => d.reviewerId));
  }
  return out;
}

/** The request card of one pass: what its reviewers need to decide, and (while pending) the buttons. */
export function requestView(s: ReviewState, pass: LevelRecord, ctx: ViewContext): ReviewRequestView {
  const def = s.review.chain.levels[pass.level - 1]!;
  const version = versionOf(s, pass.version);
  const approved = new Set(decisionsOf(s, pass).filter((d) => d.decision === "approve").map((d) => d.reviewerId));
  const verdict = evaluateLevel({ rule: def.rule, reviewers: pass.reviewers, approvedBy: [...approved], earlierApprovers: earlierApprovers(s, pass), isLast: pass.level === s.review.chain.levels.length });
  const open = pass.status === "pending" && s.review.status === "open";
  const button = (action: string) => encodeAction({ action, subjectType: "review", subjectId: String(s.review.id), stateVersion: pass.id }, ctx.buttonKey);
  return {
    reviewId: s.review.id,
    topicId: s.topic.id,
    title: s.topic.title,
    author: namesOf(ctx.members, [version.submittedById])[0]!,
    version: pass.version,
    level: pass.level,
    levels: s.review.chain.levels.length,
    levelName: def.name,
    rule: def.rule,
    reviewers: pass.reviewers.map((id) => ({ name: namesOf(ctx.members, [id])[0]!, approved: approved.has(id) })),
    deadline: fmtAt(pass.deadlineAt, ctx.zone, ctx.now),
    urgent: s.review.flags.urgent,
    sensitive: s.review.flags.sensitive,
    draft: isLink(version.content) ? { link: version.content.trim(), text: null } : { link: null, text: version.content },
    note: version.note,
    changes: changesSincePrevious(s, pass.version, ctx),
    earlier: Array.from({ length: pass.level - 1 }, (_, i) => levelLineView(s, i + 1, latestPass(s, pass.version, i + 1), ctx)),
    needsSecondPerson: verdict.kind === "pending" && verdict.needsSecondPerson,
    outcome: passOutcome(s, pass, ctx),
    buttons: open
      ? {
          approve: button("approve"),
          changes: button("changes"),
          reject: button("reject"),
          back: sendBackTargets(pass.level).map((l) => ({ level: l, name: s.review.chain.levels[l - 1]!.name, value: button(`back_${l}`) })),
        }
      : null,
  };
}

/** For a resubmission: the diff from the previous version and the request for changes that caused it. */
function changesSincePrevious(s: ReviewState, version: number, ctx: ViewContext): ReviewRequestView["changes"] {
  if (version < 2) return null;
  const before = versionOf(s, version - 1);
  const after = versionOf(s, version);
  const asked = s.decisions.filter((d) => d.version === version - 1 && d.decision === "changes" && d.sendBackTo === null).at(-1);
  return {
    from: version - 1,
    ...diffDrafts(before.content, after.content),
    asked: asked ? { by: namesOf(ctx.members, [asked.reviewerId])[0]!, reason: asked.reason ?? "" } : null,
  };
}
