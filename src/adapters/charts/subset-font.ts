// A small TrueType font cut from the big CJK one, holding only the characters a chart draws.
// Why: the Node build of resvg-js keeps no fonts between renders and reads font files without memory mapping,
// so each glyph it outlines reads the whole font file again (16 MB for wqy-zenhei.ttc, about 100 glyphs a
// chart: most of the 300 ms a chart took). The same glyphs from a font of a few KB draw the same picture.
// Only TrueType outlines (glyf/loca) are cut; for other fonts (CFF, e.g. Noto CJK) fontSubsetter answers
// undefined and the caller uses the file as it is. Outlines, metrics and names are copied unchanged; glyphs are
// renumbered (composite glyphs keep their parts), and tables about other glyph numbers or vertical text (GSUB,
// GPOS, vmtx, bitmaps) are left out: charts draw plain horizontal text with no substitutions.
import { closeSync, openSync, readSync } from "node:fs";

type Read = (offset: number, length: number) => Buffer;

/** Cuts subsets of one face of a TrueType font (.ttf, or one face of a .ttc). */
export interface FontSubsetter {
  /** The glyph number the face gives `codePoint`, 0 when it has none. */
  glyphOf(codePoint: number): number;
  /** A TrueType font with the face's names and metrics and the glyphs of those of `codePoints` it has. */
  subset(codePoints: Iterable<number>): Buffer;
}

const NEEDED = ["OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"];

function withFile<T>(path: string, use: (read: Read) => T): T {
  const fd = openSync(path, "r");
  try {
    return use((offset, length) => {
      const b = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, b, done, length - done, offset + done);
        if (n === 0) throw new Error(`font file ${path} ends before byte ${offset + length}`);
        done += n;
      }
      return b;
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * A subsetter for the face of the font at `path` whose family is `family` (else its first face), or undefined
 * when that face has no TrueType outlines. Keeps the face's small tables in memory (about 0.4 MB for
 * wqy-zenhei), not the outlines: subset() reads the glyphs it needs from the file.
 */
export function fontSubsetter(path: string, family: string): FontSubsetter | undefined {
  const face = withFile(path, (read) => {
    const tables = pickFace(read, family);
    if (!NEEDED.every((t) => tables.has(t))) return undefined;
    const data = (tag: string) => read(tables.get(tag)!.offset, tables.get(tag)!.length);
    return { glyf: tables.get("glyf")!.offset, head: data("head"), hhea: data("hhea"), maxp: data("maxp"), os2: data("OS/2"), name: data("name"), post: data("post"), hmtx: data("hmtx"), loca: data("loca"), cmap: data("cmap") };
  });
  if (!face) return undefined;
  const numGlyphs = face.maxp.readUInt16BE(4);
  const longLoca = face.head.readInt16BE(50) === 1;
  const glyphRange = (g: number): [number, number] =>
    longLoca ? [face.loca.readUInt32BE(4 * g), face.loca.readUInt32BE(4 * g + 4)] : [face.loca.readUInt16BE(2 * g) * 2, face.loca.readUInt16BE(2 * g + 2) * 2];
  const glyphOf = cmapLookup(face.cmap);
  return {
    glyphOf,
    subset(codePoints) {
      const chars = new Map<number, number>();
      for (const cp of codePoints) {
        const g = glyphOf(cp);
        if (g > 0 && g < numGlyphs) chars.set(cp, g);
      }
      return withFile(path, (read) => {
        const glyphData = (g: number): Buffer => {
          const [start, end] = g < numGlyphs ? glyphRange(g) : [0, 0];
          return end > start ? read(face.glyf + start, end - start) : Buffer.alloc(0);
        };
        return buildFont(face, numGlyphs, glyphData, [...chars].sort((a, b) => a[0] - b[0]));
      });
    },
  };
}

/** The table directory of the face named `family` (a .ttc holds several faces; a .ttf one). */
function pickFace(read: Read, family: string): Map<string, { offset: number; length: number }> {
  const header = read(0, 12);
  const faceOffsets: number[] = [];
  if (header.toString("latin1", 0, 4) === "ttcf") {
    const count = header.readUInt32BE(8);
    const offsets = read(12, 4 * count);
    for (let i = 0; i < count; i++) faceOffsets.push(offsets.readUInt32BE(4 * i));
  } else {
    faceOffsets.push(0);
  }
  const directory = (at: number) => {
    const count = read(at + 4, 2).readUInt16BE(0);
    const records = read(at + 12, 16 * count);
    const tables = new Map<string, { offset: number; length: number }>();
    for (let i = 0; i < count; i++) tables.set(records.toString("latin1", 16 * i, 16 * i + 4), { offset: records.readUInt32BE(16 * i + 8), length: records.readUInt32BE(16 * i + 12) });
    return tables;
  };
  const faces = faceOffsets.map(directory);
  const named = faces.find((t) => {
    const name = t.get("name");
    return name !== undefined && familyNames(read(name.offset, name.length)).includes(family);
  });
  return named ?? faces[0]!;
}

/** The family names (name ids 1 and 16) a name table gives in Unicode or Mac Roman (ASCII) records. */
function familyNames(name: Buffer): string[] {
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  const found: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    const [platform, nameId, length, offset] = [name.readUInt16BE(r), name.readUInt16BE(r + 6), name.readUInt16BE(r + 8), name.readUInt16BE(r + 10)];
    if (nameId !== 1 && nameId !== 16) continue;
    const raw = name.subarray(strings + offset, strings + offset + length);
    if (raw.length !== length) continue;
    if (platform === 1) found.push(raw.toString("latin1"));
    else if ((platform === 0 || platform === 3) && length % 2 === 0) found.push(Buffer.from(raw).swap16().toString("utf16le"));
  }
  return found;
}

