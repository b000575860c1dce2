/** The share rules the schema, the editor and the edits read from one place (lib/schemas/scenario-rules.ts). */
import { describe, expect, it } from "vitest";
import { deviceSharesFit, otherUsersShare, shareSum, tierSharesBalanced } from "@/lib/schemas/scenario-rules";

describe("the share rules", () => {
  it("counts tiers typed as 60 %, 30 %, 10 % as balanced, though the float sum is 0.9999999999999999", () => {
    const sum = shareSum([{ share: 0.6 }, { share: 0.3 }, { share: 0.1 }]);
    expect(sum).not.toBe(1);
    expect(tierSharesBalanced(sum)).toBe(true);
    expect(tierSharesBalanced(0.6)).toBe(false);
  });

  it("leaves the users of no listed phone to the cloud: 1 − 0.5 − 0.25 = 0.25, none when the phones cover everyone", () => {
    expect(otherUsersShare([{ share: 0.5 }, { share: 0.25 }])).toBe(0.25);
    expect(otherUsersShare([{ share: 0.7 }, { share: 0.4 }])).toBe(0);
    expect(deviceSharesFit(0.7 + 0.4)).toBe(false);
    expect(deviceSharesFit(1 + 1e-10)).toBe(true);
  });
});
