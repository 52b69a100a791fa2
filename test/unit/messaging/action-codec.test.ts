import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/domain/errors.js";
import { decodeAction, encodeAction } from "../../../src/messaging/action.js";

const KEY = "test-key";

describe("button payload codec", () => {
  it("round-trips ids and the state version in a short string", () => {
    const value = encodeAction({ action: "accept", subjectType: "topic", subjectId: "42", stateVersion: 3 }, KEY);
    expect(value).toMatch(/^m1\.accept\.topic\.42\.3\.[\w-]{16}$/);
    expect(value.length).toBeLessThan(75);
    expect(decodeAction(value, KEY)).toEqual({ action: "accept", subjectType: "topic", subjectId: "42", stateVersion: 3 });
  });
  it("refuses an edited id, version or action, another key, and garbage", () => {
    const value = encodeAction({ action: "accept", subjectType: "topic", subjectId: "42", stateVersion: 3 }, KEY);
    for (const bad of [value.replace(".42.", ".43."), value.replace(".3.", ".4."), value.replace("accept", "reject"), "m2" + value.slice(2), "", "a.b.c"]) {
      expect(() => decodeAction(bad, KEY)).toThrow(AppError);
    }
    expect(() => decodeAction(value, "other-key")).toThrow(AppError);
  });
});
