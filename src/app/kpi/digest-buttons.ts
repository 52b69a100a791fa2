// The digest's buttons as payloads: subject type "kpi", the subject id names the subscription ("0" for a
// preview without one), the platform ("all" for every platform) and the metric; the state version carries the
// day the digest reported on as YYYYMMDD, so "details" shows the 28 days the card was about.
import { isLocalDay, type LocalDay } from "../../domain/calendar/local-day.js";
import { AppError } from "../../domain/errors.js";
import { encodeAction, type TActionPayload } from "../../messaging/action.js";

/** The button actions of the digest. */
export type KpiAction = "detail" | "mute" | "assign";

/** What a digest button is about. */
export interface KpiSubject {
  subscriptionId: string | null;
  platform: string | null;
  metric: string;
  day: LocalDay;
}

/** Encodes a digest button; undefined when the ids do not fit a payload (never for catalogue codes). */
export function encodeKpiButton(action: KpiAction, s: KpiSubject, key: string): string | undefined {
  const subjectId = `${s.subscriptionId ?? "0"}-${s.platform ?? "all"}-${s.metric}`;
  if (!/^[A-Za-z0-9_]+-[a-z0-9_]+-[a-z0-9_]+$/.test(subjectId) || subjectId.length > 64) return undefined;
  return encodeAction({ action, subjectType: "kpi", subjectId, stateVersion: Number(s.day.replace(/-/g, "")) }, key);
}

/** Reads a decoded digest button back; a payload that does not parse is refused as malformed. */
export function decodeKpiSubject(p: TActionPayload): KpiSubject {
  const m = /^([A-Za-z0-9_]+)-([a-z0-9_]+)-([a-z0-9_]+)$/.exec(p.subjectId);
  const digits = String(p.stateVersion);
  const day = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (!m || digits.length !== 8 || !isLocalDay(day)) throw new AppError("action.malformed");
  return { subscriptionId: m[1] === "0" ? null : m[1]!, platform: m[2] === "all" ? null : m[2]!, metric: m[3]!, day };
}
