// The import direction of mediaops, checked on the real module graph by dependency-cruiser: static, dynamic
// (`import()`), side-effect (`import "x"`) and type-only imports, npm packages and Node built-ins alike.
//
//   src/domain  <-  src/messaging  <-  templates, commands  <-  src/app  <-  src/adapters, src/jobs, src/http  <-  src/service.ts, src/main.ts
//
// src/lib (clock, logger, dayjs...), src/config and src/db are shared plumbing below src/app. Each rule
// names what a layer may NOT reach; test/unit/architecture/imports.test.ts runs them in `npm test` (and
// `npm run check:imports` prints them for a person).

/** npm packages the pure layers may use: validation, dates, YAML, China's holiday data. Nothing with I/O. */
const PURE_PACKAGES = "node_modules/(zod|dayjs|yaml|chinese-days|lunar-typescript)/";

/** Everything that talks to the outside: databases, platform SDKs, HTTP, scheduling, logging. */
const IO_PACKAGES = "node_modules/(@prisma|prisma|pg|better-sqlite3|@slack|@larksuiteoapi|fastify|node-cron|pino)/";

/** Layers above the pure core: the use cases and everything that runs them. */
const APP_AND_UP = "^src/(app|adapters|jobs|http|db|generated|config|service\\.ts|main\\.ts)";

module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "src/domain is rules and maths: it imports only itself, its data files (templates/calendars/*.json) and pure packages.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { pathNot: ["^src/domain/", "^templates/calendars/[^/]+\\.json$"], dependencyTypesNot: ["npm", "npm-dev", "npm-peer", "npm-optional", "core"] },
    },
    {
      name: "domain-uses-pure-packages-only",
      comment: "No database client, SDK or other I/O package in src/domain.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["npm", "npm-dev", "npm-peer", "npm-optional", "npm-no-pkg", "npm-unknown"], pathNot: PURE_PACKAGES },
    },
    {
      name: "domain-no-node-builtins",
      comment: "No node:fs, node:crypto, ... in src/domain: time, files and randomness are passed in.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "messaging-is-the-contract",
      comment: "src/messaging (cards, inbound events, the button codec) builds on the domain only.",
      severity: "error",
      from: { path: "^src/messaging/" },
      to: { pathNot: ["^src/(messaging|domain)/"], dependencyTypesNot: ["npm", "npm-dev", "npm-peer", "npm-optional", "core"] },
    },
    {
      name: "messaging-no-io",
      comment: "No database client or SDK in src/messaging; of Node's modules only node:crypto (button signatures).",
      severity: "error",
      from: { path: "^src/messaging/" },
      to: { dependencyTypes: ["npm", "npm-dev", "npm-peer", "npm-optional", "npm-no-pkg", "npm-unknown", "core"], pathNot: ["node_modules/zod/", "^crypto$"] },
    },
    {
      name: "templates-and-commands-stay-pure",
      comment: "templates/ and commands/ are pure functions and specs: no use case, adapter, database, SDK or Node I/O.",
      severity: "error",
      from: { path: "^(templates|commands)/" },
      to: { path: [APP_AND_UP, "^src/lib/(logger|background-work)", IO_PACKAGES] },
    },
    {
      name: "templates-and-commands-no-node-builtins",
      comment: "No node:fs, node:http, ... in templates/ or commands/.",
      severity: "error",
      from: { path: "^(templates|commands)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "app-knows-no-adapter",
      comment: "Use cases never reach a platform adapter, the scheduler, the HTTP server or the composition root.",
      severity: "error",
      from: { path: "^src/app/" },
      to: { path: ["^src/(adapters|jobs|http)/", "^src/(service|main)\\.ts$"] },
    },
    {
      name: "app-no-platform-sdk",
      comment: "Use cases talk to platforms through the ChatChannel port, never through an SDK or the HTTP server.",
      severity: "error",
      from: { path: "^src/app/" },
      to: { path: "node_modules/(@slack|@larksuiteoapi|fastify|node-cron)/" },
    },
    {
      name: "plumbing-stays-below-app",
      comment: "src/lib, src/config and src/db serve the layers above; they never import them.",
      severity: "error",
      from: { path: "^src/(lib|config|db)/" },
      to: { path: ["^src/(app|adapters|jobs|http|domain|messaging)/", "^(templates|commands)/", "^src/(service|main)\\.ts$"] },
    },
    {
      name: "adapters-jobs-http-below-the-root",
      comment: "Adapters, jobs and the HTTP server never import the composition root (src/service.ts, src/main.ts).",
      severity: "error",
      from: { path: "^src/(adapters|jobs|http)/" },
      to: { path: "^src/(service|main)\\.ts$" },
    },
    {
      name: "nothing-imports-main",
      comment: "src/main.ts is the entry point: nothing imports it.",
      severity: "error",
      from: {},
      to: { path: "^src/main\\.ts$" },
    },
    {
      name: "generated-client-through-db",
      comment: "The generated Prisma clients are loaded by src/db only (just the configured one); elsewhere a type at most.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(db|generated)/" },
      to: { path: "^src/generated/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "chart-renderer-loaded-on-use",
      comment: "ECharts and resvg add about 50 MB to a process: only src/adapters/charts/render-chart.ts imports them, and others reach it by import() (draw-chart.ts), so an idle service does not load them.",
      severity: "error",
      from: { pathNot: "^src/adapters/charts/render-chart\\.ts$" },
      to: { path: ["^src/adapters/charts/render-chart\\.ts$", "node_modules/(echarts|zrender|@resvg)/"], dynamic: false, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    // The generated Prisma clients are seen as targets (a rule names who may import them) but not walked.
    doNotFollow: { path: ["node_modules", "src/generated/"] },
    // Type-only imports count: a type from the database layer in the domain is still the wrong direction.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".js", ".json"] },
    moduleSystems: ["es6", "cjs"],
  },
};
