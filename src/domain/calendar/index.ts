// The team business calendar: which local days and hours are worked, and working-time arithmetic on top.
// Pure: instants come in as Date, zones are explicit IANA names, and nothing reads a clock, a file or a database.

export * from "./business-calendar.js";
export * from "./cn-mainland.js";
export * from "./day-rules.js";
export * from "./holiday-data.js";
export * from "./local-day.js";
export * from "./statutory-holidays.js";
export * from "./working-time.js";
export { instantAt, isValidZone, localDayOf, wallClockOf } from "./zoned.js";
