import { describe, expect, it } from "vitest";
import { pageWeight } from "@/scripts/bench/page-weight";
import { baseUrl } from "./browser";

/**
 * What the served build's pages make a browser download before they paint: the charts
 * (Recharts) load afterwards, and no page carries zod's JSON Schema generator but the
 * planner's and the share page's, whose client code imports zod whole.
 */
describe.skipIf(!baseUrl)("first load", () => {
  for (const path of ["/", "/benchmarks", "/pricing"]) {
    it(`${path} names no script with Recharts in its HTML`, async () => {
      const weight = await pageWeight(baseUrl, path, ["recharts-wrapper", "toJSONSchema"]);
      expect(weight.status).toBe(200);
      expect(weight.scripts).toBeGreaterThan(0);
      expect(weight.found).toEqual({});
    });
  }

  it("/ loads about the framework's own JavaScript: React and the Next runtime, no chart library", async () => {
    const home = await pageWeight(baseUrl, "/");
    const upload = await pageWeight(baseUrl, "/upload");
    // /upload has no chart and no zod-heavy client code: the floor. The home page was 253 KB
    // with Recharts (bench:api); without it, it is within 10 KB of that floor.
    expect(home.scriptGzipBytes).toBeLessThan(upload.scriptGzipBytes + 10 * 1024);
  });
});
