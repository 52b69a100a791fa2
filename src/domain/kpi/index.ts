// KPI maths: the metric catalogue, value parsing, pace against targets, unusual moves, text trends and the
// digest schedule. Pure: no I/O, no clock.

export * from "./catalogue.js";
export * from "./moves.js";
export * from "./pace.js";
export * from "./schedule.js";
export * from "./sparkline.js";
export * from "./values.js";
