import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { scenario, standardSnapshot } from "./fixtures";

describe("a device class's own bandwidth efficiency", () => {
  it("replaces the scenario's efficiency in that class's speed estimate only", () => {
    const plan = planScenario(
      scenario({
        devices: [
          { device: "phone-a", share: 0.3 },
          { device: "phone-b", share: 0.3, bandwidthEfficiency: 0.3 },
        ],
      }),
      standardSnapshot(),
    );
    const b = plan.devices.find((d) => d.deviceId === "phone-b");
    // phone-b has no run: 0.3 (its own) · 40 GB/s ÷ 1 GB = 12 tokens/s, not 0.6 · 40 = 24
    expect(b?.decodeTokensPerSec).toBeCloseTo(12, 12);
    expect(b?.speedStatus).toBe("estimated");
    expect(plan.inputs["devices.phone-b.bandwidthEfficiency"]?.value).toBe(0.3);
    // phone-a keeps its measured run (20 tokens/s): an efficiency only matters for estimates.
    expect(plan.devices.find((d) => d.deviceId === "phone-a")?.decodeTokensPerSec).toBe(20);
  });
});
