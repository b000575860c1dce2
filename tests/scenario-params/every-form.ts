/** A scenario with every inline form filled, so that every field of the schema has a place to be set. */
export const everyForm = () => ({
  version: 1,
  tiers: [{ id: "all", share: 1, inputTokens: 100, outputTokens: 50, minQuality: 10 }],
  devices: [{ device: { name: "Mine", ramGB: 8, memoryBandwidthGBps: 50, batteryWh: 15 }, share: 0.5, bandwidthEfficiency: 0.5 }],
  edge: {
    variant: { name: "M", sizeGB: 1, peakMemoryMB: 1200, quality: 50, paramsB: 1, activeParamsB: 1, bitsPerWeight: 4 },
    runs: [
      {
        device: { name: "Run phone", ramGB: 8, memoryBandwidthGBps: 40, batteryWh: 12 },
        decodeTokensPerSec: 10,
        ttftMs: 100,
        prefillTokensPerSec: 100,
        powerW: 2,
        batteryDrainPctPer30Min: 5,
        throttlePct: 10,
      },
    ],
  },
  cloud: {
    price: {
      name: "P",
      inputUsdPerMTok: 1,
      outputUsdPerMTok: 2,
      cachedInputUsdPerMTok: 0.5,
      batchInputUsdPerMTok: 0.5,
      batchOutputUsdPerMTok: 1,
      longContext: [{ aboveInputTokens: 1000, inputUsdPerMTok: 2, outputUsdPerMTok: 4, cachedInputUsdPerMTok: 1 }],
      ttftMs: 300,
      tokensPerSec: 50,
      quality: 60,
    },
    batchShare: 0.1,
  },
  constraints: { latencyBudgetMs: 5000, maxBatteryPctPerUserDay: 5, bandwidthEfficiency: 0.5 },
});

/** everyForm with the value at a catalogue pattern ("#" = the first entry). */
export function withValue(pattern: string, value: unknown): unknown {
  const scenario = everyForm() as Record<string, unknown>;
  const keys = pattern.split(".").map((k) => (k === "#" ? "0" : k));
  let node = scenario;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
  return scenario;
}

