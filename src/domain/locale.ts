// The two languages every user-facing string exists in.

/** A supported language. */
export type Locale = "zh-CN" | "en";

/** A text in both languages. */
export type Localized = Record<Locale, string>;

/** Maps any stored or platform-given language tag onto a supported one (zh, zh-Hans, zh_CN → zh-CN). */
export function toLocale(tag: string | null | undefined, fallback: Locale = "zh-CN"): Locale {
  if (!tag) return fallback;
  const t = tag.toLowerCase().replace("_", "-");
  if (t.startsWith("zh")) return "zh-CN";
  if (t.startsWith("en")) return "en";
  return fallback;
}
