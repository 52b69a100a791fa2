// Reading reviews back: JSON columns checked through zod, ids scoped to the team, missing ids refused.
import { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { ZChain, type TChain } from "../../domain/reviews/chain.js";
import { isLevelStatus, isReviewStatus, type LevelStatus, type ReviewStatus } from "../../domain/reviews/status.js";
import { readJson } from "../../lib/json.js";
import { findTopic, type TopicRecord } from "../topics/load-topic.js";

type ReviewRow = NonNullable<Awaited<ReturnType<Db["review"]["findUnique"]>>>;
type LevelRow = NonNullable<Awaited<ReturnType<Db["reviewLevelState"]["findUnique"]>>>;
/** A decision row (never changed after it is written). */
export type DecisionRecord = NonNullable<Awaited<ReturnType<Db["reviewDecision"]["findUnique"]>>>;
/** A submitted version row. */
export type VersionRecord = NonNullable<Awaited<ReturnType<Db["reviewVersion"]["findUnique"]>>>;

const ZFlags = z.object({ urgent: z.boolean(), sensitive: z.boolean() });
const ZIds = z.array(z.string());

/** A review with its status, chain snapshot, flags and CC list parsed. */
export type ReviewRecord = Omit<ReviewRow, "status"> & { status: ReviewStatus; chain: TChain; flags: z.infer<typeof ZFlags>; cc: string[] };
/** A level pass with its status and reviewers parsed. */
export type LevelRecord = Omit<LevelRow, "status"> & { status: LevelStatus; reviewers: string[] };

/** Row → record. */
export function toReviewRecord(row: ReviewRow): ReviewRecord {
  if (!isReviewStatus(row.status)) throw new Error(`Review(${row.id}) has unknown status ${row.status}`);
  return {
    ...row,
    status: row.status,
    chain: readJson(ZChain, row.chainJson, `Review(${row.id}).chainJson`),
    flags: readJson(ZFlags, row.flagsJson, `Review(${row.id}).flagsJson`),
    cc: readJson(ZIds, row.ccJson, `Review(${row.id}).ccJson`),
  };
}

/** Row → record. */
export function toLevelRecord(row: LevelRow): LevelRecord {
  if (!isLevelStatus(row.status)) throw new Error(`ReviewLevelState(${row.id}) has unknown status ${row.status}`);
  return { ...row, status: row.status, reviewers: readJson(ZIds, row.reviewersJson, `ReviewLevelState(${row.id}).reviewersJson`) };
}

/** The team's review `id`, or the "no such review" refusal. */
export async function findReview(db: Db | Tx, teamId: string, id: number): Promise<ReviewRecord> {
  const row = await db.review.findFirst({ where: { id, teamId } });
  if (!row) throw new AppError("review.not_found", { id });
  return toReviewRecord(row);
}

/** Everything about one review: what decisions and cards are computed from. */
export interface ReviewState {
  review: ReviewRecord;
  topic: TopicRecord;
  versions: VersionRecord[];
  /** Every level pass, oldest first. */
  levels: LevelRecord[];
  /** Every decision, oldest first. */
  decisions: DecisionRecord[];
}

/** Loads a review's whole state (inside the transaction that will change it, so it cannot go stale). */
export async function loadReviewState(db: Db | Tx, teamId: string, id: number): Promise<ReviewState> {
  const review = await findReview(db, teamId, id);
  const [topic, versions, levels, decisions] = await Promise.all([
    findTopic(db, teamId, review.topicId),
    db.reviewVersion.findMany({ where: { reviewId: id }, orderBy: { number: "asc" } }),
    db.reviewLevelState.findMany({ where: { reviewId: id }, orderBy: { id: "asc" } }),
    db.reviewDecision.findMany({ where: { reviewId: id }, orderBy: { id: "asc" } }),
  ]);
  return { review, topic, versions, levels: levels.map(toLevelRecord), decisions };
}

/** The pass the review is asking now, if it is asking anyone. */
export function currentPass(s: ReviewState): LevelRecord | undefined {
  return s.levels.find((l) => l.status === "pending" && l.version === s.review.currentVersion && l.level === s.review.currentLevel);
}

/** The decisions made on one pass. */
export function decisionsOf(s: ReviewState, pass: LevelRecord): DecisionRecord[] {
  return s.decisions.filter((d) => d.version === pass.version && d.level === pass.level && d.pass === pass.pass);
}

/** The version record `n` of the review. */
export function versionOf(s: ReviewState, n: number): VersionRecord {
  const v = s.versions.find((x) => x.number === n);
  if (!v) throw new Error(`Review(${s.review.id}) has no version ${n}`);
  return v;
}

/** The authors of the current version: whoever submitted the review or this version, and the topic's owner. */
export function authorsOf(s: Pick<ReviewState, "review" | "topic">, versionSubmitter?: string): string[] {
  const ids = [s.review.authorId, versionSubmitter, s.topic.ownerId].filter((x): x is string => Boolean(x));
  return [...new Set(ids)];
}

/**
 * Takes the review's row lock for the rest of the transaction (a write that changes nothing), so two decisions
 * on one review never interleave: on PostgreSQL the second waits and then reads what the first committed; on
 * SQLite the transaction becomes the writer at once instead of failing to upgrade later.
 */
export async function lockReview(tx: Tx, teamId: string, id: number): Promise<void> {
  await tx.review.updateMany({ where: { id, teamId }, data: { stateVersion: { increment: 0 } } });
}

/**
 * Review transactions wait longer than Prisma's 2 s default for their turn: the SQLite adapter runs one
 * transaction at a time, and a burst of clicks on one card queues them (each is short).
 */
export function reviewTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { maxWait: 20_000, timeout: 20_000 });
}
