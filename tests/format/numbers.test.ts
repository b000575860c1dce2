import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatFigure,
  formatGB,
  formatMB,
  formatMonth,
  formatMs,
  formatMultiple,
  formatPct,
  formatShare,
  formatTokensPerSec,
  formatUsd,
  formatUsdExact,
  formatUsdPerMTok,
  formatUsdPrecise,
  formatUsdTick,
  formatUsers,
  formatWatts,
  formatWholeCount,
  readableNumbers,
} from "@/lib/format/numbers";
import { truncateLabel } from "@/lib/format/text";

describe("readableNumbers", () => {
  it("rounds long decimals in prose the way figures are shown", () => {
    // formatFigure: whole from 100 up, one decimal from 1, two below 1.
    expect(readableNumbers("scaled by decode 185.59950132964056 tokens/s")).toBe("scaled by decode 186 tokens/s");
    expect(readableNumbers("12.3456 ms and 0.60317 W")).toBe("12.3 ms and 0.6 W");
  });

  it("leaves whole numbers, short decimals, versions, dates and ids as written", () => {
    const text = "500 ms on samsung-s23 (seed 001, v1.2.3, 2026-01-01) at 4.25 W, qwen3-1.7b-q4_0";
    expect(readableNumbers(text)).toBe(text);
  });
});

describe("figures", () => {
  it("formatFigure: whole from 100, one decimal from 1, two below, grouped, '–' when unknown", () => {
    expect(formatFigure(185.59950132964056)).toBe("186");
    expect(formatFigure(12345.6)).toBe("12,346");
    expect(formatFigure(41.31)).toBe("41.3");
    expect(formatFigure(0.7286)).toBe("0.73");
    expect(formatFigure(-2.25)).toBe("-2.3");
    expect(formatFigure(null)).toBe("–");
    expect(formatFigure(Number.NaN)).toBe("–");
  });

  it("units follow the figure", () => {
    expect(formatMs(1234.5)).toBe("1,235 ms");
    expect(formatMB(3706.35)).toBe("3,706 MB");
    expect(formatGB(1.0564)).toBe("1.06 GB");
    expect(formatGB(17.3)).toBe("17.3 GB");
    expect(formatWatts(30.1)).toBe("30.1 W");
    expect(formatPct(12.5)).toBe("12.5%");
    expect(formatMultiple(1.734)).toBe("1.7×");
    expect(formatMultiple(0.456)).toBe("0.46×");
    expect(formatTokensPerSec(185.6)).toBe("186 tok/s");
    expect(formatTokensPerSec(23.34)).toBe("23.3 tok/s");
    expect(formatTokensPerSec(null)).toBe("–");
  });

  it("counts compact from 10,000; whole counts and users never", () => {
    expect(formatCount(9999)).toBe("9,999");
    expect(formatCount(4_200_000)).toBe("4.2M");
    expect(formatCount(263_649)).toBe("263.6K");
    expect(formatWholeCount(12_345_678.9)).toBe("12,345,679");
    // formatUsers rounds to whole users first: 4,433.6 → 4,434; 263,649 → 263.6K.
    expect(formatUsers(4433.6)).toBe("4,434");
    expect(formatUsers(263_649)).toBe("263.6K");
  });

  it("a share 0..1 reads as a percentage", () => {
    // 0.153 × 100 = 15.3; 0.0042 × 100 = 0.42 (two decimals below 1)
    expect(formatShare(0.153)).toBe("15.3%");
    expect(formatShare(0.0042)).toBe("0.42%");
    expect(formatShare(1)).toBe("100%");
  });

  it("months, with null as never", () => {
    expect(formatMonth(7)).toBe("month 7");
    expect(formatMonth(null)).toBe("never");
  });
});

describe("money", () => {
  it("formatUsd: compact from $10,000, whole dollars from $100, cents below; minus sign", () => {
    expect(formatUsd(2_812_345)).toBe("$2.8M");
    expect(formatUsd(12_345)).toBe("$12.3K");
    expect(formatUsd(1234.56)).toBe("$1,235");
    expect(formatUsd(4.2)).toBe("$4.20");
    expect(formatUsd(-883_000)).toBe("−$883K");
  });

  it("formatUsdExact: whole dollars in tables, cents below $100", () => {
    expect(formatUsdExact(51_692.45)).toBe("$51,692");
    expect(formatUsdExact(4.356)).toBe("$4.36");
    expect(formatUsdExact(-120.5)).toBe("−$121");
    expect(formatUsdExact(undefined)).toBe("–");
  });

  it("formatUsdPrecise keeps three significant digits under $1", () => {
    expect(formatUsdPrecise(0.01034)).toBe("$0.0103");
    expect(formatUsdPrecise(0.5)).toBe("$0.5");
    expect(formatUsdPrecise(12.5)).toBe("$12.50");
    expect(formatUsdPrecise(0)).toBe("$0.00");
  });

  it("formatUsdPerMTok keeps the digits a price needs", () => {
    expect(formatUsdPerMTok(15)).toBe("$15.00");
    expect(formatUsdPerMTok(0.075)).toBe("$0.075");
    expect(formatUsdPerMTok(0.0375)).toBe("$0.038");
    expect(formatUsdPerMTok(0.0075)).toBe("$0.0075");
    expect(formatUsdPerMTok(0)).toBe("$0.00");
  });

  it("formatUsdTick: axis ticks without cents on round values", () => {
    expect(formatUsdTick(0)).toBe("$0");
    expect(formatUsdTick(0.5)).toBe("$0.5");
    expect(formatUsdTick(500)).toBe("$500");
    expect(formatUsdTick(1500)).toBe("$1.5K");
    expect(formatUsdTick(1_000_000)).toBe("$1M");
    expect(formatUsdTick(-2000)).toBe("−$2K");
  });
});

describe("truncateLabel", () => {
  it("cuts to the length with an ellipsis, and leaves short labels", () => {
    expect(truncateLabel("Samsung Galaxy S24 Ultra · Qwen3 1.7B", 24)).toBe("Samsung Galaxy S24 Ultr…");
    expect(truncateLabel("Pixel 8", 24)).toBe("Pixel 8");
  });
});
