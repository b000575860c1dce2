import { describe, expect, it } from "vitest";
import { concurrencyLimit, createConcurrencyGate } from "@/lib/http/concurrency";
import { ApiError } from "@/lib/http/errors";
import { createRateLimiter } from "@/lib/http/rate-limit";

describe("load shedding", () => {
  it("answers 503 with Retry-After past the limit, and takes requests again when one finishes", async () => {
    const gate = createConcurrencyGate("test", 2, 3);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const a = gate.run(() => held);
    const b = gate.run(() => held);
    expect(gate.active).toBe(2);
    const refused = await gate.run(async () => "ran").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    const response = (refused as ApiError).toResponse();
    expect([response.status, response.headers.get("retry-after")]).toEqual([503, "3"]);
    release();
    await Promise.all([a, b]);
    expect(gate.active).toBe(0);
    expect(await gate.run(async () => "ran")).toBe("ran");
  });

  it("frees its place when the work throws", async () => {
    const gate = createConcurrencyGate("test", 1);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(gate.active).toBe(0);
  });

  it("reads its limit from ROUTE_CONCURRENCY_<NAME>, ignoring nonsense", () => {
    expect(concurrencyLimit("plan", 32, { ROUTE_CONCURRENCY_PLAN: "8" })).toBe(8);
    expect(concurrencyLimit("plan", 32, { ROUTE_CONCURRENCY_PLAN: "-1" })).toBe(32);
    expect(concurrencyLimit("plan", 32, {})).toBe(32);
  });
});

describe("per-client rate limit", () => {
  it("allows a burst, then one request per refill interval", () => {
    // 6 a minute = one token every 10 s; a burst of 2.
    const limiter = createRateLimiter({ perMinute: 6, burst: 2 });
    expect(limiter.take("a", 0)).toEqual({ ok: true });
    expect(limiter.take("a", 0)).toEqual({ ok: true });
    expect(limiter.take("a", 0)).toEqual({ ok: false, retryAfterSec: 10 });
    // 4 s later 0.4 of a token has come back: 6 s to go.
    expect(limiter.take("a", 4_000)).toEqual({ ok: false, retryAfterSec: 6 });
    expect(limiter.take("a", 10_000)).toEqual({ ok: true });
    expect(limiter.take("b", 10_000)).toEqual({ ok: true });
  });
});
