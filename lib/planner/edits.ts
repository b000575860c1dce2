/**
 * The editor's structural edits, as pure functions from a scenario to a new one.
 * Field edits go through setIn; these are the ones that keep several parts in step
 * (a device class and the runs that name it) or switch a dataset reference to an
 * inline object prefilled with the dataset's values, so a figure can be overridden.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";
import type { DeviceClassPlan } from "@/lib/model";
import type { DeviceRef, InlineDevice, InlinePrice, InlineRun, InlineVariant, Scenario } from "@/lib/schemas/scenario";
import { deviceKeyOf, shareSum } from "@/lib/schemas/scenario-rules";

// ---- tiers ----

export function addTier(scenario: Scenario): Scenario {
  const ids = new Set(scenario.tiers.map((t) => t.id));
  let n = scenario.tiers.length + 1;
  while (ids.has(`tier-${n}`)) n += 1;
  const tier = { id: `tier-${n}`, share: 0, inputTokens: 200, outputTokens: 100, minQuality: 0 };
  return { ...scenario, tiers: [...scenario.tiers, tier] };
}

export function removeTier(scenario: Scenario, index: number): Scenario {
  return { ...scenario, tiers: scenario.tiers.filter((_, i) => i !== index) };
}

/**
 * Scales the shares to sum to 1; the last tier takes the rounding remainder so the
 * sum is 1 to within the schema's tolerance. All-zero shares become equal shares.
 */
export function normalizeTierShares(scenario: Scenario): Scenario {
  const sum = shareSum(scenario.tiers);
  const count = scenario.tiers.length;
  const scaled = scenario.tiers.map((t) => (sum > 0 ? t.share / sum : 1 / count));
  const rest = scaled.slice(0, -1).reduce((s, x) => s + x, 0);
  return {
    ...scenario,
    tiers: scenario.tiers.map((t, i) => ({ ...t, share: i === count - 1 ? Math.max(0, 1 - rest) : scaled[i]! })),
  };
}

// ---- device classes ----

/** Adds the first dataset device not yet in the mix (or a custom phone when all are), with no users yet. */
export function addDeviceClass(scenario: Scenario, data: DatasetSnapshot): Scenario {
  const used = new Set(scenario.devices.map((d) => deviceKeyOf(d.device)));
  const free = data.devices.find((d) => !used.has(d.id));
  const device: DeviceRef = free ? free.id : customPhone(scenario);
  return { ...scenario, devices: [...scenario.devices, { device, share: 0 }] };
}

export function addCustomPhone(scenario: Scenario): Scenario {
  return { ...scenario, devices: [...scenario.devices, { device: customPhone(scenario), share: 0 }] };
}

function customPhone(scenario: Scenario): InlineDevice {
  const used = new Set(scenario.devices.map((d) => deviceKeyOf(d.device)));
  let n = 1;
  while (used.has(`custom-phone-${n}`)) n += 1;
  // A mid-range 2024 phone: 8 GB of LPDDR5 on a 64-bit bus (51.2 GB/s), a 4,500 mAh battery (17.4 Wh).
  return {
    id: `custom-phone-${n}`,
    name: `Custom phone ${n}`,
    ramGB: 8,
    memoryBandwidthGBps: 51.2,
    batteryWh: 17.4,
    status: "claimed",
  };
}

/** Removes a class and the inline runs that name it. */
export function removeDeviceClass(scenario: Scenario, index: number): Scenario {
  const entry = scenario.devices[index];
  if (!entry) return scenario;
  const key = deviceKeyOf(entry.device);
  return {
    ...scenario,
    devices: scenario.devices.filter((_, i) => i !== index),
    edge: { ...scenario.edge, runs: scenario.edge.runs.filter((r) => deviceKeyOf(r.device) !== key) },
  };
}

/**
 * Points a class at another device; inline runs and the class's own bandwidth
 * efficiency go with the old device, since they describe other hardware. The same
 * device as an inline copy (overriding its facts) keeps both.
 */
export function setDeviceRef(scenario: Scenario, index: number, device: DeviceRef): Scenario {
  const entry = scenario.devices[index];
  if (!entry) return scenario;
  const oldKey = deviceKeyOf(entry.device);
  const newKey = deviceKeyOf(device);
  if (oldKey === newKey) {
    return { ...scenario, devices: scenario.devices.map((d, i) => (i === index ? { ...d, device } : d)) };
  }
  return {
    ...scenario,
    devices: scenario.devices.map((d, i) => (i === index ? { device, share: d.share } : d)),
    edge: { ...scenario.edge, runs: scenario.edge.runs.filter((r) => deviceKeyOf(r.device) !== oldKey) },
  };
}

