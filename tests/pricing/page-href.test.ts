import { describe, expect, it } from "vitest";
import { loadPricingPageParams, pricingHref } from "@/app/pricing/page-href";

describe("the pricing page's URL state", () => {
  it("parses provider, search, sort, page and metric", () => {
    expect(
      loadPricingPageParams({ provider: "openai", q: " gpt-4.1 ", sort: "input", order: "desc", page: "2", metric: "mmlu_pro" }),
    ).toEqual({ provider: "openai", q: "gpt-4.1", sort: "input", order: "desc", page: 2, metric: "mmlu_pro" });
  });

  it("falls back to provider A→Z, page 1 and no metric for values it cannot read", () => {
    expect(loadPricingPageParams({ sort: "cheapest", order: "down", page: "100001", metric: "MMLU!", q: "" })).toEqual({
      sort: "provider",
      order: "asc",
      page: 1,
    });
  });

  it("writes sort and order together unless both are the default, and leaves page 1 out", () => {
    expect(pricingHref({ sort: "input", order: "asc", page: 1 })).toBe("/pricing?sort=input&order=asc");
    expect(pricingHref({ sort: "provider", order: "desc" })).toBe("/pricing?sort=provider&order=desc");
    expect(pricingHref({ provider: "openai", q: "gpt 4", sort: "provider", order: "asc", page: 3, metric: "mmlu" })).toBe(
      "/pricing?provider=openai&q=gpt+4&page=3&metric=mmlu",
    );
    expect(pricingHref({})).toBe("/pricing");
  });
});
