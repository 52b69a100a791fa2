// Uploaded text files in whatever encoding Chinese platforms export: UTF-8 (with or without a BOM), or
// GBK/GB18030 from older export tools. Detected, not guessed: UTF-8 is tried strictly first.

/** The decoded text and the encoding it was read in. */
export interface DecodedUpload {
  text: string;
  encoding: "utf-8" | "gb18030";
}

/** Decodes `bytes`; returns undefined when they are neither valid UTF-8 nor valid GB18030 (a superset of GBK). */
export function decodeUpload(bytes: Uint8Array): DecodedUpload | undefined {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    try {
      return { text: new TextDecoder("gb18030", { fatal: true }).decode(body), encoding: "gb18030" };
    } catch {
      return undefined;
    }
  }
}
