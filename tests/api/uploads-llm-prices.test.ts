import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as pricesGet } from "@/app/api/prices/route";
import { POST as uploadPost } from "@/app/api/uploads/route";
import { useSeededAppDatabase } from "../helpers/app-db";
import { LLM_PRICES, readData } from "../importers/files";
import type { TempDatabase } from "../helpers/temp-db";

const upload = (body: string, query: string) => uploadPost(new Request(`http://localhost/api/uploads${query}`, { method: "POST", body }));

describe("uploading an llm-prices vendor file", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());

  it("previews, then stores the vendor's dated versions through the same path as any upload", async () => {
    const text = readData(LLM_PRICES("xai"));
    const preview = await (await upload(text, "?dryRun=1&effectiveDate=2026-08-05")).json();
    expect(preview.format).toBe("llm-prices");
    const res = await upload(text, "?effectiveDate=2026-08-05&name=xai.json");
    expect(res.status).toBe(201);
    const body = await res.json();
    // 22 entries: grok-4-fast repeated (skipped), 9 ">128k/200k" entries folded into their base → 12 versions
    expect(body.pricesAdded).toBe(12);
    const prices = (await (await pricesGet(new Request("http://localhost/api/prices?provider=xai"))).json()).prices;
    // grok-4: $3 / $15 up to 128k prompt tokens, $6 / $30 above
    expect(prices.find((p: { key: string }) => p.key === "xai/grok-4")).toMatchObject({
      inputUsdPerMTok: 3,
      outputUsdPerMTok: 15,
      longContext: [{ aboveInputTokens: 128_000, inputUsdPerMTok: 6, outputUsdPerMTok: 30 }],
      effectiveDate: "2026-08-05",
      effectiveDateBasis: "in-force-on",
      kind: "list",
      current: true,
    });
  });

  it("refuses a bad price naming its model and field, and stores nothing", async () => {
    const bad = readData(LLM_PRICES("qwen")).replace('"input": 0.5', '"input": "0.5"');
    const res = await upload(bad, "?effectiveDate=2026-08-05");
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain("models[0].price_history[0].input");
    const prices = (await (await pricesGet(new Request("http://localhost/api/prices?provider=qwen"))).json()).prices;
    expect(prices).toEqual([]);
  });
});
