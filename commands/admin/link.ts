import { z } from "zod";
import { defineCommand } from "../spec.js";

/** /mediaops link [code]: connect this platform account to the person you already are elsewhere. */
export const adminLink = defineCommand({
  id: "admin.link",
  words: ["link"],
  positionals: [{ name: "code" }],
  options: [],
  args: z.object({
    code: z
      .string()
      .transform((s) => s.trim().toUpperCase())
      .refine((s) => /^[A-Z2-7]{8}$/.test(s), { message: "link.bad_code" })
      .optional(),
  }),
  usage: "/mediaops link [code]",
  summary: { en: "Link your accounts on two platforms", "zh-CN": "关联你在不同平台的账号" },
  help: {
    en: "Type /mediaops link where you are already known (e.g. the console) to get a one-time code, then /mediaops link <code> on the other platform within 10 minutes.",
    "zh-CN": "先在已有账号的平台（如控制台）输入 /mediaops link 获取一次性验证码，然后在 10 分钟内到另一个平台输入 /mediaops link <验证码>。",
  },
  examples: ["/mediaops link", "/mediaops link K7Q2M4XA"],
});
