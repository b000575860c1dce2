/**
 * The example scenarios the planner starts from (data/scenarios/*.json), read on
 * the server at request time so a new example shows up without a rebuild. A file
 * the scenario schema rejects is skipped with a console warning, not a broken page.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { scenarioSchema, type Scenario } from "@/lib/schemas/scenario";

export interface ExampleScenario {
  /** The file name without .json, e.g. "chat-assistant-50k". */
  id: string;
  scenario: Scenario;
}

const EXAMPLES_DIR = join(process.cwd(), "data", "scenarios");
/** The example the planner opens with when the URL names none. */
export const DEFAULT_EXAMPLE_ID = "chat-assistant-50k";

export async function loadExampleScenarios(): Promise<ExampleScenario[]> {
  let files: string[];
  try {
    files = (await readdir(EXAMPLES_DIR)).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return [];
  }
  const examples: ExampleScenario[] = [];
  for (const file of files) {
    try {
      const parsed = scenarioSchema.safeParse(JSON.parse(await readFile(join(EXAMPLES_DIR, file), "utf8")));
      if (parsed.success) examples.push({ id: file.replace(/\.json$/, ""), scenario: parsed.data });
      else console.warn(`Skipping example scenario ${file}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    } catch (error) {
      console.warn(`Skipping example scenario ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // The default first: the picker lists it first and the page opens on it.
  return examples.sort((a, b) => Number(b.id === DEFAULT_EXAMPLE_ID) - Number(a.id === DEFAULT_EXAMPLE_ID));
}
