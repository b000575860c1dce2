/**
 * What a reader of the plan should distrust: estimated figures in use,
 * figures that fail a plausibility check, low device coverage, constraints the
 * cloud itself misses, and anything the resolver noticed.
 */
import { checkDecodeBandwidthBound } from "@/lib/plausibility/bandwidth-bound";
import { checkBitsPerParameter } from "@/lib/plausibility/bits-per-parameter";
import { checkBatteryDrain, checkEnergyPerToken } from "@/lib/plausibility/energy";
import { cloudQualityWarnings } from "./cloud-quality";
import type { DerivedScenario } from "./derive";
import type { Evaluation } from "./evaluate";
import { ms, pct } from "./text";

/** Below this share of users on phones that can run the model, coverage is "low". */
export const LOW_COVERAGE_SHARE = 0.5;

export function planWarnings(derived: DerivedScenario, evaluation: Evaluation): string[] {
  const { resolved } = derived;
  const { scenario, variant, price } = resolved;
  const { model, tiers } = evaluation;
  const warnings = [...resolved.warnings];

  if (evaluation.traffic.totalRequestsPerMau * model.monthlyActiveUsers === 0) {
    warnings.push("The scenario has no requests: costs are fixed costs only and cost per 1,000 requests is undefined.");
  }

  // Coverage.
  const readyShare = model.devices.reduce((sum, d) => sum + (d.notReady === null ? d.share : 0), 0);
  if (model.devices.length === 0) {
    warnings.push("No device classes: every request goes to the cloud.");
  } else if (readyShare < LOW_COVERAGE_SHARE) {
    warnings.push(
      `Low coverage: only ${pct(readyShare)} of users have a phone that can run ${variant.name}; the rest always use the cloud.`,
    );
  }

  // The variant.
  if (variant.sizeGB?.status === "estimated") warnings.push(`${variant.name}: ${variant.sizeGB.note ?? "size estimated"}.`);
  if (derived.peakMemoryMB?.status === "estimated") {
    warnings.push(`${variant.name}: memory need estimated (${derived.peakMemoryMB.note ?? "no run reports it"}).`);
  }
  if (variant.quality === null && scenario.tiers.some((t) => t.minQuality > 0)) {
    warnings.push(
      `${variant.name} has no ${scenario.qualityMetric} score: tiers with a minimum quality stay on the cloud.`,
    );
  }
  if (variant.sizeGB && variant.paramsB) {
    const bits = checkBitsPerParameter({ sizeGB: variant.sizeGB.value, paramsB: variant.paramsB });
    if (!bits.ok) warnings.push(`Implausible data: ${variant.name}: ${bits.reason}.`);
  }

  // The cloud price.
  for (const f of [price.ttftMs, price.tokensPerSec]) {
    if (f.status === "estimated" && f.note) warnings.push(`${price.name}: ${f.note}.`);
  }
  warnings.push(...cloudQualityWarnings(price.name, price.quality, scenario.qualityMetric, scenario.tiers));
  const budget = scenario.constraints.latencyBudgetMs;
  if (budget !== null) {
    scenario.tiers.forEach((tier, t) => {
      const latency = tiers.cloudLatencyMs[t]!;
      if (latency > budget) {
        warnings.push(`The cloud misses the latency budget too for tier ${tier.id}: ${ms(latency)} > ${ms(budget)}.`);
      }
    });
  }

  // Each device class.
  derived.devices.forEach((device, d) => {
    const { speed, resolved: r } = device;
    const ready = model.devices[d]!.notReady === null;
    if (speed.basis === "none" && device.capability.capable) {
      warnings.push(`${r.name} cannot be planned on the edge: ${speed.reason ?? "no speed figure"}.`);
    }
    if (!ready) return;
    const estimatedParts: string[] = [];
    if (speed.decodeTokensPerSec?.status === "estimated") {
      estimatedParts.push(`decode speed (${speed.decodeTokensPerSec.note ?? "bandwidth estimate"})`);
    }
    if (speed.ttftMs?.status === "estimated") estimatedParts.push("first-token time");
    if (speed.prefillTokensPerSec?.status === "estimated") {
      estimatedParts.push(`prefill speed, so first-token time (${speed.prefillTokensPerSec.note ?? "estimate"})`);
    }
    if (speed.powerW?.status === "estimated") estimatedParts.push("power");
    if (estimatedParts.length > 0) warnings.push(`${r.name}: estimated ${estimatedParts.join(", ")}.`);
    if (speed.powerW === null) {
      warnings.push(`${r.name}: no power figure for a ${r.kind} in the dataset, so its energy and battery use are unknown.`);
    }

    const run = speed.run;
    if (run && run.decodeTokensPerSec !== null) {
      if (r.memoryBandwidthGBps && variant.sizeGB) {
        const bound = checkDecodeBandwidthBound({
          decodeTokensPerSec: run.decodeTokensPerSec,
          memoryBandwidthGBps: r.memoryBandwidthGBps.value,
          sizeGB: variant.sizeGB.value,
          paramsB: variant.paramsB,
          activeParamsB: variant.activeParamsB,
          architecture: variant.architecture,
        });
        if (!bound.ok) warnings.push(`Implausible data: ${r.name} (${run.source}): ${bound.reason}.`);
      }
      if (run.powerW !== null) {
        const energy = checkEnergyPerToken({
          powerW: run.powerW,
          decodeTokensPerSec: run.decodeTokensPerSec,
          paramsB: variant.paramsB,
          architecture: variant.architecture,
          processor: run.backend,
        });
        if (!energy.ok) warnings.push(`Implausible data: ${r.name} (${run.source}): ${energy.reason}.`);
      }
    }
    if (run && run.batteryDrainPctPer30Min !== null && r.batteryWh) {
      const drain = checkBatteryDrain({ drainPctPer30Min: run.batteryDrainPctPer30Min, batteryWh: r.batteryWh.value });
      if (!drain.ok) warnings.push(`Implausible data: ${r.name} (${run.source}): ${drain.reason}.`);
    }
    if (scenario.constraints.maxBatteryPctPerUserDay !== null && r.batteryWh === null) {
      warnings.push(`${r.name}: battery capacity unknown, so the battery cap is not checked for it.`);
    }
  });
  return warnings;
}
