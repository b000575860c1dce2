import { describe, expect, it } from "vitest";
import { safeHref } from "@/lib/format/safe-href";

describe("safeHref", () => {
  it("keeps http and https URLs", () => {
    expect(safeHref("https://github.com/ggml-org/llama.cpp/discussions/4167")).toBe("https://github.com/ggml-org/llama.cpp/discussions/4167");
    expect(safeHref(" http://example.com ")).toBe("http://example.com/");
  });

  it("refuses every other scheme, relative URLs and blanks", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("JavaScript:alert(1)")).toBeNull();
    expect(safeHref(" javascript:alert(1)")).toBeNull();
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHref("vbscript:msgbox(1)")).toBeNull();
    expect(safeHref("file:///etc/passwd")).toBeNull();
    expect(safeHref("/benchmarks")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("")).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
