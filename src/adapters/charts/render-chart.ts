// Chart pictures on the server, with no browser: Apache ECharts renders the chart to SVG (server-side rendering,
// no DOM), then resvg turns the SVG into a PNG with a CJK font so Chinese titles and legends are drawn, not boxes
// (recipe: ../shared/reference/charts.md). resvg reads its font file again for every glyph it draws, so it is
// given a small font cut from the CJK one by HarfBuzz with only the characters drawn so far (chart-font.ts): the same
// picture for about a quarter of the CPU time (measured warm: 306 → 78 ms median per chart, of which ECharts
// about 15 ms, resvg's drawing at 2x about 40 ms and the PNG encoding about 12 ms).
import { Resvg } from "@resvg/resvg-js";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { ChartSpec } from "../../messaging/card.js";
import { chartFontFiles } from "./chart-font.js";

/** Where Debian's fonts-wqy-zenhei puts its font; MEDIAOPS_CHART_FONT overrides it. */
export const DEFAULT_CHART_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
const FONT_FAMILY = "WenQuanYi Zen Hei";
const WIDTH = 720;
const HEIGHT = 360;

// Only the parts these charts use: the whole library would add about 6 MB more to the process once loaded.
echarts.use([LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** The chart as an SVG document. */
export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT });
  try {
    const percent = spec.unit === "percent";
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: spec.title, left: 12, top: 8, textStyle: { fontSize: 15, fontFamily: FONT_FAMILY } },
      legend: { top: 10, right: 12, textStyle: { fontFamily: FONT_FAMILY } },
      grid: { left: 64, right: 20, top: 52, bottom: 36 },
      xAxis: { type: "category", data: spec.labels, axisLabel: { interval: 6, fontFamily: FONT_FAMILY } },
      yAxis: { type: "value", scale: true, axisLabel: { fontFamily: FONT_FAMILY, formatter: (v: number) => (percent ? `${Number((v * 100).toPrecision(3))}%` : compact(v)) } },
      series: spec.series.map((s) => ({
        type: "line", name: s.name, data: s.values, connectNulls: false,
        // A line of one or two points (a target set days ago) is drawn as dots, or it would not show at all.
        showSymbol: s.values.filter((v) => v !== null).length < 3,
        lineStyle: s.dashed ? { type: "dashed", width: 2 } : { width: 2.5 },
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e8) return `${Number((v / 1e8).toPrecision(3))}亿`;
  if (a >= 1e4) return `${Number((v / 1e4).toPrecision(3))}万`;
  return String(Number(v.toPrecision(4)));
}

/**
 * The chart as a PNG (1440 px wide, for sharp display at 720 logical pixels). Asynchronous for the font's cut
 * (HarfBuzz loads on the first chart); the drawing itself is synchronous.
 */
export async function chartPng(spec: ChartSpec, fontPath = process.env.MEDIAOPS_CHART_FONT ?? DEFAULT_CHART_FONT): Promise<Buffer> {
  const svg = chartSvg(spec);
  // Without the font file the picture is still drawn (digits and lines), only CJK glyphs are missing.
  return svgPng(svg, await chartFontFiles(fontPath, FONT_FAMILY, svg));
}

/** A chart's SVG as a PNG, drawn with the fonts in `fontFiles` (and no system fonts). */
export function svgPng(svg: string, fontFiles: string[]): Buffer {
  return new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, fitTo: { mode: "width", value: WIDTH * 2 } }).render().asPng();
}
