// Entry of a contender thread (test/support/contenders.ts): registers tsx so the TypeScript sources load, then
// runs the contender. Worker threads do not inherit vitest's transform, and `--import tsx` in a worker's
// execArgv is not applied to it on Node 20.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
