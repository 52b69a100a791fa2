// The chart of a console message, for the page's picture of it: the card's n-th chart block, shown only to those
// who may see the message (everyone for a channel post, its one reader for an ephemeral reply or a preview).
import type { Card, ChartSpec } from "../../messaging/card.js";
import type { AppDeps } from "../deps.js";

/** The chart, or undefined when the message, its chart or the right to see it is missing (a 404 to the page). */
export async function consoleChart(deps: AppDeps, messageId: number, index: number, handle: string | undefined): Promise<{ chart: ChartSpec; version: string } | undefined> {
  if (!Number.isSafeInteger(messageId) || !Number.isSafeInteger(index) || index < 0) return undefined;
  const row = await deps.db.consoleMessage.findUnique({ where: { id: messageId } });
  if (!row?.cardJson) return undefined;
  if (row.visibleToId) {
    const viewer = handle ? await deps.db.platformIdentity.findUnique({ where: { platform_tenant_externalId: { platform: "console", tenant: "local", externalId: handle } } }) : null;
    if (viewer?.userId !== row.visibleToId) return undefined;
  }
  const chart = (JSON.parse(row.cardJson) as Card).blocks.filter((b) => b.type === "chart")[index];
  return chart && chart.type === "chart" ? { chart: chart.chart, version: `${row.id}:${index}:${row.updatedAt.getTime()}` } : undefined;
}
