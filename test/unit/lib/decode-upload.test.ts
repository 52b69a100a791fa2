import { describe, expect, it } from "vitest";
import { decodeUpload } from "../../../src/lib/decode-upload.js";

describe("decodeUpload", () => {
  it("reads UTF-8, with or without a byte-order mark", () => {
    expect(decodeUpload(new TextEncoder().encode("平台,播放量\n抖音,1200"))).toEqual({ text: "平台,播放量\n抖音,1200", encoding: "utf-8" });
    expect(decodeUpload(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("a,b")]))).toEqual({ text: "a,b", encoding: "utf-8" });
  });
  it("detects GBK exports (抖音 is B6 B6 D2 F4 in GBK)", () => {
    expect(decodeUpload(Uint8Array.from([0xb6, 0xb6, 0xd2, 0xf4, 0x2c, 0x31]))).toEqual({ text: "抖音,1", encoding: "gb18030" });
  });
  it("refuses bytes that are neither", () => {
    expect(decodeUpload(Uint8Array.from([0xff, 0xff, 0xff, 0x80]))).toBeUndefined();
  });
});
