// A small font cut from the big CJK one, holding only the characters charts draw, by HarfBuzz's hb-subset
// (harfbuzzjs's WebAssembly build). Why: the Node build of resvg-js keeps no fonts between renders and reads font
// files without memory mapping, so each glyph it outlines reads the whole font file again (16 MB for
// wqy-zenhei.ttc, about 100 glyphs a chart). The same glyphs from a font of a few KB draw the same picture.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** The raw exports of harfbuzzjs's harfbuzz-subset.wasm that a cut uses (pointers are offsets in `memory`). */
interface HbSubset {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

// hb.h / hb-subset.h constants.
const HB_MEMORY_MODE_WRITABLE = 2; // the bytes are ours and writable: HarfBuzz needs no copy of its own
// GSUB/GPOS are cut to the kept glyphs but not widened to the glyphs their substitutions reach: charts draw
// plain horizontal text.
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;

// The project compiles without the DOM library, where TypeScript declares WebAssembly's API; Node has it.
const { WebAssembly } = globalThis as unknown as { WebAssembly: { instantiate(module: Uint8Array): Promise<{ instance: { exports: unknown } }> } };

let loading: Promise<HbSubset> | undefined;

/** hb-subset, instantiated on the first cut (the module has no imports and needs no Emscripten glue). */
function harfbuzz(): Promise<HbSubset> {
  loading ??= (async () => {
    const wasm = await readFile(createRequire(import.meta.url).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    const { instance } = await WebAssembly.instantiate(wasm);
    const hb = instance.exports as unknown as HbSubset;
    hb._initialize();
    return hb;
  })();
  return loading;
}

/** Cuts fonts from one face of a font file (.ttf/.otf, or one face of a .ttc collection). */
export interface FontCutter {
  /** A font with the face's names, metrics, hinting and the glyphs of those of `codePoints` it has. */
  cut(codePoints: Iterable<number>): Buffer;
  /** Gives the font's memory back to HarfBuzz (for the next font; the WebAssembly memory stays as large). */
  close(): void;
}

/**
 * A cutter for the face of the font at `path` whose family is `family` (in a collection; else its first face).
 * The file stays in HarfBuzz's memory for later cuts: the WebAssembly memory it was copied into never shrinks,
 * so reading it again for each cut would only cost the read.
 */
export async function fontCutter(path: string, family: string): Promise<FontCutter> {
  const hb = await harfbuzz();
  const file = readFileSync(path);
  const data = hb.malloc(file.length);
  if (data === 0) throw new Error(`no memory for the font ${path}`);
  new Uint8Array(hb.memory.buffer).set(file, data);
  const blob = hb.hb_blob_create(data, file.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const faces = collectionSize(file);
  let index = 0;
  for (let i = 0; faces > 1 && i < faces; i++) {
    if ((await familyNames(cutFace(hb, blob, i, []))).includes(family)) {
      index = i;
      break;
    }
  }
  return {
    cut: (codePoints) => cutFace(hb, blob, index, codePoints),
    close: () => {
      hb.hb_blob_destroy(blob);
      hb.free(data);
    },
  };
}

/** The number of faces of a .ttc collection (its header says so), 1 for a single font. */
function collectionSize(file: Buffer): number {
  return file.length >= 12 && file.toString("latin1", 0, 4) === "ttcf" ? file.readUInt32BE(8) : 1;
}

function cutFace(hb: HbSubset, blob: number, index: number, codePoints: Iterable<number>): Buffer {
  const face = hb.hb_face_create(blob, index);
  const input = hb.hb_subset_input_create_or_fail();
  let cut = 0;
  try {
    if (input === 0) throw new Error("hb_subset_input_create_or_fail failed");
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE);
    cut = hb.hb_subset_or_fail(face, input);
    if (cut === 0) throw new Error(`hb_subset_or_fail failed on face ${index}`);
    const bytes = hb.hb_face_reference_blob(cut);
    try {
      const length = hb.hb_blob_get_length(bytes);
      if (length === 0) throw new Error(`empty cut of face ${index}`);
      const at = hb.hb_blob_get_data(bytes, 0);
      // A copy: the view would be detached when the memory grows, and its bytes freed below.
      return Buffer.from(new Uint8Array(hb.memory.buffer, at, length));
    } finally {
      hb.hb_blob_destroy(bytes);
    }
  } finally {
    if (cut !== 0) hb.hb_face_destroy(cut);
    if (input !== 0) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
  }
}

/** The family names (name id 1) of a small font, read by harfbuzzjs's shaping build (hb-subset has no name API). */
async function familyNames(font: Buffer): Promise<string[]> {
  const hb = await import("harfbuzzjs");
  const face = new hb.Face(new hb.Blob(font));
  return face
    .listNames()
    .filter((n) => n.nameId === 1)
    .map((n) => face.getName(n.nameId, n.language));
}
