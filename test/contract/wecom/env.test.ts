// The WECOM_* section of the environment: optional, all-or-nothing, one line naming the variable.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/env.js";
import { wecomConfig } from "../../../src/config/wecom-env.js";

const full = {
  WECOM_CORP_ID: "wx5823bf96d3bd56c7",
  WECOM_AGENT_ID: "1000002",
  WECOM_SECRET: "s3cret",
  WECOM_TOKEN: "QDG6eK",
  WECOM_ENCODING_AES_KEY: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
};

describe("WeCom configuration", () => {
  it("is off when no WECOM_* variable is set", () => {
    expect(wecomConfig(loadConfig({}))).toBeUndefined();
  });

  it("reads the app and the optional robot, with the default API URL", () => {
    expect(wecomConfig(loadConfig(full))).toEqual({
      corpId: full.WECOM_CORP_ID, agentId: 1000002, secret: "s3cret", token: "QDG6eK", encodingAESKey: full.WECOM_ENCODING_AES_KEY,
      apiUrl: "https://qyapi.weixin.qq.com", webhookKey: undefined,
    });
    expect(wecomConfig(loadConfig({ ...full, WECOM_API_URL: "http://127.0.0.1:9/", WECOM_WEBHOOK_KEY: "k" }))).toMatchObject({ apiUrl: "http://127.0.0.1:9", webhookKey: "k" });
  });

  it("names the missing variable when the section is incomplete", () => {
    expect(() => loadConfig({ ...full, WECOM_SECRET: undefined })).toThrow(/^Configuration error: WECOM_SECRET is required when WECOM_CORP_ID is set/);
    expect(() => loadConfig({ WECOM_WEBHOOK_KEY: "k" })).toThrow(/^Configuration error: WECOM_CORP_ID is required when WECOM_WEBHOOK_KEY is set/);
  });

  it("refuses bad values without echoing secrets", () => {
    expect(() => loadConfig({ ...full, WECOM_AGENT_ID: "abc" })).toThrow('Configuration error: WECOM_AGENT_ID must be the app\'s numeric AgentId (got "abc")');
    let message = "";
    try {
      loadConfig({ ...full, WECOM_ENCODING_AES_KEY: "too-short-secret" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe("Configuration error: WECOM_ENCODING_AES_KEY must be the 43-character EncodingAESKey");
  });
});
