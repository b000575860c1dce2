/**
 * data/seed/manifest.json: every input of the seed dataset, in load order,
 * with the importer and options that turn it into the native format. The
 * seeder (db/seed.ts) and the seed tests both read the seed through here, so
 * what the tests check is what the database gets.
 *
 * Paths are relative to data/. Devices, models and variants are created by the
 * first file that names them (db/queries/ingest.ts keeps existing rows), so a
 * file may refer to ids that an earlier entry created.
 */
import { z } from "zod";
import litellmAllowlistFile from "@/data/seed/litellm-allowlist.json";
import { importLiteLLM, litellmOptionsSchema } from "./litellm";
import { importLlmPrices, llmPricesOptionsSchema } from "./llm-prices";
import { importLlamaBench, llamaBenchOptionsSchema } from "./llama-bench";
import { importNative } from "./native";
import { importOpenRouter, openrouterOptionsSchema } from "./openrouter";
import { importPocketPal, pocketpalOptionsSchema } from "./pocketpal";
import { fail, type ImportResult } from "./result";

/** The allowlist of LiteLLM keys the seed imports: { keys: [{ key, why }] }. */
export const allowlistFileSchema = z.strictObject({
  description: z.string().optional(),
  keys: z.array(z.strictObject({ key: z.string().min(1), why: z.string().min(1) })).min(1),
});

/**
 * Allowlists a manifest may name. They are bundled (imported) rather than read
 * from disk because an entry is imported from its own text alone.
 */
const ALLOWLIST_FILES: Record<string, unknown> = {
  "seed/litellm-allowlist.json": litellmAllowlistFile,
};

const file = z.string().regex(/^[a-z0-9][\w./-]*\.(json|jsonl)$/i, "a .json or .jsonl path relative to data/");
const note = z.string().max(500).optional();

export const seedManifestEntrySchema = z.discriminatedUnion("importer", [
  z.strictObject({ file, importer: z.literal("native"), note }),
  z.strictObject({ file, importer: z.literal("pocketpal"), note, options: pocketpalOptionsSchema.optional() }),
  z.strictObject({ file, importer: z.literal("llama-bench"), note, options: llamaBenchOptionsSchema.optional() }),
  z.strictObject({
    file,
    importer: z.literal("litellm"),
    note,
    options: litellmOptionsSchema.omit({ allowlist: true }).extend({
      /** One of the bundled allowlists (ALLOWLIST_FILES), or the keys inline. */
      allowlistFile: z.enum(Object.keys(ALLOWLIST_FILES) as [string, ...string[]]).optional(),
      allowlist: z.array(z.string().min(1)).optional(),
    }),
  }),
  z.strictObject({ file, importer: z.literal("openrouter"), note, options: openrouterOptionsSchema }),
  z.strictObject({ file, importer: z.literal("llm-prices"), note, options: llmPricesOptionsSchema }),
]);
export type SeedManifestEntry = z.infer<typeof seedManifestEntrySchema>;

export const seedManifestSchema = z.strictObject({
  version: z.literal(1),
  description: z.string().optional(),
  entries: z.array(seedManifestEntrySchema).min(1),
});
export type SeedManifest = z.infer<typeof seedManifestSchema>;

export function allowlistKeys(path: string): string[] {
  return allowlistFileSchema.parse(ALLOWLIST_FILES[path]).keys.map((k) => k.key);
}

/** Imports one manifest entry from the text of its file. */
export function importSeedText(entry: SeedManifestEntry, text: string): ImportResult {
  switch (entry.importer) {
    case "native":
      return importNative(text);
    case "pocketpal":
      return importPocketPal(text, entry.options);
    case "llama-bench":
      return importLlamaBench(text, { fileName: entry.file.split("/").pop(), ...entry.options });
    case "litellm": {
      const { allowlistFile, allowlist, ...rest } = entry.options;
      const keys = [...(allowlistFile ? allowlistKeys(allowlistFile) : []), ...(allowlist ?? [])];
      return importLiteLLM(text, { ...rest, ...(allowlistFile || allowlist ? { allowlist: keys } : {}) });
    }
    case "openrouter":
      return importOpenRouter(text, entry.options);
    case "llm-prices":
      return importLlmPrices(text, entry.options);
    default:
      return fail("importer", "unknown importer");
  }
}
