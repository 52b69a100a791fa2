// The benchmark's child processes on 127.0.0.1: the bare Bolt app, and the service as it is deployed (the
// compiled build, `node dist/src/main.js`, built by `npm run build` before the run), one or several replicas.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../../test/support/process.js";
import { SIGNING_SECRET } from "./requests.js";

const HERE = import.meta.dirname;
const ROOT = join(HERE, "../..");
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };

/** A started process and its base URL. */
export interface Proc {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** VmRSS of a process in MB, or undefined once it is gone. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms; undefined once it is gone. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: the fields after the command's closing parenthesis; utime and stime are the 12th and
    // 13th of them, in clock ticks (100 a second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Spawns `args` under node with `env` and waits until `<url>/healthz` (or the bare app's "ready" line) answers. */
async function startProc(args: string[], env: Record<string, string>, ready: "healthz" | "line"): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 120_000; Date.now() < until && child.exitCode === null; await new Promise((r) => setTimeout(r, 100))) {
    const up = ready === "line" ? out.includes("ready") : await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
    if (up) return { child, url, output: () => out };
  }
  child.kill("SIGKILL");
  throw new Error(`${args.join(" ")} did not start:\n${out}`);
}

/** The bare Bolt app that only acks (Bolt's own HTTPReceiver and signature check). */
export function startBareBolt(apiUrl: string): Promise<Proc> {
  return startProc(["--import", "tsx", join(HERE, "bare-bolt.ts")], { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl }, "line");
}

/** One replica of the compiled service with Slack pointed at the fake; `jobs` runs the scheduler in it. */
export function startMediaops(opts: { apiUrl: string; databaseUrl: string; jobs: boolean; cpuProfDir?: string }): Promise<Proc> {
  const env = {
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: opts.apiUrl,
    DATABASE_URL: opts.databaseUrl,
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    MEDIAOPS_JOBS: opts.jobs ? "1" : "0",
  };
  const prof = opts.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  // The flags `npm start` and the image use (package.json "start"), so the figures are the deployed process's.
  const start = /^exec node (.*)$/.exec(PACKAGE.scripts.start)?.[1]?.split(" ") ?? ["dist/src/main.js"];
  return startProc([...prof, ...start], env, "healthz");
}

/** SIGTERM, then SIGKILL after `graceMs`; says which it took. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<"graceful" | "killed"> {
  if (child.exitCode !== null || child.signalCode !== null) return "graceful";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
  if ((await Promise.race([exited.then(() => "exited" as const), timer])) === "exited") return "graceful";
  child.kill("SIGKILL");
  await exited;
  return "killed";
}
