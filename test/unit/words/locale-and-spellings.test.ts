// Which language a person reads (a stored or platform-given tag mapped onto zh-CN or en), how typed names are
// folded before they are compared, and which errors are refusals a person is told about rather than bugs.
import { describe, expect, it } from "vitest";
import { aliasKey, aliasParser } from "../../../src/domain/aliases.js";
import { AppError, isAppError } from "../../../src/domain/errors.js";
import { toLocale } from "../../../src/domain/locale.js";

describe("the language a person reads", () => {
  it("is Chinese for any zh tag, however it is written", () => {
    for (const tag of ["zh-CN", "zh", "zh-Hans", "zh_CN", "ZH-TW"]) expect(toLocale(tag, "en"), tag).toBe("zh-CN");
  });
  it("is English for any en tag, however it is written", () => {
    for (const tag of ["en", "en-US", "en_GB", "EN"]) expect(toLocale(tag, "zh-CN"), tag).toBe("en");
  });
  it("is the fallback for no tag or another language, and the fallback is Chinese unless given", () => {
    expect(toLocale(null)).toBe("zh-CN");
    expect(toLocale(undefined)).toBe("zh-CN");
    expect(toLocale("")).toBe("zh-CN");
    expect(toLocale("fr-FR")).toBe("zh-CN");
    expect(toLocale(null, "en")).toBe("en");
    expect(toLocale("ja", "en")).toBe("en");
  });
});

describe("names as typed", () => {
  it("compare alike whatever their case, width, spaces and joiners", () => {
    const key = aliasKey("B站");
    for (const typed of ["b站", "B 站", "Ｂ站", "  b_站 ", "b-站", "b.站", "b·站"]) expect(aliasKey(typed), typed).toBe(key);
    expect(aliasKey("Short Video")).toBe(aliasKey("short_video"));
    expect(aliasKey("b站")).not.toBe(aliasKey("c站"));
  });
  it("find their code by the code itself or any alias, and nothing for other words", () => {
    const parse = aliasParser({ douyin: ["抖音", "dy"], bilibili: ["b站"] });
    expect(["douyin", "DouYin", "抖音", "DY", "Ｂ 站", "bilibili"].map(parse)).toEqual(["douyin", "douyin", "douyin", "douyin", "bilibili", "bilibili"]);
    expect(["weibo", "", "抖"].map(parse)).toEqual([undefined, undefined, undefined]);
  });
});

describe("refusals and bugs", () => {
  it("tells a refusal meant for the person from a bug", () => {
    const refused = new AppError("quiet.bad_range", { value: "soon" });
    expect(isAppError(refused)).toBe(true);
    expect(isAppError(new Error("quiet.bad_range"))).toBe(false);
    expect(isAppError({ code: "quiet.bad_range", params: {} })).toBe(false);
    expect(isAppError(undefined)).toBe(false);
  });
  it("carries its code and values, and names them in the log line", () => {
    const e = new AppError("zone.unknown", { value: "Mars/Olympus" });
    expect([e.code, e.params, e.localized]).toEqual(["zone.unknown", { value: "Mars/Olympus" }, {}]);
    expect(new AppError("auth.forbidden").params).toEqual({});
    expect(String(e)).toBe('AppError: zone.unknown {"value":"Mars/Olympus"}');
  });
});
