// The font file handed to resvg for a chart: a small TrueType font cut from the configured CJK font
// (subset-font.ts), holding printable ASCII and every character the charts of this process have drawn so far.
// It grows when a chart brings a character it lacks (a new account or metric name), which is rare. The Node
// build of resvg-js takes fonts only as file paths, hence a file and not a buffer: written to the temporary
// folder, kept open and removed at once, and handed to resvg as /proc/self/fd/N, so it disappears with the
// process however that ends (test workers are often stopped with no exit event). Without /proc (not Linux)
// the file stays named until the process exits normally.
import { closeSync, existsSync, openSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fontSubsetter, type FontSubsetter } from "./subset-font.js";

interface State {
  source: string;
  family: string;
  /** Undefined when the font cannot be cut (not TrueType, or unreadable): resvg then reads it whole. */
  subsetter: FontSubsetter | undefined;
  chars: Set<number>;
  file?: HeldFile;
}

let state: State | undefined;

/** The font files for drawing `svg` with the font at `source` (family `family`): [] when the file is missing. */
export function chartFontFiles(source: string, family: string, svg: string): string[] {
  if (state?.source !== source || state.family !== family) {
    if (!existsSync(source)) return [];
    state = { source, family, subsetter: cutter(source, family), chars: new Set() };
  }
  const s = state;
  if (!s.subsetter) return [source];
  const fresh = [...charsOf(svg)].filter((cp) => !s.chars.has(cp) && s.subsetter!.glyphOf(cp) > 0);
  if (fresh.length > 0 || !s.file) {
    for (const cp of fresh) s.chars.add(cp);
    try {
      const file = holdFile(s.subsetter.subset(s.chars));
      s.file?.release();
      s.file = file;
    } catch {
      // A font this cutter misreads, or no room in the temporary folder: draw from the whole font (slower).
      s.subsetter = undefined;
      return [source];
    }
  }
  return [s.file.path];
}

function cutter(source: string, family: string): FontSubsetter | undefined {
  try {
    return fontSubsetter(source, family);
  } catch {
    return undefined;
  }
}

/** Printable ASCII, and every other character of the SVG's text (written out or as a character reference). */
function charsOf(svg: string): Set<number> {
  const chars = new Set<number>();
  for (let cp = 0x20; cp <= 0x7e; cp++) chars.add(cp);
  for (const ch of svg) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7e) chars.add(cp);
  }
  for (const m of svg.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) chars.add(m[1]![0] === "x" || m[1]![0] === "X" ? parseInt(m[1]!.slice(1), 16) : Number(m[1]));
  return chars;
}

interface HeldFile {
  path: string;
  release(): void;
}

/** `data` in a file only this process can reach, until release() or the process's end. */
function holdFile(data: Buffer): HeldFile {
  const file = join(tmpdir(), `mediaops-chart-font-${process.pid}-${randomUUID()}.ttf`);
  writeFileSync(file, data, { mode: 0o600 });
  const fd = openSync(file, "r");
  const byFd = `/proc/self/fd/${fd}`;
  if (existsSync(byFd)) {
    unlinkSync(file);
    return { path: byFd, release: () => closeSync(fd) };
  }
  closeSync(fd);
  const remove = () => rmSync(file, { force: true });
  process.once("exit", remove);
  return { path: file, release: () => (remove(), process.off("exit", remove)) };
}
