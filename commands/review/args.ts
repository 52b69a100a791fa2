// Argument schemas shared by the review commands. Error messages are error codes (see templates/strings).
import { z } from "zod";
import { parseFlags } from "../../src/domain/reviews/select-chain.js";
import { parseReviewId } from "../../src/domain/reviews/status.js";
import { ZHandle } from "../topic/args.js";

/** "R5", "#5", "5" → 5. */
export const ZReviewId = z.string().transform((raw, ctx) => {
  const id = parseReviewId(raw);
  if (id === undefined) {
    ctx.addIssue({ code: "custom", message: "review.bad_id", params: { value: raw } });
    return z.NEVER;
  }
  return id;
});

/** A level number, 1-6. */
export const ZLevelNumber = z.string().transform((raw, ctx) => {
  const m = /^\s*(?:L|第)?(\d)(?:级)?\s*$/i.exec(raw);
  if (!m || Number(m[1]) < 1) {
    ctx.addIssue({ code: "custom", message: "review.bad_level", params: { value: raw } });
    return z.NEVER;
  }
  return Number(m[1]);
});

/** "@a,@b" or "@a @b" → handles. */
export const ZHandleList = z.string().transform((raw, ctx) => {
  const out: string[] = [];
  for (const part of raw.split(/[,，、\s]+/).filter(Boolean)) {
    const h = ZHandle.safeParse(part);
    if (!h.success) {
      ctx.addIssue({ code: "custom", message: "user.bad_handle", params: { value: part } });
      return z.NEVER;
    }
    out.push(h.data);
  }
  return out;
});

/** "urgent,sensitive" / "紧急，敏感". */
export const ZFlags = z.string().transform((raw) => parseFlags(raw));

/** A chain name as typed. */
export const ZChainNameArg = z
  .string()
  .trim()
  .refine((s) => /^[\p{L}\p{N}_.-]{1,32}$/u.test(s), { message: "review.bad_chain_name" });
