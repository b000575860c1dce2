/**
 * Loads the seed dataset listed in data/seed/manifest.json: every file goes
 * through the same importers and schema an upload uses, all of them are
 * validated before anything is written, and the writes are one transaction.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { z } from "zod";
import { readEnv } from "@/lib/env";
import { importSeedText, seedManifestSchema, type SeedManifestEntry } from "@/lib/importers/seed-manifest";
import type { BenchmarkFile } from "@/lib/schemas/benchmark-file";
import { openDatabase, type Database } from "./client";
import { migrateDatabase } from "./migrate";
import { ingestBenchmarkFile } from "./queries/ingest";
import { sources } from "./schema";

export const defaultDataDir = fileURLToPath(new URL("../data", import.meta.url));

export async function isDatasetEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(sources);
  return (row?.n ?? 0) === 0;
}

interface PreparedSeedFile {
  entry: SeedManifestEntry;
  file: BenchmarkFile;
  contentHash: string;
}

/** Reads and validates every seed file; throws naming the file, row and field of the first bad one. */
export async function prepareSeedFiles(dataDir = defaultDataDir): Promise<PreparedSeedFile[]> {
  const manifestPath = join(dataDir, "seed", "manifest.json");
  const manifest = seedManifestSchema.parse(JSON.parse(await readFile(manifestPath, "utf8")));
  const prepared: PreparedSeedFile[] = [];
  for (const entry of manifest.entries) {
    const text = await readFile(join(dataDir, entry.file), "utf8");
    const result = importSeedText(entry, text);
    if (!result.ok) {
      const first = result.errors
        .slice(0, 5)
        .map((e) => `${e.where}: ${e.message}`)
        .join("; ");
      throw new Error(`Seed file data/${entry.file} is invalid: ${first}`);
    }
    prepared.push({ entry, file: result.file, contentHash: createHash("sha256").update(text).digest("hex") });
  }
  return prepared;
}

/** Seeds the database in one transaction; returns a one-line summary. */
export async function seedDatabase(db: Database, dataDir = defaultDataDir): Promise<string> {
  const prepared = await prepareSeedFiles(dataDir);
  let runs = 0;
  let prices = 0;
  let devices = 0;
  await db.transaction(async (tx) => {
    for (const { entry, file, contentHash } of prepared) {
      const summary = await ingestBenchmarkFile(tx, file, { format: entry.importer, contentHash });
      runs += summary.runsAdded;
      prices += summary.pricesAdded;
      devices += summary.devicesAdded;
    }
  });
  return `${prepared.length} files, ${devices} devices, ${runs} runs, ${prices} prices`;
}

async function main(): Promise<void> {
  const env = readEnv();
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await migrateDatabase(db);
    if (!(await isDatasetEmpty(db)) && !process.argv.includes("--force")) {
      console.log("The database already holds data; nothing seeded (pass --force to add the seed again).");
      return;
    }
    console.log(`Seeded ${env.DATABASE_URL}: ${await seedDatabase(db)}`);
  } finally {
    client.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    console.error(`Seed failed, nothing was written: ${message}`);
    process.exit(1);
  });
}
