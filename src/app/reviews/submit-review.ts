// /review submit: starts the review of a topic's draft on the chain its facts select, or (after a request for
// changes) submits the next version of the same review. The topic moves to "in review"; the first level is
// asked on request cards in the channel and in direct messages.
import { chainDisplayName, levelName } from "../../domain/reviews/chain.js";
import type { ArgsOf } from "../../../commands/index.js";
import { reviewNotices } from "../../../templates/review/review-notices.js";
import type { Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { selectChain } from "../../domain/reviews/select-chain.js";
import { assertTransition } from "../../domain/topics/lifecycle.js";
import { FORMATS, THEMES } from "../../domain/topics/vocabulary.js";
import { audit } from "../audit.js";
import { channelById, channelFor, pointToCard } from "../admin/channel-routes.js";
import { memberByHandle } from "../members.js";
import { replyNotice } from "../notify.js";
import type { RequestScope } from "../scope.js";
import { findTopic, type TopicRecord } from "../topics/load-topic.js";
import { activeChains } from "./review-chains.js";
import { cardContext, postRequestCards, postStatusCard, refreshReviewCards } from "./review-cards.js";
import { assertStaffed, bumpReview, moveTopic, openLevel } from "./review-levels.js";
import { resolvePeople } from "./review-people.js";
import { authorsOf, loadReviewState, reviewTx, toReviewRecord, type ReviewRecord } from "./review-records.js";

/** Submits the draft; returns the review id. */
export async function submitReview(scope: RequestScope, args: ArgsOf<"review.submit">): Promise<number> {
  const { db } = scope.deps;
  const cc = await Promise.all((args.cc ?? []).map((h) => memberByHandle(db, scope.team.id, h)));
  return reviewTx(db, async (tx) => {
    // The topic's row lock: two submissions of one topic at the same moment start one review.
    await tx.topic.updateMany({ where: { id: args.topic, teamId: scope.team.id }, data: { version: { increment: 0 } } });
    const topic = await findTopic(tx, scope.team.id, args.topic);
    const active = await tx.review.findFirst({ where: { teamId: scope.team.id, topicId: topic.id, status: { in: ["open", "changes_requested"] } }, orderBy: { id: "desc" } });
    if (active?.status === "open") throw new AppError("review.already_open", { id: active.id, topic: topic.id });
    assertTransition(topic.status, "in_review");
    const resubmitted = active ? toReviewRecord(active) : undefined;
    const review = resubmitted ?? (await createReview(tx, scope, topic, args.flags ?? { urgent: false, sensitive: false }));
    const version = resubmitted ? resubmitted.currentVersion + 1 : 1;
    const authors = authorsOf({ review, topic }, scope.actor.id);
    await assertStaffed(tx, scope.team.id, review.chain, authors, scope.actor.locale);
    await tx.reviewVersion.create({
      data: { reviewId: review.id, number: version, content: args.draft, note: args.note || null, submittedById: scope.actor.id, submittedAt: scope.now, status: "open" },
    });
    await moveTopic(tx, scope, topic, "in_review");
    const pass = await openLevel(tx, scope, review, version, 1, authors);
    const ccJson = JSON.stringify([...new Set([...review.cc, ...cc.map((m) => m.id)])]);
    await bumpReview(tx, review, { status: "open", currentVersion: version, currentLevel: 1, ccJson }, scope.now);
    await audit(tx, {
      teamId: scope.team.id, actorId: scope.actor.id, action: resubmitted ? "review.resubmit" : "review.submit", subjectType: "review", subjectId: review.id,
      after: { topicId: topic.id, version, chain: review.chainName, flags: review.flags, draft: args.draft.slice(0, 200) }, reason: args.note || null, at: scope.now,
    });
    const s = await loadReviewState(tx, scope.team.id, review.id);
    const ctx = await cardContext(tx, scope, s);
    if (resubmitted) await refreshReviewCards(tx, scope, s, ctx, []);
    else {
      await postStatusCard(tx, scope, s, ctx);
      await pointToCard(tx, scope, await channelById(tx, s.review.channelId));
    }
    await postRequestCards(tx, scope, s, s.levels.find((l) => l.id === pass.id)!, ctx);
    await replyNotice(tx, scope, reviewNotices[scope.actor.locale].submitted(review.id, topic.id, version, levelName(chainDisplayName(review.chain), scope.actor.locale), review.chain.levels.length));
    return review.id;
  });
}

/** A new review on the chain the topic's facts and the flags select. */
async function createReview(tx: Tx, scope: RequestScope, topic: TopicRecord, flags: { urgent: boolean; sensitive: boolean }): Promise<ReviewRecord> {
  const chains = await activeChains(tx, scope.team.id);
  const format = FORMATS.find((f) => f === topic.format) ?? null;
  const theme = THEMES.find((t) => t === topic.theme) ?? null;
  const piece = { platforms: topic.platforms, format, theme, ...flags };
  const picked = selectChain(chains, piece);
  if (!picked) throw new AppError("review.no_chain");
  const row = await tx.review.create({
    data: {
      teamId: scope.team.id, topicId: topic.id, chainName: picked.chain.name, chainJson: JSON.stringify(picked.chain), status: "open",
      authorId: scope.actor.id, channelId: (await channelFor(tx, scope, "reviews")).id, flagsJson: JSON.stringify(flags),
      ccJson: JSON.stringify(await resolvePeople(tx, scope.team.id, { users: picked.chain.cc })),
      currentVersion: 0, currentLevel: 1, createdAt: scope.now, updatedAt: scope.now,
    },
  });
  return toReviewRecord(row);
}
