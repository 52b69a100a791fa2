// A person's own settings as they type them: quiet hours, a time zone, a language. What each accepts, where its
// edges are, and the refusal a person reads (in both languages) when what they typed is not understood.
import { describe, expect, it } from "vitest";
import { formatQuietHours, parseLanguage, parseQuietHours, parseTimezone, QUIET_OFF, quietHoursOf } from "../../../src/domain/people/person-settings.js";
import { errorMessage } from "../../../templates/strings/errors.js";
import { refusal } from "../../support/refusal.js";

/** What the person is told, in English and in Chinese. */
const told = (fn: () => unknown) => {
  const e = refusal(fn);
  return { code: e.code, en: errorMessage("en", e), zh: errorMessage("zh-CN", e) };
};

describe("quiet hours as typed", () => {
  it("reads a range that crosses midnight and one within a day", () => {
    expect(parseQuietHours("22:00-08:00")).toEqual({ start: "22:00", end: "08:00" });
    expect(parseQuietHours("12:30-13:45")).toEqual({ start: "12:30", end: "13:45" });
  });
  it("writes single-digit hours with a leading zero and keeps the minutes as typed", () => {
    expect(parseQuietHours("7:05-9:30")).toEqual({ start: "07:05", end: "09:30" });
  });
  it("accepts the dashes, tildes and Chinese words people put between the two times, with spaces around them", () => {
    for (const text of ["22:00–08:00", "22:00—08:00", "22:00~08:00", "22:00～08:00", "22:00至08:00", "22:00到08:00", "  22:00 - 08:00  ", "22:00 到 08:00"]) {
      expect(parseQuietHours(text), text).toEqual({ start: "22:00", end: "08:00" });
    }
  });
  it("accepts every time from 00:00 to 23:59 and refuses hour 24 and minute 60", () => {
    expect(parseQuietHours("00:00-23:59")).toEqual({ start: "00:00", end: "23:59" });
    expect(parseQuietHours("23:00-00:59")).toEqual({ start: "23:00", end: "00:59" });
    expect(told(() => parseQuietHours("24:00-08:00"))).toEqual({
      code: "quiet.bad_time",
      en: "24:00 is not a time of day (00:00 to 23:59). Nothing was changed.",
      zh: "24:00 不是有效的时间（00:00 到 23:59）。没有做任何更改。",
    });
    expect(told(() => parseQuietHours("22:00-07:60")).en).toBe("07:60 is not a time of day (00:00 to 23:59). Nothing was changed.");
  });
  it("refuses what is not two clock times, quoting what was typed", () => {
    expect(told(() => parseQuietHours(" 22:00 "))).toEqual({
      code: "quiet.bad_range",
      en: '"22:00" is not a time range. Write e.g. 22:00-08:00. Nothing was changed.',
      zh: "“22:00”不是时间段，请写成 22:00-08:00 这样。没有做任何更改。",
    });
    for (const text of ["22:00-08:00-09:00", "-08:00", "22:00-", "22:0-08:00", "22:00-123:00", "x22:00-08:00", "22:00-08:00x", "22.00-08.00", "evening"]) {
      expect(refusal(() => parseQuietHours(text)).code, text).toBe("quiet.bad_range");
    }
    // The whole range is quoted as it was typed, never only its bad half (which is no range at all).
    expect(told(() => parseQuietHours("22:00-8x")).en).toBe('"22:00-8x" is not a time range. Write e.g. 22:00-08:00. Nothing was changed.');
    expect(refusal(() => parseQuietHours("22:00-")).params).toEqual({ value: "22:00-" });
  });
  it("reads whole hours typed without minutes, as in 22-8", () => {
    expect(parseQuietHours("22-8")).toEqual({ start: "22:00", end: "08:00" });
    expect(parseQuietHours("22:30-7")).toEqual({ start: "22:30", end: "07:00" });
    expect(parseQuietHours("23 到 6")).toEqual({ start: "23:00", end: "06:00" });
    expect(told(() => parseQuietHours("22-24")).en).toBe("24 is not a time of day (00:00 to 23:59). Nothing was changed.");
  });
  it("refuses a range that ends where it starts, naming it as it would be stored and pointing at quiet off", () => {
    expect(told(() => parseQuietHours("8:00-08:00"))).toEqual({
      code: "quiet.empty",
      en: "08:00-08:00 ends where it starts, so it is no quiet time at all. To have none, use /mediaops quiet off. Nothing was changed.",
      zh: "08:00-08:00 的结束时间与开始时间相同，等于没有免打扰时段。如不需要免打扰，请用 /mediaops quiet off。没有做任何更改。",
    });
  });
  it("stores quiet hours as start-end, which reads back the same", () => {
    expect(formatQuietHours({ start: "22:00", end: "08:00" })).toBe("22:00-08:00");
    expect(parseQuietHours(formatQuietHours(parseQuietHours("7:00 至 9:15")))).toEqual({ start: "07:00", end: "09:15" });
  });
});

