// Replay guards kept in the database, so a restart or another replica remembers them. A platform whose
// signature does not cover the body (WeChat OA plaintext mode signs only token, timestamp and nonce) can be
// replayed with a forged body while its timestamp is fresh: the first body seen under a (timestamp, nonce) pair
// is recorded, the same body again is a retry, any other body a replay. Rows live in Setting under
// `replay:<scope>:<zero-padded timestamp>:<nonce>` (the padding makes a key range a time range, so expired
// pairs are deleted by one range delete); no table of its own is needed for a key and a hash.
import type { AppDeps } from "./deps.js";

/** What a (timestamp, nonce) pair with this body is. */
export type NonceVerdict = "fresh" | "retry" | "replay";

const pad = (seconds: number) => String(Math.max(0, Math.floor(seconds))).padStart(15, "0");
const prefix = (scope: string) => `replay:${scope}:`;
const lastSweep = new Map<string, number>();

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

/**
 * Records `bodyHash` under (timestamp, nonce) unless the pair is known: "fresh" the first time, "retry" for the
 * same body again, "replay" for another body. Pairs older than `windowSeconds` are swept at most once a minute.
 */
export async function checkNonce(deps: Pick<AppDeps, "db" | "clock">, input: { scope: string; timestamp: string; nonce: string; bodyHash: string; windowSeconds: number }): Promise<NonceVerdict> {
  const key = `${prefix(input.scope)}${pad(Number(input.timestamp))}:${input.nonce}`;
  const nowSeconds = deps.clock.now().getTime() / 1000;
  if ((lastSweep.get(input.scope) ?? 0) < nowSeconds - 60) {
    lastSweep.set(input.scope, nowSeconds);
    await deps.db.setting.deleteMany({ where: { key: { gte: prefix(input.scope), lt: `${prefix(input.scope)}${pad(nowSeconds - 2 * input.windowSeconds)}` } } });
  }
  try {
    await deps.db.setting.create({ data: { key, value: input.bodyHash } });
    return "fresh";
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const known = await deps.db.setting.findUnique({ where: { key } });
  return known?.value === input.bodyHash ? "retry" : "replay";
}
