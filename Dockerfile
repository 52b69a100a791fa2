# mediaops as a container: `docker build -t mediaops .` then
#   docker run -p 3000:3000 -v mediaops-data:/data -e MEDIAOPS_CONSOLE_TOKEN=<16+ chars> mediaops
# (SQLite in the /data volume), or DATABASE_URL=postgresql://... for replicas (compose.yaml). README "Deploy".
ARG NODE_VERSION=22

# ---- build: install everything, generate the Prisma clients, compile to dist/, then drop the dev dependencies.
FROM node:${NODE_VERSION}-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# postinstall generates both Prisma clients (no engine download: driver adapters and the WebAssembly engines).
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY templates ./templates
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- run: the compiled service under node as an unprivileged user, data in a volume.
FROM node:${NODE_VERSION}-bookworm-slim
# A CJK and an emoji font, so chart images render Chinese labels and emoji instead of empty boxes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-zenhei fonts-noto-color-emoji fontconfig \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir /data && chown node:node /data
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=file:/data/mediaops.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The image's own user ("node", uid 1000) owns nothing but /data; the code is read-only to it.
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is the main process (not npm, not a shell), so `docker stop` (SIGTERM) starts the graceful stop.
# A 4 MB young-generation semi-space (V8's default grows to 16 MB) keeps the idle process ~30 MB smaller
# One V8 platform thread instead of four (garbage collection and WebAssembly compilation helpers): each thread
# keeps its own malloc arena, ~20 MB idle, and a 2-core machine gains nothing from more. The same flags as `npm start`.
CMD ["node", "--max-semi-space-size=4", "--v8-pool-size=1", "dist/src/main.js"]
