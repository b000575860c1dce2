/**
 * The plan's `inputs` keys ("devices.samsung-s23.ramGB", "tiers.simple.share") in the
 * words of the parameter catalogue: "Samsung Galaxy S23's RAM", "Tier “simple”: share of
 * requests" (as /compare names tiers). A device or tier key is matched against the plan's own ids (an id may hold
 * a dot); a key the catalogue has no label for keeps its path.
 */
import type { Plan } from "@/lib/model";
import { fieldLabel } from "@/lib/planner/field-labels";
import { scenarioParam } from "@/lib/scenario-params/catalogue";

/** A device class's figures in `inputs`, by the catalogue pattern that labels them. */
const DEVICE_FIELD_PATTERNS: Record<string, string> = {
  share: "devices.#.share",
  bandwidthEfficiency: "devices.#.bandwidthEfficiency",
  ramGB: "devices.#.device.ramGB",
  memoryBandwidthGBps: "devices.#.device.memoryBandwidthGBps",
  batteryWh: "devices.#.device.batteryWh",
  decodeTokensPerSec: "edge.runs.#.decodeTokensPerSec",
  ttftMs: "edge.runs.#.ttftMs",
  prefillTokensPerSec: "edge.runs.#.prefillTokensPerSec",
  powerW: "edge.runs.#.powerW",
  throttlePct: "edge.runs.#.throttlePct",
};

/** Figures the plan reports but no one edits, so the catalogue has no label for them. */
const TIER_ONLY_LABELS: Record<string, string> = {
  longContextInputUsdPerMTok: "long-prompt input price",
  longContextOutputUsdPerMTok: "long-prompt output price",
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `label` of an indexed pattern with "{n}" standing for `who` ("Phone {n}'s RAM" → "Pixel 8's RAM"). */
function labelFor(pattern: string, who: string, prefix: string): string | null {
  const label = scenarioParam(pattern)?.label;
  if (label === undefined) return null;
  const named = `${prefix} {n}`;
  return label.includes(named) ? label.replace(named, who) : `${who}: ${lowerFirst(label)}`;
}

export function inputLabel(path: string, plan: Pick<Plan, "devices" | "tiers">): string {
  for (const device of plan.devices) {
    const at = `devices.${device.deviceId}`;
    if (path === at) return `Phone ${plan.devices.indexOf(device) + 1}`;
    if (!path.startsWith(`${at}.`)) continue;
    const pattern = DEVICE_FIELD_PATTERNS[path.slice(at.length + 1)];
    return (pattern && labelFor(pattern, device.name, "Phone")) ?? path;
  }
  for (const tier of plan.tiers) {
    const at = `tiers.${tier.tierId}.`;
    if (!path.startsWith(at)) continue;
    const field = path.slice(at.length);
    if (TIER_ONLY_LABELS[field]) return `Tier “${tier.tierId}”: ${TIER_ONLY_LABELS[field]}`;
    const label = scenarioParam(`tiers.#.${field}`)?.label;
    return label?.startsWith("Tier {n}'s ") ? label.replace("Tier {n}'s ", `Tier “${tier.tierId}”: `) : path;
  }
  return scenarioParam(path)?.label !== undefined ? fieldLabel(path).label : path;
}
