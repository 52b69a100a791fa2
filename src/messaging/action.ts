// The versioned codec for button payloads. A button carries ids and the subject's state version, never
// state; an HMAC tag makes a forged or edited payload fail to decode. Format (fits every platform's limits):
//   m1.<action>.<subjectType>.<subjectId>.<stateVersion>.<tag>
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "../domain/errors.js";

const CODEC_VERSION = "m1";
const TAG_LENGTH = 16;

/** What a button means: do `action` on `subject` as it was at `stateVersion`. */
export const ZActionPayload = z.object({
  action: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  subjectType: z.string().regex(/^[a-z][a-z_]*$/),
  subjectId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  stateVersion: z.number().int().nonnegative(),
});
/** A decoded button payload. */
export type TActionPayload = z.infer<typeof ZActionPayload>;

function tag(key: string, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url").slice(0, TAG_LENGTH);
}

/** Encodes and signs a payload with the service's button key. */
export function encodeAction(payload: TActionPayload, key: string): string {
  const p = ZActionPayload.parse(payload);
  const body = [CODEC_VERSION, p.action, p.subjectType, p.subjectId, String(p.stateVersion)].join(".");
  return `${body}.${tag(key, body)}`;
}

/** Decodes a payload; throws AppError("action.malformed") for anything not produced by encodeAction. */
export function decodeAction(value: string, key: string): TActionPayload {
  const parts = typeof value === "string" ? value.split(".") : [];
  if (parts.length !== 6 || parts[0] !== CODEC_VERSION) throw new AppError("action.malformed");
  const body = parts.slice(0, 5).join(".");
  const given = Buffer.from(parts[5]!);
  const expected = Buffer.from(tag(key, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError("action.malformed");
  const parsed = ZActionPayload.safeParse({
    action: parts[1],
    subjectType: parts[2],
    subjectId: parts[3],
    stateVersion: Number(parts[4]),
  });
  if (!parsed.success) throw new AppError("action.malformed");
  return parsed.data;
}
