/**
 * `npm run plan -- scenario.json`: prints the same plan JSON that POST /api/plan
 * answers, planned against the database named by DATABASE_URL.
 */
import { readFile } from "node:fs/promises";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { loadDatasetSnapshot } from "@/db/queries/snapshot";
import { isDatasetEmpty, seedDatabase } from "@/db/seed";
import { readEnv } from "@/lib/env";
import { parseJsonText, SCENARIO_BODY_LIMIT_BYTES } from "@/lib/http/body";
import { ApiError } from "@/lib/http/errors";
import { planRequest } from "@/lib/planning/plan-request";
import { runScript } from "./bench/run-script";

async function main(): Promise<number> {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: npm run plan -- scenario.json");
    return 2;
  }
  const text = await readFile(path, "utf8");
  if (Buffer.byteLength(text) > SCENARIO_BODY_LIMIT_BYTES) {
    console.error(`${path}: over the ${SCENARIO_BODY_LIMIT_BYTES}-byte limit of a scenario`);
    return 1;
  }
  const env = readEnv();
  const { db, client } = openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await migrateDatabase(db);
    if (await isDatasetEmpty(db)) await seedDatabase(db);
    const { plan } = await planRequest(parseJsonText(text), (params) => loadDatasetSnapshot(db, params));
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ApiError) {
      console.error(`${path}: ${error.message}`);
      for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
      return 1;
    }
    throw error;
  } finally {
    client.close();
  }
}

runScript(main);
