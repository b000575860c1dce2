/**
 * One upload, previewed or committed: import the text, check what it refers to
 * and what physics rules out, then (unless a dry run) store it whole under the
 * write lock. The dry run and the commit run the same steps up to the write, so
 * a preview's status and body are the commit's.
 */
import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { listDevices } from "@/db/queries/devices";
import { existingDedupeKeys, runDedupeKey } from "@/db/queries/ingest";
import {
  commitUpload,
  findReferencesByIds,
  findSourceByContentHash,
} from "@/db/queries/uploads";
import type { SourceRow } from "@/db/schema";
import { withWriteLock } from "@/db/write-lock";
import { importText } from "@/lib/importers/detect";
import type { BenchmarkFile } from "@/lib/schemas/benchmark-file";
import type { PostUploadQuery, UploadResponse } from "@/lib/schemas/uploads";
import { learnAfterCommit } from "./learn-after-write";
import { previewUpload, referencedIds, type StoredFacts, type UploadPreview } from "./upload-preview";

export interface UploadOutcome {
  status: 200 | 201 | 422;
  body: UploadResponse;
}

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
  held: [],
  confirmationRequired: false,
  calibrations: [],
  deviceRequired: false,
};

/** What a validated file would add, against what the database holds: the preview and the commit's plan. */
export async function previewFile(db: Database, file: BenchmarkFile): Promise<UploadPreview> {
  // Hashed once: the look-up, the preview and the commit all use these.
  const runKeys = file.runs.map(runDedupeKey);
  return previewUpload(file, await loadStoredFacts(db, file, runKeys), runKeys);
}

async function loadStoredFacts(db: Database, file: BenchmarkFile, fileRunKeys: readonly string[]): Promise<StoredFacts> {
  const ids = referencedIds(file);
  const [stored, runKeys] = await Promise.all([findReferencesByIds(db, ids), existingDedupeKeys(db, fileRunKeys)]);
  return {
    devices: stored.devices,
    variants: stored.variants.map(({ variant, model }) => ({
      id: variant.id,
      sizeGB: variant.sizeGB,
      quantization: variant.quantization,
      paramsB: model.paramsB,
      activeParamsB: model.activeParamsB,
      architecture: model.architecture,
    })),
    modelIds: stored.modelIds,
    runKeys,
  };
}

export async function uploadFile(
  db: Database,
  input: {
    text: string;
    query: PostUploadQuery;
    signal?: AbortSignal;
    /** The lock the write is taken under: this thread's by default; a worker thread borrows the server's. */
    writeLock?: <T>(work: () => Promise<T>) => Promise<T>;
    /** `db` is the app's database: a large dataset is learned after the commit in a worker thread (learn-after-write.ts). */
    learnOffThread?: boolean;
  },
): Promise<UploadOutcome> {
  const { text, query } = input;
  const contentHash = createHash("sha256").update(text).digest("hex");
  const imported = importText(text, {
    deviceId: query.device,
    device: query.newDevice,
    effectiveDate: query.effectiveDate ?? new Date().toISOString().slice(0, 10),
    fileName: query.name,
    source: { kind: "upload", ...(query.name ? { title: query.name } : {}) },
    knownDevices: (await listDevices(db)).map(({ id, name, soc }) => ({ id, name, soc })),
  });
  if (!imported.ok) {
    return {
      status: 422,
      body: {
        ...empty,
        format: imported.format,
        dryRun: query.dryRun,
        errors: imported.errors,
        deviceRequired: imported.errors.some((e) => e.code === "device_required"),
      },
    };
  }
  const { file, format } = imported;

  const alreadyUploaded = (previous: SourceRow): UploadOutcome => ({
    status: 200,
    body: {
      ...empty,
      uploadId: previous.id,
      format,
      dryRun: query.dryRun,
      alreadyUploaded: true,
      duplicates: file.runs.length,
      warnings: [`This file was uploaded before (upload ${previous.id}, ${previous.createdAt}); nothing is stored twice.`],
    },
  });
  const previous = await findSourceByContentHash(db, contentHash);
  if (previous) return alreadyUploaded(previous);

  const preview = await previewFile(db, file);
  const confirmationRequired = preview.held.length > 0 && !query.confirm;
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
    warnings: [...imported.warnings, ...imported.skipped.map((s) => `${s.where}: skipped, ${s.reason}`)],
    errors: preview.errors,
    held: preview.held,
    confirmationRequired,
    calibrations: preview.calibrations,
  };
  if (preview.errors.length > 0 || confirmationRequired) return { status: 422, body: result };
  if (query.dryRun) return { status: 200, body: result };
  // A client that has gone does not need the write: stop before taking the lock.
  input.signal?.throwIfAborted();

  // Checked again inside the write transaction (BEGIN IMMEDIATE holds the file's write lock,
  // across processes too): the same file sent twice at once, to one server or two, is stored once.
  const committed = await (input.writeLock ?? withWriteLock)(() =>
    db.transaction(async (tx) => {
      const raced = await findSourceByContentHash(tx, contentHash);
      if (raced) return { kind: "raced" as const, raced };
      const summary = await commitUpload(tx, file, {
        format: format ?? "native",
        contentHash,
        duplicateRows: preview.duplicateRows,
        runKeys: preview.runKeys,
      });
      return { kind: "stored" as const, summary };
    }),
  );
  if (committed.kind === "raced") return alreadyUploaded(committed.raced);
  // Learned now, not by the next reader: here when cheap, else in a worker (learn-after-write.ts).
  await learnAfterCommit(db, { offThread: input.learnOffThread ?? false });
  return { status: 201, body: { ...result, uploadId: committed.summary.sourceId, runsAdded: committed.summary.runsAdded } };
}
