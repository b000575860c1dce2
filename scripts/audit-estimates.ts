/**
 * `npm run audit:estimates [-- --json]`: plans every measured run of the database
 * (DATABASE_URL) with its own figures hidden and prints estimate ÷ measured for
 * decode and first-token time, overall and by device, runtime, backend and
 * quantization (lib/model/estimate-audit.ts says how).
 */
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { isDatasetEmpty, seedDatabase } from "@/db/seed";
import { readEnv } from "@/lib/env";
import { auditEstimates, auditGroups, type AuditGroup, type AuditMode, type RatioSummary } from "@/lib/model/estimate-audit";

const MODES: Record<AuditMode, string> = {
  device: "Dataset device, its own (device, model) runs left out: the device's runs of other models still teach",
  unseen: "A device never seen: inline device (bandwidth) and inline variant (size, parameters, quantization), the device's runs left out",
};

function num(x: number | null): string {
  return x === null ? "–" : x.toFixed(2);
}

function cells(s: RatioSummary): string {
  const within = s.within2x === null ? "–" : `${Math.round(s.within2x * 100)} %`;
  return `${s.runs} | ${num(s.median)} | ${num(s.p10)} | ${num(s.p90)} | ${within}`;
}

function table(groups: AuditGroup[]): string {
  const lines = [
    "| group | decode runs | median | p10 | p90 | within 0.5–2× | first-token runs | median | p10 | p90 | within 0.5–2× |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const g of groups) {
    const name = g.by === "all" ? "**all**" : `${g.by}: ${g.key}`;
    lines.push(`| ${name} | ${cells(g.decode)} | ${cells(g.ttft)} |`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const env = readEnv();
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await migrateDatabase(db);
    if (await isDatasetEmpty(db)) await seedDatabase(db);
    const data = await loadDatasetSnapshot(db);
    const result = (Object.keys(MODES) as AuditMode[]).map((mode) => ({
      mode,
      description: MODES[mode],
      groups: auditGroups(auditEstimates(data, [mode])),
    }));
    if (process.argv.includes("--json")) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    for (const r of result) {
      process.stdout.write(`\n### ${r.description}\n\nestimate ÷ measured\n\n${table(r.groups)}\n`);
    }
  } finally {
    client.close();
  }
}

await main();
