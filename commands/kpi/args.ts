// Argument schemas of the /kpi commands. Refusals are error codes (templates/strings/errors/kpi.ts).
import { z } from "zod";
import { AppError } from "../../src/domain/errors.js";
import { isClock } from "../../src/domain/calendar/local-day.js";
import { isValidZone } from "../../src/domain/calendar/zoned.js";
import { parseAnyMetric, parseStoredMetric } from "../../src/domain/kpi/catalogue.js";
import { parseGoal } from "../../src/domain/kpi/pace.js";
import { parseMetricValue } from "../../src/domain/kpi/values.js";
import { PLATFORMS, parsePlatform, type Platform } from "../../src/domain/topics/vocabulary.js";

/** One platform by any of its names, refused with kpi.unknown_platform. */
export function kpiPlatform(raw: string): Platform {
  const p = parsePlatform(raw);
  if (!p) throw new AppError("kpi.unknown_platform", { value: raw, known: PLATFORMS.join(", ") });
  return p;
}

/** A platform. */
export const ZKpiPlatform = z.string().transform((raw) => kpiPlatform(raw));
/** Platforms, comma-separated (either comma). */
export const ZKpiPlatforms = z.string().transform((raw) => [...new Set(raw.split(/[,，、]/).map((s) => s.trim()).filter(Boolean).map(kpiPlatform))]);
/** A metric that may be stored. */
export const ZStoredMetric = z.string().transform((raw) => parseStoredMetric(raw));
/** Any catalogue metric. */
export const ZAnyMetric = z.string().transform((raw) => parseAnyMetric(raw));
/** Metrics, comma-separated. */
export const ZAnyMetrics = z.string().transform((raw) => [...new Set(raw.split(/[,，、]/).map((s) => s.trim()).filter(Boolean).map(parseAnyMetric))]);
/** A value: 12345, 12,345, 1.2万, 3.4%. */
export const ZMetricValue = z.string().transform((raw) => parseMetricValue(raw));
/** An amount of money (a budget, a spend): 50000, 5万, 1,234.5; more than 0. */
export const ZMoney = z.string().transform((raw) => {
  const v = parseMetricValue(raw);
  if (raw.includes("%") || v <= 0) throw new AppError("kpi.bad_amount", { value: raw });
  return v;
});
/** A goal: +30% or a value. */
export const ZGoal = z.string().transform((raw) => parseGoal(raw));
/** HH:mm. */
export const ZSendTime = z.string().transform((raw) => {
  const s = raw.trim().replace("：", ":").replace(/^(\d):/, "0$1:");
  if (!isClock(s) || s === "24:00") throw new AppError("kpi.bad_time", { value: raw });
  return s;
});
/** An IANA zone. */
export const ZZone = z.string().transform((raw) => {
  if (!isValidZone(raw.trim())) throw new AppError("kpi.bad_zone", { value: raw });
  return raw.trim();
});
/** yes/no in either language. */
export const ZYesNo = z.string().transform((raw) => {
  const s = raw.trim().toLowerCase();
  if (["yes", "y", "true", "1", "是", "on"].includes(s)) return true;
  if (["no", "n", "false", "0", "否", "off"].includes(s)) return false;
  throw new AppError("kpi.bad_yes_no", { value: raw });
});
/** Who receives: this channel or me (a direct message). */
export const ZRecipient = z.string().transform((raw) => {
  const s = raw.trim().toLowerCase();
  if (s === "channel" || s === "频道") return "channel" as const;
  if (s === "me" || s === "我") return "me" as const;
  throw new AppError("kpi.bad_to", { value: raw });
});

/** "by 2027-05-31 douyin/main" → the raw end day and the scope: the team (none, or "team"), a platform, an account. */
export const ZTargetWhen = z.string().transform((raw) => {
  const words = raw.trim().split(/\s+/);
  if (!/^(by|截止|到)$/i.test(words[0] ?? "") || !words[1] || words.length > 3) throw new AppError("kpi.by_missing");
  if (/^(team|团队|全部)$/i.test(words[2] ?? "")) return { endDay: words[1], platform: null, account: null };
  const [platformRaw, account] = (words[2] ?? "").split("/");
  return { endDay: words[1], platform: platformRaw ? kpiPlatform(platformRaw) : null, account: account?.trim() || null };
});
