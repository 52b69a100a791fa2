// Refusal messages of account linking, in both languages.
import type { ErrorCatalog } from "../catalog.js";

/** Identity error messages. */
export const identityErrors: ErrorCatalog = {
  en: {
    "link.bad_code": () => "A link code is 8 letters and digits, e.g. /mediaops link K7Q2M4XA.",
    "link.code_invalid": () => "That link code is unknown, used or expired. Type /mediaops link where you are already known to get a new one.",
    "link.same_account": () => "Type the code on the other platform, not on the one that made it.",
  },
  "zh-CN": {
    "link.bad_code": () => "关联验证码由 8 位字母和数字组成，例如 /mediaops link K7Q2M4XA。",
    "link.code_invalid": () => "验证码不存在、已使用或已过期。请在已有账号的平台输入 /mediaops link 重新获取。",
    "link.same_account": () => "请到另一个平台输入验证码，而不是在生成它的平台。",
  },
};
