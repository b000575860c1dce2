/**
 * The one migrate entry point: first start, `npm run db:migrate` and the tests
 * all come through here. With --seed-if-empty it also loads the seed dataset
 * into a database that has none.
 */
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import { readEnv } from "@/lib/env";
import { openDatabase, enableWriteAheadLog, type Database } from "./client";
import { backfillDedupeKeys } from "./queries/ingest";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export async function migrateDatabase(db: Database): Promise<void> {
  // Every start migrates first, so every server on a file database finds it in WAL mode.
  await enableWriteAheadLog(db);
  await migrate(db, { migrationsFolder });
  // Runs stored before their duplicate key existed get one (computed in code, as at ingest).
  await backfillDedupeKeys(db);
}

/** The innermost cause's message, on one line: drivers wrap the reason ("Failed query: …") around it. */
export function describeFailure(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  return message.split("\n")[0] ?? message;
}

async function main(): Promise<void> {
  const env = readEnv();
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await migrateDatabase(db);
    // Imported only when asked, so that migrating (and the tests) need no importers.
    const { isDatasetEmpty, seedDatabase } = await import("./seed");
    if (process.argv.includes("--seed-if-empty") && (await isDatasetEmpty(db))) {
      const summary = await seedDatabase(db);
      console.log(`Seeded ${env.DATABASE_URL}: ${summary}`);
    } else {
      console.log(`Database ${env.DATABASE_URL} is migrated.`);
    }
    // What the runs teach, and the digest of every run, learned by this build and stored before the first request, which then only reads them.
    const { learnDatasetVersion } = await import("./queries/version-learning");
    await learnDatasetVersion(db);
  } finally {
    client.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`Cannot prepare the database ${process.env.DATABASE_URL ?? "file:data/app.db"}: ${describeFailure(error)}`);
    process.exit(1);
  });
}
