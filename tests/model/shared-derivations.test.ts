/**
 * Plans on the same snapshot object share the ranked runs of a (variant, runtime,
 * backend) and each dataset device's speed (resolve.ts, derive.ts). A plan made after
 * many others on one snapshot must equal the same plan on a snapshot never used before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planScenario } from "@/lib/model";
import { resolveScenario } from "@/lib/model/resolve";
import { scenario, standardSnapshot } from "./fixtures";
import { scenarioArb } from "./scenario-arbitrary";

describe("derivations shared per snapshot", () => {
  it("a plan on a snapshot used by other plans equals the plan on a fresh one", () => {
    const shared = standardSnapshot();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(planScenario(s, shared)).toStrictEqual(planScenario(s, standardSnapshot()));
      }),
      { numRuns: 100, seed: 3 },
    );
  }, 30_000);

  it("the efficiency, runtime and backend are part of what is shared, inline runs are not", () => {
    const shared = standardSnapshot();
    const variants = [
      scenario({ devices: [{ device: "phone-b", share: 0.5 }] }),
      scenario({ devices: [{ device: "phone-b", share: 0.5, bandwidthEfficiency: 0.3 }] }),
      scenario({ devices: [{ device: "phone-b", share: 0.5, bandwidthEfficiency: 0.7 }] }),
      scenario({ devices: [{ device: "phone-b", share: 0.5 }], edge: { variant: "small-q4", runtime: "MLC-LLM" } }),
      scenario({ devices: [{ device: "phone-b", share: 0.5 }], edge: { variant: "small-q4", backend: "gpu" } }),
      scenario({
        devices: [{ device: "phone-b", share: 0.5 }],
        edge: { variant: "small-q4", runs: [{ device: "phone-b", decodeTokensPerSec: 7 }] },
      }),
    ];
    const decodes = variants.map((s) => planScenario(s, shared).devices[0]!.decodeTokensPerSec);
    // phone-b has no run of small-q4: 0.3 and 0.7 × 40 GB/s ÷ 1 GB, and the inline run's 7.
    expect(decodes[1]).toBe(12);
    expect(decodes[2]).toBe(28);
    expect(decodes[5]).toBe(7);
    for (const s of variants) expect(planScenario(s, shared)).toStrictEqual(planScenario(s, standardSnapshot()));
  });

  it("shares only without inline runs or an inline variant", () => {
    const data = standardSnapshot();
    expect(resolveScenario(scenario(), data).shared).not.toBeNull();
    expect(resolveScenario(scenario({ edge: { variant: "small-q4", runs: [{ device: "phone-a", decodeTokensPerSec: 9 }] } }), data).shared).toBeNull();
    expect(
      resolveScenario(scenario({ edge: { variant: { name: "Inline", sizeGB: 1 } } }), data).shared,
    ).toBeNull();
  });
});
