/**
 * Per device class: capability, the speed figures used and their status, burst
 * and sustained latency per tier, energy and battery. Also the battery lists:
 * the plan's top-level one (every tier of the class on the edge, i.e. what the
 * feature costs the phone, checked against the cap) and each strategy's own.
 */
import { bandwidthBoundTokensPerSec } from "@/lib/plausibility/bandwidth-bound";
import { batteryStatus } from "./battery";
import type { DerivedScenario } from "./derive";
import type { Evaluation } from "./evaluate";
import type { StrategyName } from "./model";
import type { BatteryEntry, DeviceClassPlan, StrategyBattery } from "./plan-types";
import { sustainedDecode } from "./speed";

export function deviceClassPlans(derived: DerivedScenario, evaluation: Evaluation): DeviceClassPlan[] {
  const { model, cells, tiers } = evaluation;
  const { variant, scenario } = derived.resolved;
  const T = cells.tierCount;
  return derived.devices.map((device, d) => {
    const m = model.devices[d]!;
    const ready = m.notReady === null;
    const { speed, capability, resolved } = device;
    const bandwidth = resolved.memoryBandwidthGBps?.value ?? null;
    const bound =
      bandwidth !== null && variant.sizeGB !== null
        ? bandwidthBoundTokensPerSec(bandwidth, {
            sizeGB: variant.sizeGB.value,
            paramsB: variant.paramsB,
            activeParamsB: variant.activeParamsB,
            architecture: variant.architecture,
          })
        : null;
    const battery = ready ? (cells.fullEdgeBatteryPct[d] ?? null) : 0;
    const decode = speed.decodeTokensPerSec;
    const hasSpeed = speed.basis !== "none";
    let meanTtft: number | null = null;
    if (hasSpeed && ready) {
      meanTtft = 0;
      for (let t = 0; t < T; t++) meanTtft += (scenario.tiers[t]!.share) * cells.ttftMs[d * T + t]!;
    }
    const power = speed.powerW?.value ?? null;
    return {
      deviceId: resolved.key,
      name: resolved.name,
      share: resolved.share,
      capable: capability.capable,
      plannable: ready,
      reason: notReadyReason(derived, d),
      usableMemoryMB: capability.usableMemoryMB,
      peakMemoryMB: derived.peakMemoryMB?.value ?? null,
      speedBasis: speed.basis,
      backend: speed.backend,
      decodeTokensPerSec: decode?.value ?? null,
      speedStatus: decode?.status ?? null,
      decodeBasis: speed.decodeBasis,
      decodeRange: speed.decodeRange,
      sustainedDecodeTokensPerSec: decode ? sustainedDecode(decode.value, speed.throttlePct.value) : null,
      prefillTokensPerSec: speed.prefillTokensPerSec?.value ?? null,
      prefillStatus: speed.prefillTokensPerSec?.status ?? null,
      prefillBasis: speed.prefillBasis,
      prefillRange: speed.prefillRange,
      ttftMs: meanTtft,
      ttftStatus: (speed.ttftMs ?? speed.prefillTokensPerSec)?.status ?? null,
      powerW: power,
      powerStatus: speed.powerW?.status ?? null,
      powerBasis: speed.powerBasis,
      powerRange: speed.powerRange,
      energyPerTokenJ: power !== null && decode && decode.value > 0 ? power / decode.value : null,
      throttlePct: speed.throttlePct.value,
      throttleAfterMin: speed.throttleAfterMin,
      bandwidthBoundTokensPerSec: bound,
      batteryPctPerUserDay: battery,
      batteryStatus: batteryStatus(battery, scenario.constraints.maxBatteryPctPerUserDay),
      tiers: scenario.tiers.map((tier, t) => {
        const i = d * T + t;
        return {
          tierId: tier.id,
          ttftMs: hasSpeed && ready ? cells.ttftMs[i]! : null,
          burstLatencyMs: hasSpeed && ready ? cells.burstLatencyMs[i]! : null,
          sustainedLatencyMs: hasSpeed && ready ? cells.sustainedLatencyMs[i]! : null,
          energyJ: hasSpeed && ready && speed.powerW !== null ? cells.energyJ[i]! : null,
          cloudLatencyMs: tiers.cloudLatencyMs[t]!,
        };
      }),
    };
  });
}

function notReadyReason(derived: DerivedScenario, d: number): string | null {
  const device = derived.devices[d]!;
  if (derived.resolved.variant.sizeGB === null) return "the edge model's file size is unknown";
  if (!device.capability.capable) return `does not fit: ${device.capability.reason ?? "memory unknown"}`;
  return device.speed.reason;
}

export function batteryEntries(derived: DerivedScenario, evaluation: Evaluation): BatteryEntry[] {
  const { model, cells } = evaluation;
  const cap = model.maxBatteryPctPerUserDay;
  return model.devices.map((device, d) => {
    const ready = device.notReady === null;
    const full = ready ? (cells.fullEdgeBatteryPct[d] ?? null) : 0;
    const hybrid = !evaluation.routing.hybrid.ships[d] ? 0 : (cells.allowedBatteryPct[d] ?? null);
    let note: string | null = null;
    if (!ready) note = "the class cannot run the model, so it uses no battery for it";
    else if (derived.devices[d]!.speed.powerW === null) note = `power draw of ${derived.devices[d]!.resolved.name} unknown`;
    else if (full === null) note = `battery capacity of ${derived.devices[d]!.resolved.name} unknown`;
    return {
      deviceId: device.key,
      pctPerUserDay: full,
      status: batteryStatus(full, cap),
      hybridPctPerUserDay: hybrid,
      note,
    };
  });
}

export function strategyBattery(evaluation: Evaluation, name: StrategyName): StrategyBattery[] {
  const { model, cells, routing } = evaluation;
  const cap = model.maxBatteryPctPerUserDay;
  return model.devices.map((device, d) => {
    let pct: number | null = 0;
    if (name === "edgeOnly" && routing.edgeOnly.ships[d]) pct = cells.fullEdgeBatteryPct[d] ?? null;
    if (name === "hybrid" && routing.hybrid.ships[d]) pct = cells.allowedBatteryPct[d] ?? null;
    return { deviceId: device.key, pctPerUserDay: pct, status: batteryStatus(pct, cap) };
  });
}
