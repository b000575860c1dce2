/**
 * PocketPal AI's benchmark matrix (version "1.1") → native format.
 *
 * One run per matrix cell (model × quant × backend), all `measured`:
 * decode = tg_avg, prefill = pp_avg, prompt/generated tokens and repetitions
 * from the file's `bench` block, the app's peak memory, and the weight buffers
 * (MiB → MB) as the size figure, which is the better one: `peak_memory_mb` can
 * be below the weights on GPU runs.
 *
 * Version "1.0" files are memory baselines (checkpoints of the app's memory,
 * no speeds, no quantization): they are refused with a message saying so,
 * because a run needs a variant and the file does not say which one was loaded.
 */
import { z } from "zod";
import type { DeviceInput, ModelInput, RunInput, SourceInput, VariantInput } from "@/lib/schemas/benchmark-file";
import { roundTo, slugify, variantId } from "./ids";
import { readInput, isRecord } from "./json";
import { moeFacts } from "./moe";
import { deviceOptionsSchema, modelOptionsSchema, sourceOverrideSchema, withSource } from "./options";
import { fail, failure, finalize, issuesFromZod, type ImportIssue, type ImportResult, type ImportSkip } from "./result";

export const pocketpalOptionsSchema = z.strictObject({
  ...deviceOptionsSchema.shape,
  ...modelOptionsSchema.shape,
  source: sourceOverrideSchema.optional(),
});
export type PocketPalOptions = z.infer<typeof pocketpalOptionsSchema>;

const MIB_IN_MB = 1.048576;

const positive = z
  .number({ error: "expected a positive number" })
  .positive({ error: "expected a positive number" });
const count = z.number({ error: "expected a whole number" }).int({ error: "expected a whole number" });
const text = z.string({ error: "expected text" }).trim().min(1, { error: "expected text" });

const matrixSchema = z.looseObject({
  version: z.literal("1.1"),
  device: text,
  soc: z.string().nullish(),
  platform: z.string().nullish(),
  os_version: z.string().nullish(),
  commit: z.string().nullish(),
  llama_rn_version: z.string().nullish(),
  timestamp: z.iso.datetime({ offset: true, error: "expected an ISO date-time" }).nullish(),
  bench: z
    .looseObject({
      pp: count.nonnegative().optional(),
      tg: count.nonnegative().optional(),
      nr: count.positive({ error: "expected a positive whole number" }).optional(),
    })
    .nullish(),
  runs: z.array(z.unknown(), { error: "expected a list of runs" }),
});

/** Only cells that finished ("ok") must carry figures; the others are skipped. */
const okRunSchema = z.looseObject({
  model_id: text,
  quant: text,
  effective_backend: text,
  requested_backend: z.string().nullish(),
  timestamp: z.iso.datetime({ offset: true, error: "expected an ISO date-time" }).nullish(),
  tg_avg: positive,
  pp_avg: positive.nullish(),
  peak_memory_mb: positive.nullish(),
  settings_fingerprint: z.string().nullish(),
  log_signals: z
    .looseObject({
      memory_buffers: z.looseObject({ weights_total_mib: positive.nullish() }).nullish(),
    })
    .nullish(),
});
type OkRun = z.infer<typeof okRunSchema>;
type Matrix = z.infer<typeof matrixSchema>;

export function importPocketPal(input: unknown, options: PocketPalOptions = {}): ImportResult {
  const read = readInput(input);
  if (!read.ok) return failure(read.errors);
  const raw = read.value;
  if (isRecord(raw) && raw.version === "1.0") {
    return fail(
      "version",
      'this is a PocketPal memory baseline (version "1.0"): it holds memory checkpoints but no speed figures ' +
        "and no quantization, so there is no run to import; upload a benchmark matrix (version \"1.1\")",
    );
  }
  const parsed = matrixSchema.safeParse(raw);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const matrix = parsed.data;

  const deviceRef = resolveDevice(matrix, options);
  if ("error" in deviceRef) return failure([deviceRef.error]);

  const errors: ImportIssue[] = [];
  const skipped: ImportSkip[] = [];
  const runs: RunInput[] = [];
  const variants = new Map<string, VariantInput>();
  const models = new Map<string, ModelInput>();

  matrix.runs.forEach((cell, index) => {
    const where = `runs[${index}]`;
    if (!isRecord(cell)) {
      errors.push({ where, message: "expected a run object" });
      return;
    }
    if (cell.status !== "ok") {
      skipped.push({ where, reason: `status is ${JSON.stringify(cell.status ?? null)}, not "ok"`, code: "status_not_ok" });
      return;
    }
    const run = okRunSchema.safeParse(cell);
    if (!run.success) {
      errors.push(...issuesFromZod(run.error, where));
      return;
    }
    const ids = cellIds(run.data);
    if (!ids) {
      errors.push({ where: `${where}.model_id`, message: "cannot make an id of the model and quant" });
      return;
    }
    if (!models.has(ids.modelId)) models.set(ids.modelId, modelRow(ids.modelId, run.data.model_id));
    noteVariantSize(variants, ids, run.data);
    runs.push(toRun(run.data, matrix, deviceRef.id, ids.variantId));
  });
  if (errors.length > 0) return failure(errors);
  if (runs.length === 0) return fail("runs", "no run with status \"ok\": nothing to import");

  const emitModels = options.emitModels ?? true;
  return finalize(
    {
      format: "edge-llm-benchmarks",
      version: 1,
      source: withSource(defaultSource(matrix), options.source),
      devices: deviceRef.device ? [deviceRef.device] : [],
      models: emitModels ? [...models.values()] : [],
      variants: [...variants.values()],
      runs,
    },
    [],
    skipped,
  );
}

