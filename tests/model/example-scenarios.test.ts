/** The example scenarios in data/scenarios parse, and name ids in the seed dataset's forms. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioSchema } from "@/lib/schemas/scenario";

const dir = join(process.cwd(), "data", "scenarios");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

const MODELS = [
  "deepseek-r1-distill-qwen-1.5b",
  "gemma-3-1b",
  "gemma-4-e2b",
  "lfm2.5-1.2b-instruct",
  "phi-3.5-mini",
  "phi-4-mini",
  "qwen2.5-1.5b",
  "qwen3-1.7b",
  "qwen3.5-0.8b",
  "qwen3.5-2b",
  "smollm2-1.7b",
];
const QUANTS = ["iq1_s", "q2_k", "q3_k_m", "q4_0", "q4_k_m", "q5_k_m", "q6_k", "q8_0"];
const DEVICES = [
  "samsung-s23",
  "poco-myron",
  "poco-x7-klee",
  "samsung-galaxy-s24-ultra",
  "apple-iphone-15-pro",
  "poco-x6-pro",
  "xiaomi-14-pro",
];

describe("example scenarios", () => {
  it("has the three examples", () => {
    expect(files).toEqual(
      expect.arrayContaining(["chat-assistant-50k.json", "keyboard-suggestions.json", "document-assistant.json"]),
    );
  });

  for (const file of files) {
    it(`${file} parses and names seed ids`, () => {
      const parsed = scenarioSchema.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      const s = parsed.data!;
      expect(typeof s.edge.variant).toBe("string");
      const variant = s.edge.variant as string;
      expect(MODELS.some((m) => QUANTS.some((q) => variant === `${m}-${q}`))).toBe(true);
      for (const d of s.devices) expect(DEVICES).toContain(d.device);
      expect(s.cloud.price).toMatch(/^[a-z0-9_-]+\/[^/]/);
    });
  }
});
