// The comment-response SLA: policies, timetables (deadline, warnings, escalation), urgency and figures. Pure.
export * from "./csv.js";
export * from "./intake.js";
export * from "./policy.js";
export * from "./reminders.js";
export * from "./schedule.js";
export * from "./stats.js";
export * from "./vocabulary.js";
export * from "./platform-problems.js";
export * from "./reply-target.js";
export * from "./sources.js";
