// Every scheduled job of the service. A feature adds its sweep or digest here.
import type { AppDeps } from "../app/deps.js";
import { deliverOutbox } from "../app/outbox/deliver.js";
import type { JobDefinition } from "./scheduler.js";

/** The jobs main starts; tests run a job's `run` directly with a fake clock instead. */
export function jobDefinitions(deps: AppDeps): JobDefinition[] {
  return [{ id: "outbox.retry", cron: "*/5 * * * * *", run: () => deliverOutbox(deps) }];
}
