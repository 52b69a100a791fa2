// Runs the service as a real child process (npm start's entry), for restart and signal tests.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { until } from "./wait.js";

const ROOT = join(import.meta.dirname, "../..");

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** A started service process and what it printed. */
export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * Spawns `tsx src/main.ts` with `env`; resolves once /healthz answers 200, rejects with its output if it exits
 * first. Start-up takes seconds on a loaded machine, so the limit only catches a start that hangs.
 */
export async function spawnService(env: Record<string, string>, limitMs = 180_000): Promise<ServiceProcess> {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "info", ...env, PORT: port }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  let done = false;
  void exited.then(() => (done = true));
  const healthy = async () => {
    if (done) throw new Error(`service exited before it became healthy:\n${out}`);
    return fetch(`${url}/healthz`).then((r) => r.status === 200, () => false);
  };
  try {
    await until(`the service on port ${port} to answer /healthz`, healthy, { every: 100, limitMs });
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${(err as Error).message}\n${out}`);
  }
  return { child, url, output: () => out, exited };
}

/** Runs the entry point and waits for it to exit (for configuration errors). */
export function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, output: out }));
  });
}
