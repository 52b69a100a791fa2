// The benchmark's child processes: the lean fake Slack, the bare Bolt app, and the real service (spawned by
// test/support/process.ts's spawnService, i.e. `node --import tsx src/main.ts`). All on 127.0.0.1.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { freePort, spawnService, type ServiceProcess } from "../../test/support/process.js";
import { SIGNING_SECRET } from "./requests.js";

const HERE = import.meta.dirname;
const ROOT = join(HERE, "../..");

/** A child that printed `expect` (or a port) on its first stdout line. */
function spawnTs(file: string, env: Record<string, string>): Promise<{ child: ChildProcess; firstLine: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(HERE, file)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start: ${err}`)), 30_000);
    child.stdout!.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0) {
        clearTimeout(timer);
        resolve({ child, firstLine: out.slice(0, nl).trim() });
      }
    });
    child.on("exit", (code) => reject(new Error(`${file} exited with ${code}: ${err}`)));
  });
}

/** The fake Slack Web API: base URL, response_url base, counters. */
export interface FakeSlackProc {
  child: ChildProcess;
  base: string;
  apiUrl: string;
  responseBase: string;
  total(): Promise<number>;
  lastPost(): Promise<Record<string, unknown> | undefined>;
}

export async function startFakeSlackProc(): Promise<FakeSlackProc> {
  const { child, firstLine } = await spawnTs("fake-slack-server.ts", {});
  const base = `http://127.0.0.1:${firstLine}`;
  return {
    child,
    base,
    apiUrl: `${base}/api/`,
    responseBase: `${base}/response/`,
    total: async () => ((await (await fetch(`${base}/stats`)).json()) as { total: number }).total,
    lastPost: async () => {
      const res = await fetch(`${base}/last-post`);
      return res.ok ? ((await res.json()) as Record<string, unknown>) : undefined;
    },
  };
}

/** The bare Bolt app that only acks. */
export async function startBareBolt(apiUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const { child } = await spawnTs("bare-bolt.ts", { PORT: String(port), SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl });
  return { child, url: `http://127.0.0.1:${port}` };
}

/** The real service with Slack pointed at the fake, LOG_LEVEL=warn, on `databaseUrl`. */
export async function startMediaops(apiUrl: string, databaseUrl: string, cpuProfDir?: string): Promise<ServiceProcess> {
  const env = { SLACK_BOT_TOKEN: "xoxb-bench-token", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", HOST: "127.0.0.1" };
  if (!cpuProfDir) return spawnService(env, 60_000);
  // --cpu-prof is refused in NODE_OPTIONS, so this spawns like spawnService but with the flag on the command line.
  const port = String(await freePort());
  const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`, "--import", "tsx", "src/main.ts"], { cwd: ROOT, env: { ...process.env, ...env, PORT: port }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 60_000; Date.now() < until && child.exitCode === null; await new Promise((r) => setTimeout(r, 100))) {
    if (await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false)) return { child, url, output: () => out, exited };
  }
  child.kill("SIGKILL");
  throw new Error(`service did not become healthy:\n${out}`);
}

/** SIGTERM, then SIGKILL after `graceMs` (a backlog of paced posts can keep a graceful stop waiting). */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<"graceful" | "killed"> {
  if (child.exitCode !== null || child.signalCode !== null) return "graceful";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
  if ((await Promise.race([exited.then(() => "exited" as const), timer])) === "exited") return "graceful";
  child.kill("SIGKILL");
  await exited;
  return "killed";
}
