// A person's own settings as typed: quiet hours ("22:00-08:00"), an IANA time zone, a language. Pure parsing;
// a refusal names the part that is wrong.
import { AppError } from "../errors.js";
import type { Locale } from "../locale.js";
import type { QuietHours } from "../sla/reminders.js";

/** Stored in User.quietHours when the person turned quiet hours off (null means the default). */
export const QUIET_OFF = "off";

/** "22:00", "7:05", or a whole hour as people often type it ("8" in "22-8"). */
const CLOCK = /^(\d{1,2})(?::(\d{2}))?$/;

/** One end of the range as stored ("08:00"); `typed` is the whole range, quoted when this end is not a time. */
function clock(value: string, typed: string): string {
  const m = CLOCK.exec(value);
  if (!m) throw new AppError("quiet.bad_range", { value: typed });
  const [h, min] = [Number(m[1]), Number(m[2] ?? "0")];
  if (h > 23 || min > 59) throw new AppError("quiet.bad_time", { value });
  return `${String(h).padStart(2, "0")}:${m[2] ?? "00"}`;
}

/** "22:00-08:00" or "22-8" (also with ～, ~, 至, 到) → quiet hours; may cross midnight, may not end where it starts. */
export function parseQuietHours(text: string): QuietHours {
  const t = text.trim();
  const parts = t.split(/\s*(?:-|–|—|~|～|至|到)\s*/);
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new AppError("quiet.bad_range", { value: t });
  const [start, end] = [clock(parts[0], t), clock(parts[1], t)];
  if (start === end) throw new AppError("quiet.empty", { value: `${start}-${end}` });
  return { start, end };
}

/** The stored form of quiet hours: "22:00-08:00". */
export function formatQuietHours(q: QuietHours): string {
  return `${q.start}-${q.end}`;
}

/**
 * A person's quiet hours from their row: their own, none (turned off: null), or `fallback` when never set.
 * A stored value that no longer parses counts as never set.
 */
export function quietHoursOf(stored: string | null | undefined, fallback: QuietHours): QuietHours | null {
  if (stored === QUIET_OFF) return null;
  if (!stored) return fallback;
  try {
    return parseQuietHours(stored);
  } catch {
    return fallback;
  }
}

/** An IANA zone as the platform's clock library knows it, in its canonical spelling; refuses anything else. */
export function parseTimezone(text: string): string {
  const t = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(t)) throw new AppError("zone.unknown", { value: t });
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: t }).resolvedOptions().timeZone;
  } catch {
    throw new AppError("zone.unknown", { value: t });
  }
}

const LANGUAGES: Record<string, Locale> = {
  "zh-cn": "zh-CN", zh: "zh-CN", "zh-hans": "zh-CN", cn: "zh-CN", chinese: "zh-CN", 中文: "zh-CN", 简体中文: "zh-CN", 汉语: "zh-CN",
  en: "en", "en-us": "en", "en-gb": "en", english: "en", 英文: "en", 英语: "en",
};

/** zh-CN / en (and their common names) → a supported language; refuses anything else. */
export function parseLanguage(text: string): Locale {
  const l = LANGUAGES[text.trim().toLowerCase().replace("_", "-")];
  if (!l) throw new AppError("language.unknown", { value: text.trim() });
  return l;
}
