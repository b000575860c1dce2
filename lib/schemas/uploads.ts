/** The upload API's query string and answer. */
import { z } from "zod";
import { deviceSchema, slugSchema } from "./benchmark-file";

export const UPLOAD_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

export const postUploadQuerySchema = z.strictObject({
  dryRun: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  /** The device the file came from, when the file does not say: a dataset id… */
  device: slugSchema.optional(),
  /** …or a new device described as JSON (the native format's device object). */
  newDevice: z
    .string()
    .max(4000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        return deviceSchema.parse(JSON.parse(text));
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof z.ZodError ? z.prettifyError(error) : "not valid JSON" });
        return z.NEVER;
      }
    }),
  /** Pricing feeds carry no dates: the day the feed was fetched (default today). */
  effectiveDate: z.iso.date().optional(),
  /** Stores runs a plausibility check rules out, after the person has seen why (see `held`). */
  confirm: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  /** The uploaded file's name, shown as the source and used to name models. */
  name: z.string().trim().min(1).max(200).optional(),
});

export type PostUploadQuery = z.output<typeof postUploadQuerySchema>;

export const uploadIssueSchema = z.object({
  where: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export type UploadIssue = z.infer<typeof uploadIssueSchema>;

export const uploadResponseSchema = z.object({
  uploadId: z.number().int().nullable(),
  format: z.string().nullable(),
  dryRun: z.boolean(),
  alreadyUploaded: z.boolean(),
  runsAdded: z.number().int(),
  duplicates: z.number().int(),
  pricesAdded: z.number().int(),
  newDevices: z.array(z.string()),
  newModels: z.array(z.string()),
  newVariants: z.array(z.string()),
  warnings: z.array(z.string()),
  errors: z.array(uploadIssueSchema),
  /**
   * Runs a physical plausibility check rules out, one entry per failed check. While any is
   * listed and `confirm` is not set, the dry run and the commit both answer 422 and nothing is stored.
   */
  held: z.array(uploadIssueSchema),
  /** Set when `held` is not empty and the request did not confirm it. */
  confirmationRequired: z.boolean(),
  /** Measured decode ÷ bandwidth bound of this file's runs, per device and runtime: a calibrated efficiency. */
  calibrations: z.array(
    z.object({ deviceId: z.string(), runtime: z.string(), efficiency: z.number(), variants: z.number().int() }),
  ),
  /** Set when the file does not name its device: ask for one and send it again. */
  deviceRequired: z.boolean(),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;
