// Argument schemas of the incident commands. Refusals are error codes (templates/strings/errors/incidents.ts).
import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { RISK_TYPES, parseImpact, parseLikelihood, parseRiskType, parseSeverity } from "../../src/domain/incidents/vocabulary.js";

/** "3", "#3" → 3. */
export const ZIncidentId = z.string().transform((raw) => {
  const m = /^[#＃]?(\d{1,9})$/.exec(raw.trim());
  if (!m) throw new AppError("incident.bad_id", { value: raw });
  return Number(m[1]);
});

/** A risk type by any of its names (舆情, public_opinion, ...). */
export const ZRiskType = z.string().transform((raw) => {
  const t = parseRiskType(raw);
  if (!t) throw new AppError("incident.unknown_type", { value: raw, known: RISK_TYPES.join(", ") });
  return t;
});

/** high | medium | low (高/中/低). */
export const ZLikelihood = z.string().transform((raw) => {
  const v = parseLikelihood(raw);
  if (!v) throw new AppError("incident.unknown_likelihood", { value: raw });
  return v;
});

/** minor | moderate | severe (轻微/中等/严重). */
export const ZImpact = z.string().transform((raw) => {
  const v = parseImpact(raw);
  if (!v) throw new AppError("incident.unknown_impact", { value: raw });
  return v;
});

/** SEV1..SEV4; anything else is outside the matrix. */
export const ZSeverity = z.string().transform((raw) => {
  const v = parseSeverity(raw);
  if (!v) throw new AppError("incident.bad_severity", { value: raw });
  return v;
});

/** Free text that must not be empty. */
export function ZIncidentText(max: number) {
  return z
    .string()
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: "incident.text_empty" })
    .refine((s) => [...s].length <= max, { message: "command.text_too_long", params: { max } });
}

/** The --id option every command on one incident takes. */
export const ID_OPTION = { name: "id", help: { en: "the incident's number (default: the one open in this channel)", "zh-CN": "事件编号（默认为本频道进行中的事件）" } } as const;
