import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactFormat, fractionFormat, significantFormat } from "@/lib/format/en-us-digits";

// Magnitudes the app formats (fractions of a cent to trillions of dollars), and any double.
const numbers = fc.oneof(
  fc.double({ min: -1e16, max: 1e16, noNaN: true }),
  fc.integer({ min: -2e9, max: 2e9 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 1e7 }).map((n) => n * 50),
  fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
);

describe("en-US digits", () => {
  it("writes fixed fractions as written by hand", () => {
    const upTo2 = fractionFormat(0, 2);
    expect(upTo2(1234567.891)).toBe("1,234,567.89");
    expect(upTo2(1.005)).toBe("1.01"); // the shortest form 1.005 rounds up, as Intl does (toFixed gives 1.00)
    expect(upTo2(0.004)).toBe("0");
    expect(upTo2(-0.004)).toBe("-0");
    expect(upTo2(999.996)).toBe("1,000");
    expect(upTo2(1234)).toBe("1,234");
    expect(fractionFormat(2, 2)(4.2)).toBe("4.20");
    expect(fractionFormat(0, 0)(51692.45)).toBe("51,692");
    expect(fractionFormat(2, 4)(0.0075)).toBe("0.0075");
    expect(fractionFormat(0, 2)(1e21)).toBe("1,000,000,000,000,000,000,000");
    expect(fractionFormat(0, 4)(1.5e-7)).toBe("0");
  });

  it("writes significant digits and compact figures as written by hand", () => {
    expect(significantFormat(6)(1234567.891)).toBe("1,234,570");
    expect(significantFormat(6)(0.000123456789)).toBe("0.000123457");
    expect(compactFormat(12350)).toBe("12.4K");
    expect(compactFormat(999949)).toBe("999.9K");
    expect(compactFormat(999950)).toBe("1M");
    expect(compactFormat(999.95)).toBe("1K");
    expect(compactFormat(950)).toBe("950");
    expect(compactFormat(-12345)).toBe("-12.3K");
    expect(compactFormat(123456789)).toBe("123.5M");
    expect(compactFormat(1.5e15)).toBe("1500T");
    expect(compactFormat(1e16)).toBe("10,000T");
    expect(compactFormat(0.05)).toBe("0.1");
  });

  it("equals Intl.NumberFormat for every option the app uses", () => {
    const pairs: [(v: number) => string, Intl.NumberFormat][] = [
      [fractionFormat(0, 0), new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })],
      [fractionFormat(0, 1), new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 })],
      [fractionFormat(0, 2), new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })],
      [fractionFormat(0, 3), new Intl.NumberFormat("en-US", {})],
      [fractionFormat(0, 4), new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 })],
      [fractionFormat(2, 2), new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })],
      [fractionFormat(2, 3), new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 3 })],
      [fractionFormat(2, 4), new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 })],
      [significantFormat(6), new Intl.NumberFormat("en-US", { maximumSignificantDigits: 6 })],
      [compactFormat, new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 })],
    ];
    for (const [ours, intl] of pairs) {
      fc.assert(
        fc.property(numbers, (value) => ours(value) === intl.format(value)),
        { numRuns: 3000 },
      );
    }
  });
});
