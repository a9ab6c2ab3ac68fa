# syntax=docker/dockerfile:1
# Consigne: one image serving the API, the beneficiary app (/) and the back-office (/admin).

FROM node:22-bookworm-slim AS build
WORKDIR /app
# Native modules (better-sqlite3, argon2) build from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY database/package.json database/
COPY server/package.json server/
COPY backoffice/package.json backoffice/
COPY beneficiary-web/package.json beneficiary-web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /app/database/package.json database/
COPY --from=build --chown=root:root /app/database/dist database/dist
COPY --from=build --chown=root:root /app/server/package.json server/
COPY --from=build --chown=root:root /app/server/dist server/dist
COPY --from=build --chown=root:root /app/backoffice/dist backoffice/dist
COPY --from=build --chown=root:root /app/beneficiary-web/dist beneficiary-web/dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "node server/dist/cli/main.js db:migrate && exec node server/dist/main.js"]
