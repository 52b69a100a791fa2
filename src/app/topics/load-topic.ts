// Reading topics back: JSON columns checked, missing ids refused.
import { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { isTopicStatus, type TopicStatus } from "../../domain/topics/lifecycle.js";
import { PLATFORMS, type Platform } from "../../domain/topics/vocabulary.js";
import { readJson } from "../../lib/json.js";

const ZPlatformList = z.array(z.enum(PLATFORMS));

type TopicRow = NonNullable<Awaited<ReturnType<Db["topic"]["findUnique"]>>>;

/** A topic row with its platforms and status typed. */
export type TopicRecord = Omit<TopicRow, "platforms" | "status"> & { platforms: Platform[]; status: TopicStatus };

/** A row's status, checked (a list may read only some columns). */
export function topicStatus(row: Pick<TopicRow, "id" | "status">): TopicStatus {
  if (!isTopicStatus(row.status)) throw new Error(`Topic(${row.id}) has unknown status ${row.status}`);
  return row.status;
}

/** A row's platforms, parsed and checked. */
export function platformsOf(row: Pick<TopicRow, "id" | "platforms">): Platform[] {
  return readJson(ZPlatformList, row.platforms, `Topic(${row.id}).platforms`);
}

/** Row → record. */
export function toTopicRecord(row: TopicRow): TopicRecord {
  return { ...row, status: topicStatus(row), platforms: platformsOf(row) };
}

/** The team's topic `id`, or the "no such topic" refusal. */
export async function findTopic(db: Db | Tx, teamId: string, id: number): Promise<TopicRecord> {
  const row = await db.topic.findFirst({ where: { id, teamId } });
  if (!row) throw new AppError("topic.not_found", { id });
  return toTopicRecord(row);
}
