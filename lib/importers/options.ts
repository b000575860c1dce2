/**
 * Options the importers share. They are zod schemas because the seed manifest
 * (a JSON file) and the upload form pass them across a boundary.
 */
import { z } from "zod";
import {
  deviceSchema,
  slugSchema,
  sourceSchema,
  type SourceInput,
} from "@/lib/schemas/benchmark-file";

/** Fields that replace the importer's default source (title, kind, url …). */
export const sourceOverrideSchema = sourceSchema.partial();
export type SourceOverride = z.infer<typeof sourceOverrideSchema>;

export const deviceOptionsSchema = z.strictObject({
  /** The device the file came from; without `device` it must already exist (it is referenced, not created). */
  deviceId: slugSchema.optional(),
  /** A full device row to create with the file. */
  device: deviceSchema.optional(),
});

export const modelOptionsSchema = z.strictObject({
  /**
   * false: variants refer to models that already exist (the seed loads a model
   * catalogue first) instead of carrying a thin model row of their own.
   */
  emitModels: z.boolean().optional(),
});

export function withSource(defaults: SourceInput, override: SourceOverride | undefined): SourceInput {
  return { ...defaults, ...override };
}

/** ISO date (YYYY-MM-DD) of a pricing feed; feeds carry no dates per entry. */
export const effectiveDateSchema = z.iso.date();
