// Every scheduled job of the service. A feature adds its sweep or digest here. The calendar refresh runs
// first, so a holiday year an admin entered on another replica counts before the sweeps compute deadlines.
import { refreshCalendarAdditions } from "../app/calendar/team-calendar.js";
import type { AppDeps } from "../app/deps.js";
import { runIncidentSweep } from "../app/incidents/incident-sweep.js";
import { runBudgetChecks } from "../app/kpi/budgets.js";
import { runDueDigests } from "../app/kpi/run-due-digests.js";
import { deliverOutbox } from "../app/outbox/deliver.js";
import { sweepReviewDeadlines } from "../app/reviews/sweep-review-deadlines.js";
import { runSlaSweep } from "../app/sla/sweep.js";
import type { JobDefinition } from "./scheduler.js";

/** The jobs main starts; tests run a job's `run` directly with a fake clock instead. */
export function jobDefinitions(deps: AppDeps): JobDefinition[] {
  return [
    { id: "calendar.refresh", cron: "55 * * * * *", run: () => refreshCalendarAdditions(deps.db) },
    { id: "outbox.retry", cron: "*/5 * * * * *", run: () => deliverOutbox(deps) },
    { id: "review.deadlines", cron: "0 * * * * *", run: () => sweepReviewDeadlines(deps) },
    { id: "incident.sweep", cron: "30 * * * * *", run: () => runIncidentSweep(deps) },
    { id: "kpi.digest", cron: "15 * * * * *", run: () => runDueDigests(deps) },
    { id: "kpi.budgets", cron: "20 * * * * *", run: () => runBudgetChecks(deps) },
    { id: "sla.sweep", cron: "45 * * * * *", run: () => runSlaSweep(deps) },
  ];
}
