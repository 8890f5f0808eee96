# syntax=docker/dockerfile:1

FROM node:24-bookworm-slim AS build
WORKDIR /app
# The npm of a developer's machine, whatever the image bundles: it runs only the install scripts "allowScripts" in
# package.json allows (an npm that ignores the field runs every dependency's).
RUN npm install --global npm@11.19.1
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY libs/domain/package.json libs/domain/
COPY libs/infrastructure/package.json libs/infrastructure/
COPY apps/admin/package.json apps/admin/
RUN npm ci
COPY . .
# Only what the server runs: no development dependencies (the embedded PostgreSQL, the development inbox's SMTP
# server, the dashboard's React and build tools), no benchmarks, no test helpers or in-memory fakes, and no links to
# the workspaces' sources (dist reaches the libraries by relative paths).
RUN npm run build && npm prune --omit=dev \
  && rm -rf dist/bench node_modules/@gatehouse \
  && find dist -type d -name testing -prune -exec rm -rf {} +

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", \
    "fetch('http://127.0.0.1:3000/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
