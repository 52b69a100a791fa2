// Stored review chains: reading the active ones, saving one, and importing templates/review-chains.json (the
// version-controlled configuration; also what the demo team is seeded with).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Db, Tx } from "../../db/client.js";
import { AppError } from "../../domain/errors.js";
import { parseChainsFile, ZChain, type TChain, type TChainsFile } from "../../domain/reviews/chain.js";
import type { Clock } from "../../lib/clock.js";
import { readJson } from "../../lib/json.js";
import { audit } from "../audit.js";
import { memberByHandle } from "../members.js";

/** The shipped chains file. */
export const CHAINS_FILE = fileURLToPath(new URL("../../../templates/review-chains.json", import.meta.url));

/** A chain as stored, with its default mark. */
export interface StoredChain {
  id: string;
  chain: TChain;
  isDefault: boolean;
}

/** The team's active chains, in the order they are tried. */
export async function activeChains(db: Db | Tx, teamId: string): Promise<StoredChain[]> {
  const rows = await db.reviewChain.findMany({ where: { teamId, active: true }, orderBy: [{ priority: "asc" }, { name: "asc" }] });
  return rows.map((r) => ({ id: r.id, isDefault: r.isDefault, chain: readJson(ZChain, r.definitionJson, `ReviewChain(${r.id}).definitionJson`) }));
}

/** The active chain `typed` means: its name, or its display name in either language; refuses when none. */
export async function findChain(db: Db | Tx, teamId: string, typed: string): Promise<StoredChain> {
  const chains = await activeChains(db, teamId);
  const key = typed.trim().toLowerCase();
  const names = (c: StoredChain) => {
    const d = c.chain.displayName;
    return d === undefined ? [] : typeof d === "string" ? [d] : [d["zh-CN"], d.en];
  };
  const found = chains.find((c) => c.chain.name.toLowerCase() === key) ?? chains.find((c) => names(c).some((n) => n.toLowerCase() === key));
  if (!found) throw new AppError("review.chain_not_found", { name: typed.trim() });
  return found;
}

/** Refuses a chain naming someone who is not in the team (a typo would leave a level without reviewers). */
export async function assertPeopleExist(db: Db | Tx, teamId: string, chain: TChain): Promise<void> {
  const handles = new Set([...chain.cc, ...chain.levels.flatMap((l) => [...l.reviewers.users, ...l.escalateTo.users])]);
  for (const h of handles) await memberByHandle(db, teamId, h);
}

/** Creates or replaces chain `chain.name` (active again if it was removed); keeps its default mark unless given. */
export async function saveChain(tx: Tx, teamId: string, chain: TChain, now: Date, isDefault?: boolean): Promise<void> {
  const data = { definitionJson: JSON.stringify(chain), priority: chain.priority, active: true, updatedAt: now, ...(isDefault === undefined ? {} : { isDefault }) };
  await tx.reviewChain.upsert({
    where: { teamId_name: { teamId, name: chain.name } },
    create: { teamId, name: chain.name, ...data, isDefault: isDefault ?? false, createdAt: now },
    update: data,
  });
}

/** Makes `name` the team's only default chain. */
export async function markDefault(tx: Tx, teamId: string, name: string, now: Date): Promise<void> {
  await tx.reviewChain.updateMany({ where: { teamId, isDefault: true, NOT: { name } }, data: { isDefault: false, updatedAt: now } });
  const res = await tx.reviewChain.updateMany({ where: { teamId, name, active: true }, data: { isDefault: true, updatedAt: now } });
  if (res.count === 0) throw new AppError("review.chain_not_found", { name });
}

/** Reads and validates a chains file; a missing or malformed file is a refusal an admin can act on. */
export function readChainsFile(path: string = CHAINS_FILE): TChainsFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new AppError("review.chain_invalid", { problem: `${path}: ${(err as Error).message}` });
  }
  return parseChainsFile(json);
}

/** Saves every chain of `file` and its default, with one audit row; returns the chain names. */
export async function importChains(tx: Tx, teamId: string, file: TChainsFile, actorId: string | null, now: Date): Promise<string[]> {
  for (const { default: isDefault, ...chain } of file.chains) {
    await assertPeopleExist(tx, teamId, chain);
    await saveChain(tx, teamId, chain, now, isDefault);
  }
  const byDefault = file.chains.find((c) => c.default)!.name;
  await markDefault(tx, teamId, byDefault, now);
  const names = file.chains.map((c) => c.name);
  await audit(tx, { teamId, actorId, action: "review.chain_import", subjectType: "review_chain", subjectId: byDefault, after: { chains: names, default: byDefault }, at: now });
  return names;
}

/** Seeds a new team with the shipped chains (called by the demo seed). */
export async function seedReviewChains(db: Db, clock: Clock, teamId: string): Promise<void> {
  const file = readChainsFile();
  await db.$transaction((tx) => importChains(tx, teamId, file, null, clock.now()));
}