/** Code point → glyph from the face's Unicode cmap (format 12 for all planes, else format 4). */
function cmapLookup(cmap: Buffer): (codePoint: number) => number {
  const count = cmap.readUInt16BE(2);
  const subtables: { platform: number; encoding: number; at: number; format: number }[] = [];
  for (let i = 0; i < count; i++) {
    const r = 4 + 8 * i;
    const at = cmap.readUInt32BE(r + 4);
    subtables.push({ platform: cmap.readUInt16BE(r), encoding: cmap.readUInt16BE(r + 2), at, format: cmap.readUInt16BE(at) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const f12 = subtables.find((s) => unicode(s) && s.format === 12);
  if (f12) {
    const groups = cmap.readUInt32BE(f12.at + 12);
    return (cp) => {
      let [lo, hi] = [0, groups - 1];
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = f12.at + 16 + 12 * mid;
        if (cp < cmap.readUInt32BE(g)) hi = mid - 1;
        else if (cp > cmap.readUInt32BE(g + 4)) lo = mid + 1;
        else return cmap.readUInt32BE(g + 8) + cp - cmap.readUInt32BE(g);
      }
      return 0;
    };
  }
  const f4 = subtables.find((s) => unicode(s) && s.format === 4);
  if (!f4) return () => 0;
  const segs = cmap.readUInt16BE(f4.at + 6) / 2;
  const ends = f4.at + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const rangeOffsets = deltas + 2 * segs;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segs; i++) {
      if (cp > cmap.readUInt16BE(ends + 2 * i)) continue;
      const start = cmap.readUInt16BE(starts + 2 * i);
      if (cp < start) return 0;
      const delta = cmap.readUInt16BE(deltas + 2 * i);
      const ro = cmap.readUInt16BE(rangeOffsets + 2 * i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = cmap.readUInt16BE(rangeOffsets + 2 * i + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

interface Face {
  head: Buffer;
  hhea: Buffer;
  maxp: Buffer;
  os2: Buffer;
  name: Buffer;
  post: Buffer;
  hmtx: Buffer;
}

// Composite glyph flags (TrueType glyf table).
const ARGS_ARE_WORDS = 0x0001;
const HAVE_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAVE_XY_SCALE = 0x0040;
const HAVE_TWO_BY_TWO = 0x0080;

/** Offsets (in a composite glyph's data) of its parts' glyph numbers. */
function componentAt(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const at: number[] = [];
  let p = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(p);
    at.push(p + 2);
    p += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
    if (flags & HAVE_SCALE) p += 2;
    else if (flags & HAVE_XY_SCALE) p += 4;
    else if (flags & HAVE_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) return at;
  }
}

function buildFont(face: Face, numGlyphs: number, glyphData: (g: number) => Buffer, chars: [number, number][]): Buffer {
  // Old glyph numbers to keep: .notdef, the characters' glyphs and, transitively, the parts of composites.
  const data = new Map<number, Buffer>();
  const pending = [0, ...chars.map(([, g]) => g)];
  while (pending.length > 0) {
    const g = pending.pop()!;
    if (data.has(g)) continue;
    const d = glyphData(g);
    data.set(g, d);
    for (const at of componentAt(d)) pending.push(d.readUInt16BE(at));
  }
  const old = [...data.keys()].sort((a, b) => a - b);
  const renumber = new Map(old.map((g, i) => [g, i]));

  const glyphs = old.map((g) => {
    const d = Buffer.from(data.get(g)!);
    for (const at of componentAt(d)) d.writeUInt16BE(renumber.get(d.readUInt16BE(at))!, at);
    return pad4(d);
  });
  const loca = Buffer.alloc(4 * (old.length + 1));
  let offset = 0;
  glyphs.forEach((d, i) => {
    loca.writeUInt32BE(offset, 4 * i);
    offset += d.length;
  });
  loca.writeUInt32BE(offset, 4 * old.length);

  const longMetrics = face.hhea.readUInt16BE(34);
  const hmtx = Buffer.alloc(4 * old.length);
  old.forEach((g, i) => {
    const advance = face.hmtx.readUInt16BE(4 * Math.min(g, longMetrics - 1));
    const lsb = g < longMetrics ? face.hmtx.readInt16BE(4 * g + 2) : face.hmtx.readInt16BE(4 * longMetrics + 2 * (g - longMetrics));
    hmtx.writeUInt16BE(advance, 4 * i);
    hmtx.writeInt16BE(lsb, 4 * i + 2);
  });

  const head = Buffer.from(face.head);
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  head.writeInt16BE(1, 50); // long loca offsets
  const hhea = Buffer.from(face.hhea);
  hhea.writeUInt16BE(old.length, 34);
  const maxp = Buffer.from(face.maxp);
  maxp.writeUInt16BE(old.length, 4);
  const post = Buffer.from(face.post.subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0); // version 3: no glyph names (they were numbered for the whole font)

  const tables: [string, Buffer][] = [
    ["OS/2", face.os2],
    ["cmap", cmapTable(chars.map(([cp, g]) => [cp, renumber.get(g)!]))],
    ["glyf", Buffer.concat(glyphs)],
    ["head", head],
    ["hhea", hhea],
    ["hmtx", hmtx],
    ["loca", loca],
    ["maxp", maxp],
    ["name", face.name],
    ["post", post],
  ];
  const font = sfnt(tables);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, tableOffset(font, "head") + 8);
  return font;
}

function pad4(b: Buffer): Buffer {
  return b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);
}

function checksum(b: Buffer): number {
  const p = pad4(b);
  let sum = 0;
  for (let i = 0; i < p.length; i += 4) sum = (sum + p.readUInt32BE(i)) >>> 0;
  return sum;
}

/** An sfnt (TrueType) file of `tables`, sorted by tag as the format asks. */
function sfnt(tables: [string, Buffer][]): Buffer {
  const n = tables.length;
  const power = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(n * 16 - power * 16, 10);
  const body: Buffer[] = [];
  let offset = header.length;
  [...tables].sort((a, b) => (a[0] < b[0] ? -1 : 1)).forEach(([tag, data], i) => {
    const r = 12 + 16 * i;
    header.write(tag, r, 4, "latin1");
    header.writeUInt32BE(checksum(data), r + 4);
    header.writeUInt32BE(offset, r + 8);
    header.writeUInt32BE(data.length, r + 12);
    body.push(pad4(data));
    offset += pad4(data).length;
  });
  return Buffer.concat([header, ...body]);
}

function tableOffset(font: Buffer, tag: string): number {
  const n = font.readUInt16BE(4);
  for (let i = 0; i < n; i++) if (font.toString("latin1", 12 + 16 * i, 16 + 16 * i) === tag) return font.readUInt32BE(12 + 16 * i + 8);
  throw new Error(`no ${tag} table`);
}

/** A cmap with a format 4 subtable (Basic Multilingual Plane, while it fits) and a format 12 one (all planes). */
function cmapTable(map: [number, number][]): Buffer {
  const bmp = map.filter(([cp]) => cp <= 0xfffe);
  const segs = bmp.length + 1; // one segment a character (a chart has a few dozen), then the closing 0xFFFF
  if (16 + 8 * segs > 0xffff) return cmapOf([[3, 10, formatTwelve(map)]]);
  const f4 = Buffer.alloc(16 + 8 * segs);
  const power = 2 ** Math.floor(Math.log2(segs));
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4.length, 2);
  f4.writeUInt16BE(2 * segs, 6);
  f4.writeUInt16BE(2 * power, 8);
  f4.writeUInt16BE(Math.log2(power), 10);
  f4.writeUInt16BE(2 * segs - 2 * power, 12);
  const ends = 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  [...bmp, [0xffff, 0] as [number, number]].forEach(([cp, g], i) => {
    f4.writeUInt16BE(cp, ends + 2 * i);
    f4.writeUInt16BE(cp, starts + 2 * i);
    f4.writeUInt16BE(cp === 0xffff ? 1 : (g - cp) & 0xffff, deltas + 2 * i);
  });
  return cmapOf([[3, 1, f4], [3, 10, formatTwelve(map)]]);
}

function formatTwelve(map: [number, number][]): Buffer {
  const f12 = Buffer.alloc(16 + 12 * map.length);
  f12.writeUInt16BE(12, 0);
  f12.writeUInt32BE(f12.length, 4);
  f12.writeUInt32BE(map.length, 12);
  map.forEach(([cp, g], i) => {
    f12.writeUInt32BE(cp, 16 + 12 * i);
    f12.writeUInt32BE(cp, 20 + 12 * i);
    f12.writeUInt32BE(g, 24 + 12 * i);
  });
  return f12;
}

/** The cmap table of (platform, encoding, subtable) records. */
function cmapOf(subtables: [number, number, Buffer][]): Buffer {
  const header = Buffer.alloc(4 + 8 * subtables.length);
  header.writeUInt16BE(subtables.length, 2);
  let offset = header.length;
  subtables.forEach(([platform, encoding, data], i) => {
    header.writeUInt16BE(platform, 4 + 8 * i);
    header.writeUInt16BE(encoding, 6 + 8 * i);
    header.writeUInt32BE(offset, 8 + 8 * i);
    offset += data.length;
  });
  return Buffer.concat([header, ...subtables.map(([, , data]) => data)]);
}
