// A vitest pool for mutation testing (vitest.mutate.config.ts): one worker thread kept for the whole Stryker run.
//
// Stryker's vitest runner starts one vitest run per mutant, and vitest 4 starts a new worker thread for every run:
// the thread boots vitest's worker code and imports zod, yaml, dayjs, chinese-days and lunar-typescript again,
// about a second per mutant on this machine while the covering tests themselves take tens of milliseconds.
// This pool keeps the thread: vitest's "start" and "stop" messages are answered here after the first start,
// and before each run every module of the project (not node_modules) is invalidated, so the sources and tests
// are evaluated afresh exactly as in a new thread (module-level memos such as statutory-holidays' cannot carry a
// mutant's answer into the next run); only the packages in node_modules, which are not mutated, stay loaded.
// Each run also gets the project's current config, since Stryker changes testNamePattern between runs.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Plugin } from "vitest/config";

type Listener = (...args: unknown[]) => void;
interface Message {
  __vitest_worker_request__?: boolean;
  type?: string;
  context?: Record<string, unknown> & { invalidates?: string[] };
}
interface PoolOptions {
  distPath: string;
  env: Record<string, string>;
  execArgv: string[];
  project: { config: { root: string }; serializedConfig: unknown };
}

const NAME = "warm-threads";

/** The one thread of this process, and whether vitest's worker code in it has been started. */
let shared: { thread: Worker; started: boolean } | undefined;
let projectFiles: string[] | undefined;

/** Every file under the project root outside node_modules and tool folders: what a run must evaluate afresh. */
function filesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "reports") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, out);
    else if (/\.(m|c)?[jt]s$/.test(entry.name)) out.push(path);
  }
  return out;
}

class WarmThreadsWorker {
  readonly name = NAME;
  private readonly attached: [string, Listener][] = [];
  private readonly messageListeners: Listener[] = [];

  constructor(private readonly options: PoolOptions) {}

  async start(): Promise<void> {
    if (shared) return;
    const thread = new Worker(resolve(this.options.distPath, "workers/threads.js"), { env: this.options.env, execArgv: this.options.execArgv });
    // The thread must not keep Stryker's runner process alive once vitest is closed.
    thread.unref();
    thread.once("exit", () => {
      if (shared?.thread === thread) shared = undefined;
    });
    shared = { thread, started: false };
  }

  on(event: string, callback: Listener): void {
    if (event === "message") this.messageListeners.push(callback);
    this.attached.push([event, callback]);
    this.thread.on(event, callback);
  }

  off(event: string, callback: Listener): void {
    this.thread.off(event, callback);
  }

  send(message: Message): void {
    const s = shared;
    if (!s) throw new Error("warm-threads: send before start");
    if (message.__vitest_worker_request__ && message.type === "start") {
      if (s.started) return this.answer({ type: "started" });
      s.started = true;
    } else if (message.__vitest_worker_request__ && message.type === "stop") {
      return this.answer({ type: "stopped" });
    } else if (message.__vitest_worker_request__ && (message.type === "run" || message.type === "collect")) {
      projectFiles ??= filesUnder(this.options.project.config.root);
      const invalidates = [...(message.context?.invalidates ?? []), ...projectFiles];
      message = { ...message, context: { ...message.context, invalidates, config: this.options.project.serializedConfig } };
    }
    s.thread.postMessage(message);
  }

  async stop(): Promise<void> {
    // The thread stays; this runner's listeners go, as they would with a terminated thread.
    for (const [event, callback] of this.attached) shared?.thread.off(event, callback);
    this.attached.length = 0;
    this.messageListeners.length = 0;
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  /** A worker response produced here, delivered after the request returns, as the thread's would be. */
  private answer(response: { type: string }): void {
    const listeners = [...this.messageListeners];
    setImmediate(() => {
      for (const l of listeners) l({ ...response, __vitest_worker_response__: true });
    });
  }

  private get thread(): Worker {
    if (!shared) throw new Error("warm-threads: thread not started");
    return shared.thread;
  }
}

/**
 * The plugin that puts every project on the warm pool. It works after the config is resolved because Stryker's
 * runner passes `pool: "threads"` inline, which would win over the config file.
 */
export function warmThreads(): Plugin {
  return {
    name: "mediaops:warm-threads",
    configureVitest({ project }) {
      const config = project.config as unknown as { pool: string; poolRunner: unknown };
      config.pool = NAME;
      config.poolRunner = { name: NAME, createPoolWorker: (options: PoolOptions) => new WarmThreadsWorker(options) };
    },
  };
}
