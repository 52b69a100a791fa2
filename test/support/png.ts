// Finds a whole PNG inside a request body (raw, or one part of a multipart form): from its 8-byte signature to
// the end of its IEND chunk. Undefined when there is none.
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG in `body`, or undefined. */
export function pngIn(body: Buffer | undefined): Buffer | undefined {
  if (!body) return undefined;
  const start = body.indexOf(SIGNATURE);
  if (start < 0) return undefined;
  const iend = body.indexOf(Buffer.from("IEND"), start);
  if (iend < 0) return undefined;
  return body.subarray(start, iend + 8); // "IEND" and its 4-byte CRC
}

/** Width and height from the IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
