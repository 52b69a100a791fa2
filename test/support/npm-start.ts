// `npm start` as a user or a supervisor runs it: npm is the child process the test holds (and signals); the
// service is whatever npm started below it. Linux: descendants are read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");

/** A started process: its handle, what it printed, when it exited. */
export interface Started {
  child: ChildProcess;
  output: () => string;
  /** The exit code (null when a signal ended it) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `command args` in `cwd`; resolves once the service in it logs that it is listening. */
export function startUntilListening(command: string, args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<Started> {
  const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, LOG_LEVEL: "info", ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let listening = false;
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (!listening && out.includes('"msg":"mediaops is listening"')) {
        listening = true;
        resolve({ child, output: () => out, exited });
      }
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    void exited.then(({ code, signal }) => listening || reject(new Error(`${command} ${args.join(" ")} ended (${code ?? signal}) before the service listened:\n${out}`)));
  });
}

/** `npm start` in the repository with `env`, as a user types it. */
export function npmStart(env: Record<string, string>): Promise<Started> {
  return startUntilListening("npm", ["start"], { cwd: ROOT, env });
}

/** `npm run build`; resolves with its output once it succeeded. */
export function npmRunBuild(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`npm run build failed (${code}):\n${out}`))));
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
