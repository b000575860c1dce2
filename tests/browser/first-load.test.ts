import { describe, expect, it } from "vitest";
import { pageWeight } from "@/scripts/bench/page-weight";
import { baseUrl, browserForBlock } from "./browser";

/**
 * What the served build's pages make a browser download before they paint: the charts
 * (Recharts) load afterwards, and no page carries zod's JSON Schema generator but the
 * planner's and the share page's, whose client code imports zod whole.
 */
describe.skipIf(!baseUrl)("first load", () => {
  const browser = browserForBlock();

  for (const path of ["/benchmarks", "/pricing"]) {
    it(`${path} names no script with Recharts in its HTML`, async () => {
      const weight = await pageWeight(baseUrl, path, ["recharts-wrapper", "toJSONSchema"]);
      expect(weight.status).toBe(200);
      expect(weight.scripts).toBeGreaterThan(0);
      expect(weight.found).toEqual({});
    });
  }

  // The home page is a Pages Router page with its runtime off (pages/index.tsx): as an App
  // Router page it loaded 137 KB, ≈133 KB of it React and the Next runtime that every App
  // Router page loads, above the 120 KB the issue allows.
  it("/ loads no script at all, inline or named, and links its stylesheet", async () => {
    const weight = await pageWeight(baseUrl, "/");
    expect(weight.status).toBe(200);
    expect(weight.scriptGzipBytes).toBe(0);
    expect(weight.scripts).toBe(0);
    const html = await (await fetch(baseUrl)).text();
    expect(html).not.toMatch(/<script/i);
    const css = html.match(/<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
    expect(css).toBeDefined();
    expect((await fetch(`${baseUrl}${css}`)).status).toBe(200);
  });

  it("/ makes a browser request its document and stylesheet and no JavaScript", async () => {
    const page = await browser.newPage();
    const types: string[] = [];
    page.on("request", (request) => types.push(request.resourceType()));
    await page.goto(baseUrl, { waitUntil: "networkidle" });
    expect(types).not.toContain("script");
    expect(types).toContain("stylesheet");
    expect(types[0]).toBe("document");
    // The header's stylesheet rules apply (globals.css): the brand is bold.
    expect(await page.locator(".brand").evaluate((a) => getComputedStyle(a).fontWeight)).toBe("700");
  });
});
