import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as planPost } from "@/app/api/plan/route";
import { useSeededAppDatabase } from "../helpers/app-db";
import type { TempDatabase } from "../helpers/temp-db";

const dir = join(process.cwd(), "data", "scenarios");
const examples = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("the example scenarios against the seeded dataset", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());

  it("ships three examples", () => {
    expect(examples.sort()).toEqual(["chat-assistant-50k.json", "document-assistant.json", "keyboard-suggestions.json"]);
  });

  it.each(examples)("%s names only ids the dataset has and plans to finite numbers", async (file) => {
    const body = readFileSync(join(dir, file), "utf8");
    const res = await planPost(new Request("http://localhost/api/plan", { method: "POST", body }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/NaN|Infinity/);
    const plan = JSON.parse(text);
    for (const strategy of ["cloudOnly", "edgeOnly", "hybrid"]) {
      expect(plan.strategies[strategy].tcoUsd).toBeGreaterThan(0);
    }
    // The recommendation is the cheapest feasible strategy, and cloud-only is always feasible.
    expect(plan.recommendation.tcoUsd).toBeLessThanOrEqual(plan.strategies.cloudOnly.tcoUsd);
  });
});
