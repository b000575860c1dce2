/**
 * The scenario's fields as people see them: label, the unit shown beside the
 * input, the scale from stored to shown value, and the arrow-key step. The editor's
 * inputs, the problem messages (issue-words.ts) and the comparison of scenarios all
 * read this one table. Paths are dotted; "#" stands for an index (tiers.#.share),
 * and `{n}` in a label for that index counted from 1.
 */
export interface FieldLabel {
  label: string;
  /** The unit shown beside the input ("users", "ms", "%"); "" for text. */
  unit: string;
  /** Shown value = stored value × scale (shares are stored 0..1 and shown in %). */
  scale?: number;
  /** Arrow-key step in shown units. */
  step?: number;
}

/** A shown value with its unit as a sentence writes it: "50,000 users", "60%". */
export function withUnit(shown: string, unit: string): string {
  if (unit === "") return shown;
  return unit.startsWith("%") ? `${shown}${unit}` : `${shown} ${unit}`;
}

const pct = { unit: "%", scale: 100, step: 5 };

const LABELS: Record<string, FieldLabel> = {
  name: { label: "Scenario name", unit: "" },
  horizonMonths: { label: "Horizon", unit: "months", step: 12 },
  qualityMetric: { label: "Quality metric", unit: "" },
  "traffic.monthlyActiveUsers": { label: "Monthly active users", unit: "users", step: 1000 },
  "traffic.requestsPerUserPerDay": { label: "Requests per user per day", unit: "requests", step: 1 },
  "traffic.activeDaysPerMonth": { label: "Active days per month", unit: "days" },
  "traffic.monthlyGrowthPct": { label: "User growth", unit: "%/month", step: 0.5 },
  tiers: { label: "Request tiers", unit: "" },
  "tiers.#.id": { label: "Tier {n}'s name", unit: "" },
  "tiers.#.share": { label: "Tier {n}'s share of requests", ...pct },
  "tiers.#.inputTokens": { label: "Tier {n}'s input", unit: "tokens", step: 50 },
  "tiers.#.outputTokens": { label: "Tier {n}'s output", unit: "tokens", step: 50 },
  "tiers.#.minQuality": { label: "Tier {n}'s minimum quality", unit: "%", step: 5 },
  devices: { label: "Users' phones", unit: "" },
  "devices.#.device": { label: "Phone {n}", unit: "" },
  "devices.#.share": { label: "Phone {n}'s share of users", ...pct },
  "devices.#.bandwidthEfficiency": { label: "Phone {n}'s bandwidth efficiency", unit: "of the bandwidth bound", step: 0.05 },
  "devices.#.device.name": { label: "Phone {n}'s name", unit: "" },
  "devices.#.device.ramGB": { label: "Phone {n}'s RAM", unit: "GB" },
  "devices.#.device.memoryBandwidthGBps": { label: "Phone {n}'s memory bandwidth", unit: "GB/s" },
  "devices.#.device.batteryWh": { label: "Phone {n}'s battery", unit: "Wh" },
  "edge.variant": { label: "On-device model", unit: "" },
  "edge.variant.name": { label: "Model name", unit: "" },
  "edge.variant.sizeGB": { label: "Model file size", unit: "GB" },
  "edge.variant.peakMemoryMB": { label: "Model peak memory", unit: "MB" },
  "edge.variant.quality": { label: "Model quality", unit: "%" },
  "edge.variant.paramsB": { label: "Model parameters", unit: "B" },
  "edge.runtime": { label: "Runtime", unit: "" },
  "edge.runs.#.device": { label: "Speed override {n}'s phone", unit: "" },
  "edge.runs.#.decodeTokensPerSec": { label: "Decode speed", unit: "tok/s" },
  "edge.runs.#.ttftMs": { label: "First token time", unit: "ms", step: 50 },
  "edge.runs.#.powerW": { label: "Power", unit: "W" },
  "edge.runs.#.throttlePct": { label: "Throttling", unit: "%" },
  "cloud.price": { label: "Cloud price", unit: "" },
  "cloud.price.name": { label: "Price name", unit: "" },
  "cloud.price.inputUsdPerMTok": { label: "Input price", unit: "$/1M tok", step: 0.05 },
  "cloud.price.outputUsdPerMTok": { label: "Output price", unit: "$/1M tok", step: 0.05 },
  "cloud.price.cachedInputUsdPerMTok": { label: "Cached input price", unit: "$/1M tok" },
  "cloud.price.ttftMs": { label: "Cloud first token time", unit: "ms", step: 50 },
  "cloud.price.tokensPerSec": { label: "Cloud output speed", unit: "tok/s" },
  "cloud.price.quality": { label: "Cloud model quality", unit: "%" },
  "cloud.cachedInputShare": { label: "Cached input share", ...pct },
  "cloud.networkRttMs": { label: "Network round trip", unit: "ms", step: 10 },
  "cloud.priceChangePctPerYear": { label: "Price change", unit: "%/year", step: 5 },
  "costs.setupUsd.cloudOnly": { label: "Set-up, cloud-only", unit: "USD", step: 1000 },
  "costs.setupUsd.hybrid": { label: "Set-up, hybrid", unit: "USD", step: 1000 },
  "costs.setupUsd.edgeOnly": { label: "Set-up, edge-only", unit: "USD", step: 1000 },
  "costs.monthlyInfraUsd.cloudOnly": { label: "Infrastructure, cloud-only", unit: "USD/month", step: 10 },
  "costs.monthlyInfraUsd.hybrid": { label: "Infrastructure, hybrid", unit: "USD/month", step: 10 },
  "costs.monthlyInfraUsd.edgeOnly": { label: "Infrastructure, edge-only", unit: "USD/month", step: 10 },
  "costs.cdnUsdPerGB": { label: "CDN egress", unit: "USD/GB", step: 0.01 },
  "costs.newInstallSharePerMonth": { label: "New installs", unit: "% of users/month", scale: 100, step: 1 },
  "costs.modelUpdatesPerYear": { label: "Model updates", unit: "per year" },
  "constraints.latencyBudgetMs": { label: "Latency budget", unit: "ms", step: 100 },
  "constraints.latencyTarget": { label: "What the latency budget bounds", unit: "" },
  "constraints.maxBatteryPctPerUserDay": { label: "Battery cap", unit: "%/user-day", step: 0.5 },
  "constraints.usableRamFraction": { label: "Usable RAM", unit: "% of RAM", scale: 100, step: 5 },
  "constraints.bandwidthEfficiency": { label: "Bandwidth efficiency", ...pct },
};

/** "monthlyActiveUsers" → "monthly active users": a last resort for a path the table lacks. */
function spoken(segment: string): string {
  return segment.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export function fieldLabel(path: string): FieldLabel {
  const segments = path.split(".").filter((s) => s !== "");
  const index = segments.find((s) => /^\d+$/.test(s));
  const pattern = segments.map((s) => (/^\d+$/.test(s) ? "#" : s)).join(".");
  const known = LABELS[pattern];
  if (known) return { ...known, label: known.label.replace("{n}", index === undefined ? "" : String(Number(index) + 1)) };
  const last = [...segments].reverse().find((s) => !/^\d+$/.test(s));
  const words = last ? spoken(last) : "The scenario";
  return { label: words.charAt(0).toUpperCase() + words.slice(1), unit: "" };
}
