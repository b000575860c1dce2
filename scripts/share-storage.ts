/**
 * Storage that anonymous share links can take: `clients` clients (each its own
 * address) post distinct scenarios to POST /api/scenarios as fast as they are
 * answered for `seconds`, against a running server; then the database file's
 * growth is read. The server's limits decide how much lands.
 *
 *   npm run bench:share-storage -- http://127.0.0.1:3000 data/app.db [clients=16] [seconds=60] [--forge]
 *
 * With --forge every request claims a new address (X-Forwarded-For), as a client
 * dodging the per-client limit would; the totals a minute and a day must hold it.
 * The clients tell their addresses in X-Forwarded-For, so the server must trust one
 * proxy hop (TRUST_PROXY_HOPS=1) to tell them apart; without it, all are one client.
 */
import { statSync } from "node:fs";
import { createClient } from "@libsql/client";

const forge = process.argv.includes("--forge");
const [baseUrl, dbPath, clientsArg, secondsArg] = process.argv.slice(2).filter((a) => a !== "--forge");
if (!baseUrl || !dbPath) {
  console.error("usage: share-storage <base url> <database file> [clients] [seconds]");
  process.exit(2);
}
const clients = Number(clientsArg ?? 16);
const seconds = Number(secondsArg ?? 60);

async function databaseBytes(): Promise<{ fileBytes: number; shareRows: number; shareBytes: number }> {
  const client = createClient({ url: `file:${dbPath}`, timeout: 30_000 });
  try {
    // Folds the write-ahead log into the file, so the file's size is what is stored.
    await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    const row = (await client.execute("select count(*) as n, coalesce(sum(length(scenario_json) + length(data_json)), 0) as bytes from scenarios")).rows[0]!;
    return { fileBytes: statSync(dbPath!).size, shareRows: Number(row.n), shareBytes: Number(row.bytes) };
  } finally {
    client.close();
  }
}

const scenario = (client: number, n: number) => ({
  version: 1,
  name: `abuse ${client}-${n}`,
  traffic: { monthlyActiveUsers: 10_000 + client * 100_000 + n },
  devices: [{ device: "samsung-s23", share: 0.5 }],
  edge: { variant: "qwen3-1.7b-q4_0" },
  cloud: { price: "deepseek/deepseek-chat" },
});

async function main(): Promise<void> {
  const before = await databaseBytes();
  const statuses = new Map<number, number>();
  const endAt = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; Date.now() < endAt; n++) {
        let status = 0;
        try {
          const response = await fetch(`${baseUrl}/api/scenarios`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": forge ? `10.${client + 1}.${(n >> 8) & 255}.${n & 255}` : `10.1.0.${client + 1}` },
            body: JSON.stringify(scenario(client, n)),
            signal: AbortSignal.timeout(Math.max(1, endAt - Date.now())),
          });
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = -1; // timed out at the end of the run
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const after = await databaseBytes();
  const grewMB = (after.fileBytes - before.fileBytes) / 1e6;
  console.log(`clients ${clients}${forge ? " (forging addresses)" : ""}, ${seconds} s; answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  console.log(`new share rows ${after.shareRows - before.shareRows}, their JSON ${((after.shareBytes - before.shareBytes) / 1e6).toFixed(3)} MB`);
  console.log(`database file grew ${grewMB.toFixed(3)} MB (${before.fileBytes} → ${after.fileBytes} bytes); bound 5 MB: ${grewMB <= 5 ? "within" : "OVER"}`);
}

void main();
