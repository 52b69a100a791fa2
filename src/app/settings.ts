// Secrets the service makes for itself on first start and keeps in its own database.
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";

/** The button-signing key: created once, then read back, so buttons stay valid across restarts. */
export async function buttonSigningKey(db: Db): Promise<string> {
  const fresh = randomBytes(32).toString("base64url");
  await db.setting.upsert({ where: { key: "button_key" }, create: { key: "button_key", value: fresh }, update: {} });
  const row = await db.setting.findUniqueOrThrow({ where: { key: "button_key" } });
  return row.value;
}
