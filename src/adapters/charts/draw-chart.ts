// The way the rest of the service draws a chart: ECharts and resvg are loaded on the first chart, not at start.
// Together they add about 50 MB to a process (measured: 39 → 89 MB RSS), and most processes draw no chart for
// hours (a digest a day), so an idle service stays small. test/unit/architecture/lazy-charts.test.ts keeps
// render-chart.ts out of static imports elsewhere.
import type { ChartSpec } from "../../messaging/card.js";

/** The chart as a PNG (see render-chart.ts), loading the renderer on first use. */
export async function drawChartPng(spec: ChartSpec): Promise<Buffer> {
  const { chartPng } = await import("./render-chart.js");
  return chartPng(spec);
}
