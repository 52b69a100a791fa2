// The way the rest of the service draws a chart: ECharts and resvg are loaded on the first chart, not at start.
// Loading them adds about 46 MB to a process and the first chart about 90 MB more (HarfBuzz's WebAssembly memory
// holding the 16 MB CJK font, resvg): measured 42 → 88 → 177 MB RSS in plain node, 4 December 2026. Most
// processes draw no chart for hours (a digest a day), so an idle service stays small. test/unit/architecture/lazy-charts.test.ts keeps
// render-chart.ts out of static imports elsewhere.
import type { ChartSpec } from "../../messaging/card.js";

/** The chart as a PNG (see render-chart.ts), loading the renderer on first use. */
export async function drawChartPng(spec: ChartSpec): Promise<Buffer> {
  const { chartPng } = await import("./render-chart.js");
  return chartPng(spec);
}