/**
 * Sets a class's own bandwidth efficiency (used instead of the scenario's when its
 * speed is estimated), or removes it (undefined) so the scenario's applies again.
 */
export function setDeviceEfficiency(scenario: Scenario, index: number, efficiency: number | undefined): Scenario {
  const entry = scenario.devices[index];
  if (!entry) return scenario;
  const next = { ...entry, bandwidthEfficiency: efficiency };
  // Removed rather than left as undefined: the class then reads like one never given an efficiency.
  if (efficiency === undefined) delete next.bandwidthEfficiency;
  return { ...scenario, devices: scenario.devices.map((d, i) => (i === index ? next : d)) };
}

/**
 * The dataset device as an inline object with its values, to override them. It keeps
 * the dataset id as its id, so the class is reported under the same key and the
 * dataset's benchmark runs on that device still apply.
 */
export function inlineDeviceFromDataset(data: DatasetSnapshot, id: string): InlineDevice | null {
  const device = data.devices.find((d) => d.id === id);
  if (!device || device.ramGB === null) return null;
  return {
    id: device.id,
    name: device.name,
    ramGB: device.ramGB,
    memoryBandwidthGBps: device.memoryBandwidthGBps,
    batteryWh: device.batteryWh,
    status: "claimed",
  };
}

/** Back to the dataset's values, when the inline device stands for a dataset device. */
export function datasetIdOfInlineDevice(data: DatasetSnapshot, device: DeviceRef): string | null {
  if (typeof device === "string") return null;
  return device.id !== undefined && data.devices.some((d) => d.id === device.id) ? device.id : null;
}

// ---- edge variant and cloud price ----

export function inlineVariantFromDataset(data: DatasetSnapshot, id: string, metric: string): InlineVariant | null {
  const variant = data.variants.find((v) => v.id === id);
  if (!variant) return null;
  const inline: InlineVariant = {
    name: `${variant.name} (custom)`,
    sizeGB: variant.sizeGB ?? 1,
    status: "claimed",
  };
  const score = variant.quality[metric]?.score;
  if (score !== undefined) inline.quality = score;
  if (variant.paramsB !== null) inline.paramsB = variant.paramsB;
  return inline;
}

export function inlinePriceFromDataset(data: DatasetSnapshot, id: string, metric: string): InlinePrice | null {
  const price = data.prices.find((p) => p.id === id);
  if (!price) return null;
  const inline: InlinePrice = {
    name: `${price.name} (negotiated)`,
    inputUsdPerMTok: price.inputUsdPerMTok,
    outputUsdPerMTok: price.outputUsdPerMTok,
    status: "claimed",
  };
  if (price.cachedInputUsdPerMTok !== null) inline.cachedInputUsdPerMTok = price.cachedInputUsdPerMTok;
  if (price.ttftMs !== null) inline.ttftMs = price.ttftMs;
  if (price.tokensPerSec !== null) inline.tokensPerSec = price.tokensPerSec;
  const score = price.quality[metric];
  if (score !== undefined) inline.quality = score;
  return inline;
}

// ---- inline runs ----

/** A prefilled figure people can read and edit: 4 significant digits (36.11, not 36.1128526645768). */
function readable(value: number): number {
  return Number(value.toPrecision(4));
}

/** Index in edge.runs of the inline run for a device class, or -1. */
export function inlineRunIndex(scenario: Scenario, deviceKey: string): number {
  return scenario.edge.runs.findIndex((r) => deviceKeyOf(r.device) === deviceKey);
}

/**
 * Overrides a class's speed figures with an inline run prefilled with the figures
 * the plan used (the dataset's run, or the planner's estimate), to be edited.
 */
export function addInlineRunFor(scenario: Scenario, deviceClass: DeviceClassPlan): Scenario {
  if (inlineRunIndex(scenario, deviceClass.deviceId) >= 0) return scenario;
  const run: InlineRun = {
    device: deviceClass.deviceId,
    decodeTokensPerSec: readable(deviceClass.decodeTokensPerSec ?? 10),
    status: "claimed",
  };
  if (deviceClass.ttftMs !== null) run.ttftMs = readable(deviceClass.ttftMs);
  if (deviceClass.powerW !== null) run.powerW = readable(deviceClass.powerW);
  if (deviceClass.throttlePct > 0) run.throttlePct = readable(deviceClass.throttlePct);
  return { ...scenario, edge: { ...scenario.edge, runs: [...scenario.edge.runs, run] } };
}

export function removeInlineRun(scenario: Scenario, index: number): Scenario {
  return { ...scenario, edge: { ...scenario.edge, runs: scenario.edge.runs.filter((_, i) => i !== index) } };
}
