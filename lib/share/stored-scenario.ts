/**
 * Reading a saved scenario, whatever version it was saved in: each migration
 * lifts a document one version up, then today's schema fills the defaults of
 * fields added since. Old links keep working.
 */
import { z } from "zod";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";

export const CURRENT_SCENARIO_VERSION = 1;

type Document = Record<string, unknown>;

/** migrations[n] turns a version-n document into version n+1. None yet: v1 is the first. */
const migrations: Record<number, (doc: Document) => Document> = {};

const versionedSchema = z.looseObject({ version: z.number().int().min(1) });

export function migrateScenarioDocument(raw: unknown): Document {
  let doc: Document = versionedSchema.parse(raw);
  let version = doc.version as number;
  if (version > CURRENT_SCENARIO_VERSION) {
    throw new Error(`scenario version ${version} is newer than this planner (${CURRENT_SCENARIO_VERSION})`);
  }
  while (version < CURRENT_SCENARIO_VERSION) {
    const migrate = migrations[version];
    if (!migrate) throw new Error(`no migration from scenario version ${version}`);
    doc = migrate(doc);
    version += 1;
    doc.version = version;
  }
  return doc;
}

export function readStoredScenario(raw: unknown): Scenario {
  return scenarioSchema.parse(migrateScenarioDocument(raw));
}
