// The chart picture itself: Chinese titles, legends and axis labels are drawn (the CJK font is found, no
// missing glyphs), and drawing from the small font cut for the charts gives exactly the picture the whole
// font gives, also when a later chart brings characters the earlier ones did not have.
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { DEFAULT_CHART_FONT, chartPng, chartSvg, svgPng } from "../../src/adapters/charts/render-chart.js";
import type { ChartSpec } from "../../src/messaging/card.js";
import { pngSize } from "../support/png.js";

const labels = Array.from({ length: 28 }, (_, i) => `11-${String(i + 1).padStart(2, "0")}`);
const spec = (title: string, series: string, values: (i: number) => number, unit: ChartSpec["unit"] = "number"): ChartSpec => ({
  title,
  labels,
  series: [{ name: series, values: labels.map((_, i) => values(i)) }, { name: "目标", values: labels.map(() => values(27) * 1.1), dashed: true }],
  unit,
});
const READS = spec("阅读量（团队 · 7 日日均）", "阅读量", (i) => 52_000 + i * 900 + (i % 5) * 2_000);
// An account named in Korean: wqy-zenhei draws Hangul syllables as composite glyphs (made of other glyphs),
// which the cut font has to carry with their parts.
const FOLLOWERS = spec("新增粉丝 · 近 28 天", "서울 계정", (i) => 300 + (i % 7) * 25);
const RATE = spec("互动率（抖音）", "互动率", (i) => 0.031 + (i % 4) * 0.002, "percent");
const whole = (s: ChartSpec) => svgPng(chartSvg(s), [DEFAULT_CHART_FONT]);

/** The texts an SVG draws, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("chart pictures", () => {
  it("carry the title, a legend of both lines, the dates and the axis in 万", () => {
    const drawn = texts(chartSvg(READS));
    expect(drawn).toEqual(expect.arrayContaining(["阅读量（团队 · 7 日日均）", "阅读量", "目标", "11-01", "11-08", "11-15", "11-22"]));
    expect(drawn.filter((t) => /^\d+(\.\d+)?万$/.test(t!)).length).toBeGreaterThanOrEqual(3);
    expect(texts(chartSvg(RATE)).filter((t) => /^\d+(\.\d+)?%$/.test(t!)).length).toBeGreaterThanOrEqual(3);
  });

  it("are 1440 × 720 PNGs whose Chinese text is drawn", async () => {
    const png = await chartPng(READS);
    expect(pngSize(png)).toEqual({ width: 1440, height: 720 });
    // A glyph the font lacks is drawn as nothing: two titles differing in one Chinese character would then
    // give the same picture.
    expect((await chartPng({ ...READS, title: "阅读率（团队 · 7 日日均）" })).equals(png)).toBe(false);
    expect(svgPng(chartSvg(READS), []).equals(png), "drawn without the CJK font").toBe(false);
  });

  it("drawn from the cut font are the pictures the whole font gives, as new characters come", async () => {
    for (const s of [READS, FOLLOWERS, RATE, READS]) expect((await chartPng(s)).equals(whole(s)), s.title).toBe(true);
  });

  it("leave no font file behind: the cut font is held open, unnamed, and goes with the process", async () => {
    await chartPng({ ...READS, title: "新标题" });
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`mediaops-chart-font-${process.pid}-`))).toEqual([]);
  });
});