describe("a person's quiet hours from their row", () => {
  const fallback = { start: "21:00", end: "09:00" };
  it("is none when they turned quiet hours off", () => {
    expect(QUIET_OFF).toBe("off");
    expect(quietHoursOf("off", fallback)).toBeNull();
  });
  it("is the default when never set", () => {
    expect(quietHoursOf(null, fallback)).toBe(fallback);
    expect(quietHoursOf(undefined, fallback)).toBe(fallback);
    expect(quietHoursOf("", fallback)).toBe(fallback);
  });
  it("is their own when set, and the default when what is stored no longer parses", () => {
    expect(quietHoursOf("23:00-07:30", fallback)).toEqual({ start: "23:00", end: "07:30" });
    expect(quietHoursOf("25:00-07:30", fallback)).toBe(fallback);
    expect(quietHoursOf("sometimes", fallback)).toBe(fallback);
  });
});

describe("a time zone as typed", () => {
  it("accepts IANA names in any case and gives their canonical spelling", () => {
    expect(parseTimezone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(parseTimezone("  asia/shanghai ")).toBe("Asia/Shanghai");
    expect(parseTimezone("America/Argentina/Buenos_Aires")).toMatch(/^America\/(Argentina\/)?Buenos_Aires$/);
    expect(parseTimezone("Etc/GMT+8")).toBe("Etc/GMT+8");
    expect(parseTimezone("utc")).toBe("UTC");
  });
  it("refuses anything else, quoting it trimmed and naming zones that would do", () => {
    expect(told(() => parseTimezone(" Mars/Olympus "))).toEqual({
      code: "zone.unknown",
      en: '"Mars/Olympus" is not a time zone. Use an IANA name such as Asia/Shanghai, Europe/London or America/New_York. Nothing was changed.',
      zh: "“Mars/Olympus”不是有效的时区。请使用 IANA 时区名，例如 Asia/Shanghai、Europe/London、America/New_York。没有做任何更改。",
    });
    for (const text of ["", "+08:00", "UTC+8", "Asia/Shanghai/", "../etc/localtime", "Asia Shanghai", "北京"]) {
      const e = refusal(() => parseTimezone(text));
      expect([e.code, e.params], text).toEqual(["zone.unknown", { value: text }]);
    }
  });
});

describe("a language as typed", () => {
  it("reads the codes and the common names of Chinese and English, in any case and with _ for -", () => {
    for (const text of ["zh-CN", "zh_cn", "ZH", "zh-Hans", "cn", "Chinese", "中文", "简体中文", "汉语", " zh-cn "]) expect(parseLanguage(text), text).toBe("zh-CN");
    for (const text of ["en", "EN", "en-US", "en_GB", "English", "英文", "英语", "\ten\n"]) expect(parseLanguage(text), text).toBe("en");
  });
  it("refuses any other language, quoting it trimmed and listing the two it writes", () => {
    expect(told(() => parseLanguage(" fr "))).toEqual({
      code: "language.unknown",
      en: '"fr" is not a language the bot writes. Languages: zh-CN (中文), en (English). Nothing was changed.',
      zh: "“fr”不是机器人支持的语言。可用语言：中文、英文。没有做任何更改。",
    });
    for (const text of ["", "zh-TW", "english please", "en-"]) expect(refusal(() => parseLanguage(text)).code, text).toBe("language.unknown");
  });
});
