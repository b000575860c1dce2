import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import type { SourceRow } from "@/db/schema";
import { listDevices } from "@/db/queries/devices";
import { commitUpload, findSourceByContentHash, previewUpload } from "@/db/queries/uploads";
import { withWriteLock } from "@/db/write-lock";
import { importText } from "@/lib/importers/detect";
import { requireAdmin } from "@/lib/http/auth";
import { readTextBody } from "@/lib/http/body";
import { errorResponse, parseOrThrow, queryOf } from "@/lib/http/errors";
import { postUploadQuerySchema, UPLOAD_BODY_LIMIT_BYTES, uploadResponseSchema, type UploadResponse } from "@/lib/schemas/uploads";

export const dynamic = "force-dynamic";

const empty: Omit<UploadResponse, "format" | "dryRun"> = {
  uploadId: null,
  alreadyUploaded: false,
  runsAdded: 0,
  duplicates: 0,
  pricesAdded: 0,
  newDevices: [],
  newModels: [],
  newVariants: [],
  warnings: [],
  errors: [],
  calibrations: [],
  deviceRequired: false,
};

function answer(body: UploadResponse, status: number) {
  return NextResponse.json(uploadResponseSchema.parse(body), { status });
}

/**
 * Body: the file. `?dryRun=1` previews (what would be added, duplicates,
 * plausibility warnings, located errors) and writes nothing; without it the
 * file is committed in one transaction or not at all.
 */
export async function POST(request: Request) {
  try {
    requireAdmin(request);
    const query = parseOrThrow(postUploadQuerySchema, queryOf(request.url), "invalid:upload_query");
    const text = await readTextBody(request, UPLOAD_BODY_LIMIT_BYTES);
    const contentHash = createHash("sha256").update(text).digest("hex");
    const db = getDatabase();

    const imported = importText(text, {
      deviceId: query.device,
      device: query.newDevice,
      effectiveDate: query.effectiveDate ?? new Date().toISOString().slice(0, 10),
      fileName: query.name,
      source: { kind: "upload", ...(query.name ? { title: query.name } : {}) },
      knownDevices: (await listDevices(db)).map(({ id, name, soc }) => ({ id, name, soc })),
    });
    if (!imported.ok) {
      return answer(
        {
          ...empty,
          format: imported.format,
          dryRun: query.dryRun,
          errors: imported.errors,
          deviceRequired: imported.errors.some((e) => e.code === "device_required"),
        },
        422,
      );
    }
    const { file, format } = imported;

    const alreadyUploaded = (previous: SourceRow) =>
      answer(
        {
          ...empty,
          uploadId: previous.id,
          format,
          dryRun: query.dryRun,
          alreadyUploaded: true,
          duplicates: file.runs.length,
          warnings: [`This file was uploaded before (upload ${previous.id}, ${previous.createdAt}); nothing is stored twice.`],
        },
        200,
      );
    const previous = await findSourceByContentHash(db, contentHash);
    if (previous) return alreadyUploaded(previous);

    const preview = await previewUpload(db, file);
    const warnings = [
      ...imported.warnings,
      ...imported.skipped.map((s) => `${s.where}: skipped, ${s.reason}`),
      ...preview.warnings.map((w) => `runs[${w.row}] (${w.deviceId}, ${w.variantId}): ${w.reason}`),
    ];
    const result: UploadResponse = {
      ...empty,
      format,
      dryRun: query.dryRun,
      runsAdded: preview.runs,
      duplicates: preview.duplicateRows.length,
      pricesAdded: preview.prices,
      newDevices: preview.newDevices,
      newModels: preview.newModels,
      newVariants: preview.newVariants,
      warnings,
      calibrations: preview.calibrations,
    };
    if (query.dryRun) return answer(result, 200);

    // Checked again under the lock: the same file sent twice at once is stored once.
    const committed = await withWriteLock(async () => {
      const raced = await findSourceByContentHash(db, contentHash);
      if (raced) return { kind: "raced" as const, raced };
      const summary = await db.transaction((tx) =>
        commitUpload(tx, file, { format: format ?? "native", contentHash, duplicateRows: preview.duplicateRows }),
      );
      return { kind: "stored" as const, summary };
    });
    if (committed.kind === "raced") return alreadyUploaded(committed.raced);
    return answer({ ...result, uploadId: committed.summary.sourceId, runsAdded: committed.summary.runsAdded }, 201);
  } catch (error) {
    return errorResponse(error);
  }
}
