/**
 * What moved between the data a link was saved with and today's: the values a
 * person would recognise (a price, a device fact, a run's speed), before and after.
 */
import type { DatasetSnapshot } from "@/lib/dataset/snapshot";

export interface DataChange {
  what: string;
  before: number | string | null;
  after: number | string | null;
}

function compareFields<T extends { id: string | number }>(
  label: (item: T) => string,
  fields: (keyof T & string)[],
  before: T[],
  after: T[],
  out: DataChange[],
): void {
  const afterById = new Map(after.map((item) => [item.id, item]));
  const beforeIds = new Set(before.map((item) => item.id));
  for (const old of before) {
    const now = afterById.get(old.id);
    if (!now) {
      out.push({ what: `${label(old)}: removed from the dataset`, before: "present", after: null });
      continue;
    }
    for (const field of fields) {
      const a = old[field] as unknown;
      const b = now[field] as unknown;
      if (a !== b) out.push({ what: `${label(old)}: ${field}`, before: a as DataChange["before"], after: b as DataChange["after"] });
    }
  }
  for (const now of after) {
    if (!beforeIds.has(now.id)) out.push({ what: `${label(now)}: added to the dataset`, before: null, after: "present" });
  }
}

export function diffUsedData(saved: DatasetSnapshot, today: DatasetSnapshot): DataChange[] {
  const changes: DataChange[] = [];
  compareFields(
    (p) => `price ${p.id}`,
    ["inputUsdPerMTok", "outputUsdPerMTok", "cachedInputUsdPerMTok", "effectiveDate", "ttftMs", "tokensPerSec"],
    saved.prices,
    today.prices,
    changes,
  );
  compareFields(
    (d) => `device ${d.id}`,
    ["ramGB", "memoryBandwidthGBps", "batteryWh"],
    saved.devices,
    today.devices,
    changes,
  );
  compareFields((v) => `variant ${v.id}`, ["sizeGB", "paramsB"], saved.variants, today.variants, changes);
  compareFields(
    (r) => `run ${r.id} (${r.deviceId}, ${r.runtime}${r.backend ? ` ${r.backend}` : ""})`,
    ["decodeTokensPerSec", "ttftMs", "powerW", "peakMemoryMB"],
    saved.runs,
    today.runs,
    changes,
  );
  // Estimates without a run follow what the whole dataset's measured runs teach.
  if (saved.speedModel && today.speedModel && JSON.stringify(saved.speedModel) !== JSON.stringify(today.speedModel)) {
    const runs = (m: NonNullable<DatasetSnapshot["speedModel"]>) => m.decode.priors.find((p) => p.key === "")?.runs ?? 0;
    changes.push({
      what: "speed estimates learned from the measured runs",
      before: `${runs(saved.speedModel)} runs`,
      after: `${runs(today.speedModel)} runs`,
    });
  }
  return changes;
}
