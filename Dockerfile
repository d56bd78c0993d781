# One image for every Flotilla process; the compose command picks the API or the workers.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/domain/package.json libs/domain/
COPY libs/persistence/package.json libs/persistence/
COPY migrations/package.json migrations/
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
# A named volume mounted on /data starts with this folder's owner.
RUN mkdir -p /data && chown node:node /data
USER node
ENV NODE_ENV=production FLOTILLA_DATA_DIR=/data
EXPOSE 6443
# The API's V8 flags: apps/api/node-flags.json.
CMD ["node", "--max-semi-space-size=64", "apps/api/dist/main.js"]
