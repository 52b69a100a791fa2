import { z } from "zod";
import { defineCommand } from "../spec.js";

/** /topic calendar: the week or month ahead by day and platform, with the theme mix against its target. */
export const topicCalendar = defineCommand({
  id: "topic.calendar",
  words: ["topic", "calendar"],
  positionals: [{ name: "period" }],
  options: [{ name: "from", help: { en: "first day (default today)", "zh-CN": "起始日期（默认今天）" } }],
  args: z.object({
    period: z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(z.enum(["week", "month", "周", "月"], { message: "topic.bad_period" }))
      .transform((p) => (p === "month" || p === "月" ? ("month" as const) : ("week" as const)))
      .optional(),
    from: z.string().optional(),
  }),
  usage: "/topic calendar [week|month] [--from D]",
  summary: { en: "Content calendar for the week or month ahead", "zh-CN": "未来一周或一个月的内容日历" },
  examples: ["/topic calendar", { "zh-CN": "/topic calendar 月", en: "/topic calendar month" }],
});
