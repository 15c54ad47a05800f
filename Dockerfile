# One image for the api, the worker and the migration job (different commands).
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json .swcrc nest-cli.json ./
COPY apps apps
COPY libs libs
COPY workflows workflows
# Compiled apps and the prebuilt workflow bundle the workers load (no bundling at start-up).
RUN npm run build:workflows

FROM node:24-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# The `node` devDependency is not installed here: the image's own Node 24 runs the apps.
ENV SCARF_ANALYTICS=false
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app
# Owned by root: the app user can run the code but not change it.
COPY package.json package-lock.json ./
COPY --from=production-dependencies /app/node_modules node_modules
COPY --from=build /app/dist dist
# The folder copy of the audit checkpoints (a volume in docker-compose.yml takes this owner on its first use).
RUN mkdir -p /var/lib/qinglian/audit-checkpoints && chown node:node /var/lib/qinglian/audit-checkpoints
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
