// The WECHAT_OA_* section of the environment: optional; token and AppID together; one line naming the variable.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/env.js";
import { wechatOaApiConfig, wechatOaConfig } from "../../../src/config/wechat-oa-env.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const full = { WECHAT_OA_TOKEN: "pamtest", WECHAT_OA_APP_ID: "wxb11529c136998cb6" };

describe("WeChat OA configuration", () => {
  it("is off when no WECHAT_OA_* variable is set", () => {
    expect(wechatOaConfig(loadConfig({}))).toBeUndefined();
  });

  it("reads plaintext mode, and safe mode with the EncodingAESKey", () => {
    expect(wechatOaConfig(loadConfig(full))).toEqual({ token: "pamtest", appId: "wxb11529c136998cb6", encodingAESKey: undefined, account: undefined });
    const key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    expect(wechatOaConfig(loadConfig({ ...full, WECHAT_OA_ENCODING_AES_KEY: key, WECHAT_OA_ACCOUNT: "gh_demo_oa" }))).toMatchObject({ encodingAESKey: key, account: "gh_demo_oa" });
  });

  it("names the missing variable", () => {
    expect(() => loadConfig({ WECHAT_OA_TOKEN: "pamtest" })).toThrow(/^Configuration error: WECHAT_OA_APP_ID is required when WECHAT_OA_TOKEN is set/);
    expect(() => loadConfig({ WECHAT_OA_APP_ID: full.WECHAT_OA_APP_ID })).toThrow(/^Configuration error: WECHAT_OA_TOKEN or WECHAT_OA_APP_SECRET is required when WECHAT_OA_APP_ID is set/);
    expect(() => loadConfig({ WECHAT_OA_APP_SECRET: SECRET })).toThrow(/^Configuration error: WECHAT_OA_APP_ID is required when WECHAT_OA_APP_SECRET is set/);
    expect(() => loadConfig({ WECHAT_OA_ENCODING_AES_KEY: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" })).toThrow(/^Configuration error: WECHAT_OA_TOKEN is required when WECHAT_OA_ENCODING_AES_KEY is set/);
  });

  it("switches on the API with the AppSecret, with or without the push, and reads its defaults", () => {
    const api = { WECHAT_OA_APP_ID: full.WECHAT_OA_APP_ID, WECHAT_OA_APP_SECRET: SECRET };
    expect(wechatOaApiConfig(loadConfig(api))).toEqual({ appId: full.WECHAT_OA_APP_ID, appSecret: SECRET, apiUrl: "https://api.weixin.qq.com", pollMinutes: 10, commentDays: 7, account: undefined });
    expect(wechatOaConfig(loadConfig(api))).toBeUndefined();
    const both = loadConfig({ ...full, ...api, WECHAT_OA_API_URL: "http://127.0.0.1:8080/", WECHAT_OA_POLL_MINUTES: "3", WECHAT_OA_COMMENT_DAYS: "14" });
    expect(wechatOaApiConfig(both)).toMatchObject({ apiUrl: "http://127.0.0.1:8080", pollMinutes: 3, commentDays: 14 });
    expect(wechatOaConfig(both)).toMatchObject({ token: "pamtest" });
    expect(wechatOaApiConfig(loadConfig(full))).toBeUndefined();
  });

  it("refuses bad values without echoing secrets", () => {
    expect(() => loadConfig({ ...full, WECHAT_OA_APP_SECRET: "short-secret" })).toThrow(/^Configuration error: WECHAT_OA_APP_SECRET must be the 32-character AppSecret$/);
    expect(() => loadConfig({ ...full, WECHAT_OA_POLL_MINUTES: "0" })).toThrow(/^Configuration error: WECHAT_OA_POLL_MINUTES /);
    expect(() => loadConfig({ ...full, WECHAT_OA_COMMENT_DAYS: "31" })).toThrow(/^Configuration error: WECHAT_OA_COMMENT_DAYS /);
    expect(() => loadConfig({ ...full, WECHAT_OA_API_URL: "ftp://x" })).toThrow(/^Configuration error: WECHAT_OA_API_URL must be an http\(s\) URL/);
    expect(() => loadConfig({ ...full, WECHAT_OA_APP_ID: "gh_123" })).toThrow('Configuration error: WECHAT_OA_APP_ID must be the AppID (wx and 16 letters or digits) (got "gh_123")');
    expect(() => loadConfig({ ...full, WECHAT_OA_TOKEN: "no way!" })).toThrow(/^Configuration error: WECHAT_OA_TOKEN must be the 3-32 letters or digits set as Token in 服务器配置$/);
    expect(() => loadConfig({ ...full, WECHAT_OA_ENCODING_AES_KEY: "short" })).toThrow(/^Configuration error: WECHAT_OA_ENCODING_AES_KEY must be the 43-character EncodingAESKey$/);
  });
});
