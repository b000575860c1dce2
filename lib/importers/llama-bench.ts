/**
 * llama.cpp `llama-bench` output (`-o json` or `-o jsonl`) → native format.
 *
 * Each object is one test. The tests of one configuration (same model file,
 * model type and size, backends, threads, GPU layers, flash attention, KV cache
 * types, batch sizes, depth and build) become one `measured` run:
 *   - prefill = avg_ts of a prompt test (n_prompt > 0, n_gen = 0): the pp512
 *     test when there is one (llama-bench's default), else the one closest to 512;
 *   - decode = avg_ts of a generation test (n_gen > 0, n_prompt = 0): tg128 when
 *     there is one, else the closest to 128;
 *   - a combined pp+tg test's avg_ts blends both and is never decode: it is
 *     kept in the run's notes only.
 * llama-bench has no first-token, memory or power fields; nothing is estimated
 * here (an estimate stored as measured would be a lie), so ttftMs and
 * peakMemoryMB stay empty. weightsMB = model_size / 1e6.
 *
 * The device comes from the caller (`deviceId`, optionally `device`). Without
 * one, the machine is read from the file: the GPU that `gpu_info` names when the
 * backend offloads layers ("NVIDIA GeForce RTX 4090", a desktop), else the CPU that
 * cpu_info names ("Apple M5 Max"). A machine the dataset knows (`knownDevices`:
 * same id, name or SoC) is that device; another is proposed with a warning. A bare
 * "CPU" (Android, Linux ARM) makes the result an error with code "device_required"
 * so the upload form can ask.
 */
import { z } from "zod";
import type { DeviceInput, ModelInput, RunInput, SourceInput, VariantInput } from "@/lib/schemas/benchmark-file";
import { slugify, variantId } from "./ids";
import {
  backendOf,
  deviceKindOf,
  machineFromCpuInfo,
  machineFromGpuInfo,
  matchKnownDevice,
  type ModelNaming,
} from "./llama-bench-model";
import { groupTests, nameGroups, toRun } from "./llama-bench-run";
import { validateTest, type BenchTest } from "./llama-bench-test";
import { splitLlamaBenchText } from "./llama-bench-text";
import { deviceOptionsSchema, modelOptionsSchema, sourceOverrideSchema, withSource } from "./options";
import { fail, failure, finalize, type ImportIssue, type ImportResult, type ImportSkip } from "./result";

export const llamaBenchOptionsSchema = z.strictObject({
  ...deviceOptionsSchema.shape,
  ...modelOptionsSchema.shape,
  source: sourceOverrideSchema.optional(),
  /** Shown in the default source title. */
  fileName: z.string().max(200).optional(),
  /** Devices already in the dataset: a file from one of them refers to it instead of proposing a duplicate. */
  knownDevices: z
    .array(z.object({ id: z.string(), name: z.string(), soc: z.string().nullish() }))
    .max(10_000)
    .optional(),
});
export type LlamaBenchOptions = z.infer<typeof llamaBenchOptionsSchema>;

