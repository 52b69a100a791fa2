// The font file handed to resvg for a chart: a small font cut by HarfBuzz from the configured CJK font
// (cut-font.ts), holding printable ASCII and every character the charts of this process have drawn so far.
// It grows when a chart brings a character it has not seen (a new account or metric name), which is rare. The
// Node build of resvg-js takes fonts only as file paths, hence a file and not a buffer: written to the temporary
// folder, kept open and removed at once, and handed to resvg as /proc/self/fd/N, so it disappears with the
// process however that ends (test workers are often stopped with no exit event). Without /proc (not Linux)
// the file stays named until the process exits normally. Asynchronous only because HarfBuzz's WebAssembly is
// instantiated on the first chart; later calls cut synchronously, so two charts at once cannot interleave.
import { closeSync, existsSync, openSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fontCutter, type FontCutter } from "./cut-font.js";

interface State {
  source: string;
  family: string;
  /** Undefined when the font cannot be cut (HarfBuzz refuses it, or it is unreadable): resvg then reads it whole. */
  cutter: Promise<FontCutter | undefined>;
  /** Every character asked for so far, also those the font lacks (each of those costs one cut, once). */
  chars: Set<number>;
  file?: HeldFile;
}

let state: State | undefined;

/** The font files for drawing `svg` with the font at `source` (family `family`): [] when the file is missing. */
export async function chartFontFiles(source: string, family: string, svg: string): Promise<string[]> {
  if (state?.source !== source || state.family !== family) {
    if (!existsSync(source)) return [];
    void state?.cutter.then((c) => c?.close());
    state = { source, family, cutter: fontCutter(source, family).catch(() => undefined), chars: new Set() };
  }
  const s = state;
  const cutter = await s.cutter;
  if (!cutter) return [source];
  // Nothing is awaited from here on: the cut, the file and the state change together.
  const fresh = [...charsOf(svg)].filter((cp) => !s.chars.has(cp));
  if (fresh.length > 0 || !s.file) {
    try {
      const file = holdFile(cutter.cut([...s.chars, ...fresh]));
      s.file?.release();
      s.file = file;
      for (const cp of fresh) s.chars.add(cp);
    } catch {
      // A font HarfBuzz cannot cut, or no room in the temporary folder: draw from the whole font (slower).
      s.cutter = Promise.resolve(undefined);
      cutter.close();
      return [source];
    }
  }
  return [s.file.path];
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
