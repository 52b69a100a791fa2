// `npm start` as a user or a supervisor runs it: npm is the child process the test holds (and signals); the
// service is whatever npm started below it. Linux: descendants are read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");

/** A running `npm start`: npm's own process, what it printed, when it exited. */
export interface NpmStart {
  npm: ChildProcess;
  output: () => string;
  /** npm's exit code (null when a signal ended it) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `npm start` in the repository with `env`; resolves once the service logs that it is listening. */
export function npmStart(env: Record<string, string>): Promise<NpmStart> {
  const npm = spawn("npm", ["start"], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.on("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('"msg":"mediaops is listening"')) {
        npm.stdout!.off("data", onData);
        npm.stdout!.on("data", (more: Buffer) => (out += more.toString()));
        resolve({ npm, output: () => out, exited });
      }
    };
    npm.stdout!.on("data", onData);
    npm.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    void exited.then(({ code, signal }) => reject(new Error(`npm start ended (${code ?? signal}) before the service listened:\n${out}`)));
  });
}

/** Every live descendant of `pid` (children, their children, ...), from /proc. */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return found;
  for (const task of readdirSync(tasks)) {
    let children = "";
    try {
      children = readFileSync(`${tasks}/${task}/children`, "utf8");
    } catch {
      continue; // the task ended meanwhile
    }
    for (const child of children.split(" ").filter(Boolean).map(Number)) found.push(child, ...descendants(child));
  }
  return found;
}

/** Whether a process is still running (a zombie waiting to be reaped counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

/** The process's command line, for messages. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "(gone)";
  }
}
