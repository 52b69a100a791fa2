// The raw-identifier detector itself: what it flags in a zh-CN text and what it leaves alone.
import { describe, expect, it } from "vitest";
import { rawIdentifiersZh, validatorMessage } from "../../support/raw-words.js";

describe("raw identifiers in zh-CN text", () => {
  it.each([
    ["11-26 10:00 王芳 declared: SEV1 platform · platform", ["declared", "platform", "platform"]],
    ["完成 confirm_scope", ["confirm_scope"]],
    ["status: active → stable", ["status", "active", "stable"]],
    ["每日数据简报 · Demo content team", ["Demo", "content", "team"]],
    ["审核流程: standard", ["standard"]],
    ["/kpi import  (then the CSV on the next lines)", ["then", "the", "on", "the", "next", "lines"]],
    ["/topic propose <title>", ["title"]],
  ])("flags %s", (text, words) => {
    expect(rawIdentifiersZh(text)).toEqual(words);
  });

  it.each([
    "输入 /topic list --status 待评估 查看，或 /help topic propose。",
    "请在 #incidents 跟进，@chen.jie 负责，审核 R5（v2）。",
    "链接 https://example.com/a_b?x=y 或 legal@example.com",
    "级别 SEV1，每 30m 通报，时区 Asia/Shanghai，文件 content.yaml，验证码 K7Q2M4XA",
    "CSV 表头使用 UTF-8 或 GBK，日期 YYYY-MM-DD，KPI 与 SLA。",
  ])("leaves ids, commands and terms alone: %s", (text) => {
    expect(rawIdentifiersZh(text)).toEqual([]);
  });

  it("leaves user content alone", () => {
    expect(rawIdentifiersZh("Emma Clarke 提议：How our users cut bills", { userContent: ["Emma Clarke", "How our users cut bills"] })).toEqual([]);
  });
});

describe("validator sentences", () => {
  it.each(["text: Too big: expected string to have <=4000 characters", "Invalid input: expected string, received undefined", "Required"])("finds %s", (text) => {
    expect(validatorMessage(text)).toBeDefined();
  });
  it("leaves our own sentences alone", () => {
    expect(validatorMessage("The title is too long: at most 100 characters.")).toBeUndefined();
  });
});
