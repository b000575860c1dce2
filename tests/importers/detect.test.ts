import { describe, expect, it } from "vitest";
import { detectFormat, importText } from "@/lib/importers/detect";
import { jsonErrorOffset, parseJsonDocument } from "@/lib/importers/json";
import { LITELLM, LLAMA_BENCH, OPENROUTER, POCKETPAL, readData } from "./files";

describe("detectFormat", () => {
  it.each([
    [POCKETPAL.s23, "pocketpal"],
    [POCKETPAL.iphone13Baseline, "pocketpal"],
    [LLAMA_BENCH.m5Jsonl, "llama-bench"],
    [LLAMA_BENCH.gemmaJson, "llama-bench"],
    [LITELLM, "litellm"],
    [OPENROUTER, "openrouter"],
    ["seed/seed-000.json", "native"],
  ])("recognises %s as %s", (path, format) => {
    expect(detectFormat(readData(path)).format).toBe(format);
  });

  it("recognises llama-bench output with log lines before the array", () => {
    expect(detectFormat("build: 6726 (6d69ab3f)\n" + readData(LLAMA_BENCH.gemmaJson)).format).toBe("llama-bench");
  });

  it("says where a document stops being JSON", () => {
    const d = detectFormat('{\n  "format": "edge-llm-benchmarks",\n  "version": 1,,\n}');
    expect(d).toEqual({ format: null, errors: [{ where: "line 3, column 16", message: 'not valid JSON: unexpected ","' }] });
  });

  it("refuses an empty file and an unknown shape", () => {
    expect(detectFormat("  \n").format).toBeNull();
    const d = detectFormat('{"hello": "world"}');
    expect(d.format).toBeNull();
    if (d.format === null) expect(d.errors[0]?.message).toMatch(/^unrecognised format/);
  });

  it("refuses __proto__ and constructor keys anywhere", () => {
    const d = detectFormat('{"format": "edge-llm-benchmarks", "devices": [{"constructor": {"prototype": 1}}]}');
    expect(d).toEqual({
      format: null,
      errors: [{ where: "devices[0].constructor", message: 'the key "constructor" is not allowed (it could alter object prototypes)' }],
    });
  });
});

describe("importText", () => {
  it("dispatches to the importer of the format and reports which", () => {
    const r = importText(readData(LLAMA_BENCH.m5Jsonl), { deviceId: "apple-m5-max-macbook-pro" });
    expect(r).toMatchObject({ ok: true, format: "llama-bench" });
  });

  it("passes the device question through for llama-bench files that do not name their machine", () => {
    const r = importText(readData(LLAMA_BENCH.gemmaJson));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.code).toBe("device_required");
  });

  it("asks for the feed date of a pricing feed", () => {
    const r = importText(readData(OPENROUTER));
    expect(r).toMatchObject({ ok: false, format: "openrouter" });
    if (!r.ok) expect(r.errors[0]?.code).toBe("option_required");
  });

  it("validates the native format at the path of each problem", () => {
    const file = JSON.parse(readData("seed/seed-000.json")) as { runs: Record<string, unknown>[] };
    file.runs[1]!.decodeTokensPerSec = -12.3;
    file.runs[0]!.ttftMs = Number.POSITIVE_INFINITY; // JSON.stringify writes null
    const r = importText(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.where).sort()).toEqual(["runs[0].ttftMs", "runs[1].decodeTokensPerSec"]);
  });
});

describe("jsonErrorOffset", () => {
  it("finds the first bad character, and -1 for valid JSON", () => {
    expect(jsonErrorOffset('{"a": [1, 2,, 3]}')).toBe(12);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('[1, {"b": "x"}]')).toBe(-1);
  });

  it("locates a truncated document at its end", () => {
    const r = parseJsonDocument('{\n  "a": [1,\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ where: "line 3, column 1", message: "not valid JSON: the text ends early" });
  });
});
