# One image for every Flotilla process; the command picks the role.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/domain/package.json libs/domain/
COPY libs/persistence/package.json libs/persistence/
COPY migrations/package.json migrations/
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build
ENV FLOTILLA_DATA_DIR=/data
CMD ["node", "apps/api/dist/main.js"]
