/**
 * What the editor calls each scenario field, in the units it shows them: the
 * words a message about the field uses. Paths are dotted; "#" stands for an index
 * (tiers.#.share), and `{n}` in a label for that index counted from 1.
 */
export interface FieldLabel {
  label: string;
  /** The unit the editor shows, as written after a number ("%", " ms", " users"). */
  unit: string;
  /** Shown value = stored value × scale (shares are stored 0..1 and shown in %). */
  scale?: number;
}

const pct = { unit: "%", scale: 100 };

const LABELS: Record<string, FieldLabel> = {
  name: { label: "Scenario name", unit: "" },
  horizonMonths: { label: "Horizon", unit: " months" },
  qualityMetric: { label: "Quality metric", unit: "" },
  "traffic.monthlyActiveUsers": { label: "Monthly active users", unit: " users" },
  "traffic.requestsPerUserPerDay": { label: "Requests per user per day", unit: " requests" },
  "traffic.activeDaysPerMonth": { label: "Active days per month", unit: " days" },
  "traffic.monthlyGrowthPct": { label: "User growth", unit: "%/month" },
  tiers: { label: "Request tiers", unit: "" },
  "tiers.#.id": { label: "Tier {n}'s name", unit: "" },
  "tiers.#.share": { label: "Tier {n}'s share of requests", ...pct },
  "tiers.#.inputTokens": { label: "Tier {n}'s input", unit: " tokens" },
  "tiers.#.outputTokens": { label: "Tier {n}'s output", unit: " tokens" },
  "tiers.#.minQuality": { label: "Tier {n}'s minimum quality", unit: "%" },
  devices: { label: "Users' phones", unit: "" },
  "devices.#.device": { label: "Phone {n}", unit: "" },
  "devices.#.share": { label: "Phone {n}'s share of users", ...pct },
  "devices.#.bandwidthEfficiency": { label: "Phone {n}'s bandwidth efficiency", ...pct },
  "devices.#.device.name": { label: "Phone {n}'s name", unit: "" },
  "devices.#.device.ramGB": { label: "Phone {n}'s RAM", unit: " GB" },
  "devices.#.device.memoryBandwidthGBps": { label: "Phone {n}'s memory bandwidth", unit: " GB/s" },
  "devices.#.device.batteryWh": { label: "Phone {n}'s battery", unit: " Wh" },
  "edge.variant": { label: "On-device model", unit: "" },
  "edge.variant.name": { label: "Model name", unit: "" },
  "edge.variant.sizeGB": { label: "Model file size", unit: " GB" },
  "edge.variant.peakMemoryMB": { label: "Model peak memory", unit: " MB" },
  "edge.variant.quality": { label: "Model quality", unit: "%" },
  "edge.variant.paramsB": { label: "Model parameters", unit: " B" },
  "edge.runtime": { label: "Runtime", unit: "" },
  "edge.runs.#.device": { label: "Speed override {n}'s phone", unit: "" },
  "edge.runs.#.decodeTokensPerSec": { label: "Decode speed", unit: " tok/s" },
  "edge.runs.#.ttftMs": { label: "First token time", unit: " ms" },
  "edge.runs.#.powerW": { label: "Power", unit: " W" },
  "edge.runs.#.throttlePct": { label: "Throttling", unit: "%" },
  "cloud.price": { label: "Cloud price", unit: "" },
  "cloud.price.name": { label: "Price name", unit: "" },
  "cloud.price.inputUsdPerMTok": { label: "Input price", unit: " $/1M tokens" },
  "cloud.price.outputUsdPerMTok": { label: "Output price", unit: " $/1M tokens" },
  "cloud.price.cachedInputUsdPerMTok": { label: "Cached input price", unit: " $/1M tokens" },
  "cloud.price.ttftMs": { label: "Cloud first token time", unit: " ms" },
  "cloud.price.tokensPerSec": { label: "Cloud output speed", unit: " tok/s" },
  "cloud.price.quality": { label: "Cloud model quality", unit: "%" },
  "cloud.cachedInputShare": { label: "Cached input share", ...pct },
  "cloud.networkRttMs": { label: "Network round trip", unit: " ms" },
  "cloud.priceChangePctPerYear": { label: "Price change", unit: "%/year" },
  "costs.setupUsd.cloudOnly": { label: "Cloud-only set-up", unit: " USD" },
  "costs.setupUsd.hybrid": { label: "Hybrid set-up", unit: " USD" },
  "costs.setupUsd.edgeOnly": { label: "Edge-only set-up", unit: " USD" },
  "costs.monthlyInfraUsd.cloudOnly": { label: "Cloud-only infrastructure", unit: " USD/month" },
  "costs.monthlyInfraUsd.hybrid": { label: "Hybrid infrastructure", unit: " USD/month" },
  "costs.monthlyInfraUsd.edgeOnly": { label: "Edge-only infrastructure", unit: " USD/month" },
  "costs.cdnUsdPerGB": { label: "CDN egress", unit: " USD/GB" },
  "costs.newInstallSharePerMonth": { label: "New installs", ...pct },
  "costs.modelUpdatesPerYear": { label: "Model updates", unit: " a year" },
  "constraints.latencyBudgetMs": { label: "Latency budget", unit: " ms" },
  "constraints.latencyTarget": { label: "What the latency budget bounds", unit: "" },
  "constraints.maxBatteryPctPerUserDay": { label: "Battery cap", unit: "%" },
  "constraints.usableRamFraction": { label: "Usable RAM", ...pct },
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