export function importLlamaBench(text: string, options: LlamaBenchOptions = {}): ImportResult {
  const split = splitLlamaBenchText(text);
  const errors: ImportIssue[] = [...split.errors];
  const tests: BenchTest[] = [];
  for (const raw of split.tests) {
    const checked = validateTest(raw);
    if (checked.ok) tests.push(checked.test);
    else errors.push(...checked.issues);
  }
  if (errors.length > 0) return failure(errors);
  if (tests.length === 0) return fail("(file)", "no llama-bench test found");

  const warnings = [...split.warnings];
  const skipped: ImportSkip[] = [];
  const runs: RunInput[] = [];
  const models = new Map<string, ModelInput>();
  const variants = new Map<string, VariantInput>();
  const devices = new Map<string, DeviceInput>();

  const knownNoted = new Set<string>();
  const groups = groupTests(tests);
  const namings = nameGroups(groups);
  for (const [index, group] of groups.entries()) {
    const first = group[0]!;
    const naming = namings[index];
    if (!naming) return fail(`${first.where}: model_type`, "cannot tell the model and quantization (model_type and model_filename say nothing usable)");
    const device = resolveDevice(first, options);
    if ("error" in device) return failure([device.error]);
    if (device.proposed) {
      if (!devices.has(device.id)) warnings.push(`device "${device.id}" proposed from ${device.from}: check it, or name the device`);
      devices.set(device.id, device.proposed);
    } else if (device.known && !knownNoted.has(device.id)) {
      knownNoted.add(device.id);
      warnings.push(`the file's machine (${device.from}) is the dataset's device "${device.id}"`);
    }
    if (options.device) devices.set(options.device.id, options.device);

    const vId = variantId(naming.modelId, naming.quantization)!;
    if (!models.has(naming.modelId)) models.set(naming.modelId, modelRow(naming, first));
    const known = variants.get(vId);
    if (known && first.model_size !== undefined && known.sizeGB !== first.model_size / 1e9) {
      warnings.push(`variant "${vId}" appears with two file sizes; the first (${known.sizeGB} GB) is kept`);
    } else if (!known) {
      variants.set(vId, {
        id: vId,
        modelId: naming.modelId,
        quantization: naming.quantization,
        ...(first.model_size !== undefined ? { sizeGB: first.model_size / 1e9 } : {}),
        status: "measured",
      });
    }
    const run = toRun(group, device.id, vId, warnings);
    if (run) runs.push(run);
    else {
      skipped.push({
        where: first.where,
        reason: "this configuration has only combined pp+tg tests, whose speed blends prefill and decode",
        code: "no_pp_or_tg_test",
      });
    }
  }
  if (runs.length === 0) return fail("(file)", "no prompt-only or generation-only test: nothing to import as a run");

  const emitModels = options.emitModels ?? true;
  return finalize(
    {
      format: "edge-llm-benchmarks",
      version: 1,
      source: withSource(defaultSource(tests, options.fileName), options.source),
      devices: [...devices.values()],
      models: emitModels ? [...models.values()] : [],
      variants: [...variants.values()],
      runs,
    },
    warnings,
    skipped,
  );
}

function modelRow(naming: ModelNaming, test: BenchTest): ModelInput {
  return {
    id: naming.modelId,
    name: naming.name,
    ...(test.model_n_params !== undefined ? { paramsB: test.model_n_params / 1e9 } : {}),
    ...(naming.activeParamsB !== undefined ? { activeParamsB: naming.activeParamsB } : {}),
    ...(naming.moe ? { architecture: "moe" as const } : {}),
  };
}

function resolveDevice(
  test: BenchTest & Record<string, unknown>,
  options: LlamaBenchOptions,
): { id: string; proposed?: DeviceInput; known?: boolean; from?: string } | { error: ImportIssue } {
  if (options.device) return { id: options.device.id };
  if (options.deviceId) return { id: options.deviceId };
  const gpu = machineFromGpuInfo(test.gpu_info, backendOf(test).backend);
  const machine = gpu ?? machineFromCpuInfo(test.cpu_info);
  const from = gpu ? `gpu_info "${String(test.gpu_info)}"` : `cpu_info "${String(test.cpu_info)}"`;
  const known = machine ? matchKnownDevice(machine, options.knownDevices ?? []) : null;
  if (known) return { id: known.id, known: true, from };
  const id = machine ? slugify(machine) : null;
  if (!machine || !id) {
    return {
      error: {
        where: `${test.where}: cpu_info`,
        message: `the file does not say which machine ran it (cpu_info ${JSON.stringify(test.cpu_info ?? null)}): name the device`,
        code: "device_required",
      },
    };
  }
  return { id, from, proposed: { id, name: machine, kind: deviceKindOf(machine), soc: machine } };
}

function defaultSource(tests: BenchTest[], fileName: string | undefined): SourceInput {
  const first = tests[0]! as BenchTest & Record<string, unknown>;
  return {
    kind: "upload",
    title: `llama-bench output${fileName ? `: ${fileName}` : ""}`.slice(0, 300),
    notes: `${tests.length} test(s); cpu_info ${JSON.stringify(first.cpu_info ?? null)}, gpu_info ${JSON.stringify(first.gpu_info ?? null)}`.slice(0, 2000),
  };
}