function resolveDevice(
  matrix: Matrix,
  options: PocketPalOptions,
): { id: string; device?: DeviceInput } | { error: ImportIssue } {
  if (options.device) return { id: options.device.id, device: options.device };
  if (options.deviceId) return { id: options.deviceId };
  const id = slugify(matrix.device);
  if (!id) return { error: { where: "device", message: "cannot make a device id of it; name the device", code: "device_required" } };
  const os = [platformName(matrix.platform), matrix.os_version].filter(Boolean).join(" ");
  return {
    id,
    device: {
      id,
      name: matrix.device,
      kind: "phone",
      ...(matrix.soc ? { soc: matrix.soc } : {}),
      ...(os ? { os } : {}),
    },
  };
}

function platformName(platform: string | null | undefined): string | undefined {
  if (!platform) return undefined;
  return { android: "Android", ios: "iOS" }[platform.toLowerCase()] ?? platform;
}

function cellIds(run: OkRun): { modelId: string; variantId: string; quantization: string } | null {
  const modelId = slugify(run.model_id);
  const quantization = run.quant.toUpperCase();
  const vId = modelId ? variantId(modelId, quantization) : null;
  return modelId && vId ? { modelId, variantId: vId, quantization } : null;
}

/**
 * The variant's size is the smallest weights figure among its cells: GPU and
 * NPU backends add a few KiB of device buffers, and taking the minimum keeps
 * the size (rounded to the MB) the same in every device's file.
 */
function noteVariantSize(
  variants: Map<string, VariantInput>,
  ids: { modelId: string; variantId: string; quantization: string },
  run: OkRun,
): void {
  const mib = run.log_signals?.memory_buffers?.weights_total_mib ?? undefined;
  const sizeGB = mib === undefined ? undefined : roundTo((mib * MIB_IN_MB) / 1000, 3);
  const known = variants.get(ids.variantId);
  if (!known) {
    variants.set(ids.variantId, {
      id: ids.variantId,
      modelId: ids.modelId,
      quantization: ids.quantization,
      ...(sizeGB === undefined ? {} : { sizeGB }),
      status: "measured",
    });
  } else if (sizeGB !== undefined && (known.sizeGB === undefined || sizeGB < known.sizeGB)) {
    known.sizeGB = sizeGB;
  }
}

/** A mixture-of-experts model says so ("…-35B-A3B", gpt-oss): its active parameters bound its speed. */
function modelRow(id: string, name: string): ModelInput {
  const moe = moeFacts(id, name);
  return {
    id,
    name,
    ...(moe.moe ? { architecture: "moe" as const } : {}),
    ...(moe.activeParamsB !== undefined ? { activeParamsB: moe.activeParamsB } : {}),
  };
}

function toRun(run: OkRun, matrix: Matrix, deviceId: string, vId: string): RunInput {
  const mib = run.log_signals?.memory_buffers?.weights_total_mib ?? undefined;
  const notes = [
    run.requested_backend && run.requested_backend !== run.effective_backend
      ? `requested ${run.requested_backend}, ran on ${run.effective_backend}`
      : undefined,
    run.settings_fingerprint ?? undefined,
  ].filter(Boolean);
  return {
    deviceId,
    variantId: vId,
    runtime: "llama.cpp",
    backend: run.effective_backend,
    status: "measured",
    decodeTokensPerSec: run.tg_avg,
    ...(run.pp_avg ? { prefillTokensPerSec: run.pp_avg } : {}),
    ...(matrix.bench?.pp !== undefined ? { promptTokens: matrix.bench.pp } : {}),
    ...(matrix.bench?.tg !== undefined ? { generatedTokens: matrix.bench.tg } : {}),
    ...(matrix.bench?.nr !== undefined ? { repetitions: matrix.bench.nr } : {}),
    ...(run.peak_memory_mb ? { peakMemoryMB: run.peak_memory_mb } : {}),
    ...(mib !== undefined ? { weightsMB: roundTo(mib * MIB_IN_MB, 3) } : {}),
    ...(run.timestamp ? { measuredAt: run.timestamp } : {}),
    ...(notes.length > 0 ? { notes: notes.join("; ") } : {}),
  };
}

function defaultSource(matrix: Matrix): SourceInput {
  const bench = matrix.bench;
  const details = [
    matrix.commit ? `PocketPal commit ${matrix.commit}` : undefined,
    matrix.llama_rn_version ? `llama.rn ${matrix.llama_rn_version}` : undefined,
    bench ? `bench pp ${bench.pp ?? "?"}, tg ${bench.tg ?? "?"}, repetitions ${bench.nr ?? "?"}` : undefined,
    "peak memory is the app's; the size figure is the weight buffers",
  ].filter(Boolean);
  return {
    kind: "upload",
    title: `PocketPal benchmark matrix: ${matrix.device}${matrix.soc ? ` (${matrix.soc})` : ""}`,
    ...(matrix.timestamp ? { publishedAt: matrix.timestamp } : {}),
    notes: details.join("; "),
  };
}
