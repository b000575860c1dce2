import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/benchmarks/route";
import { findingsOfRuns } from "@/db/queries/failing-runs";
import { listDatasetFindings } from "@/db/queries/findings";
import { deleteUpload } from "@/db/queries/uploads";
import type { BenchmarkFileInput } from "@/lib/schemas/benchmark-file";
import { useSeededAppDatabase } from "../helpers/app-db";
import { ingestNativeFile } from "../helpers/ingest";
import type { TempDatabase } from "../helpers/temp-db";

interface Body {
  total: number;
  runs: { id: number; metrics: { decodeTokensPerSec: number | null }; findings: unknown[] }[];
}

async function getText(query: string): Promise<string> {
  const res = await GET(new Request(`http://localhost/api/benchmarks?${query}`));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/json");
  return res.text();
}

/** One measured run of Qwen3 1.7B Q4_0 on the S23 at `decode` tokens/s. */
const s23File = (decode: number): BenchmarkFileInput => ({
  format: "edge-llm-benchmarks",
  version: 1,
  source: { kind: "upload", title: `answers ${decode}` },
  runs: [{ deviceId: "samsung-s23", variantId: "qwen3-1.7b-q4_0", runtime: "llama.cpp", status: "measured", decodeTokensPerSec: decode }],
});

describe("GET /api/benchmarks answers", () => {
  let temp: TempDatabase;
  beforeAll(async () => {
    temp = await useSeededAppDatabase();
  });
  afterAll(() => temp.close());

  it("give each run the findings its checks give when read run by run (every run of the seed)", async () => {
    const body = JSON.parse(await getText("limit=5000")) as Body;
    expect(body.runs.length).toBe(body.total);
    const byRun = await findingsOfRuns(temp.db, body.runs.map((r) => r.id), await listDatasetFindings(temp.db));
    expect(body.runs.map((r) => [r.id, r.findings])).toEqual(body.runs.map((r) => [r.id, byRun.get(r.id)]));
    // Some run fails a check, so the comparison is not between empty lists only.
    expect(body.runs.some((r) => r.findings.some((f) => (f as { ok: boolean | null }).ok === false))).toBe(true);
  });

  it("are the same text until a write, then answer the new data; a deletion too", async () => {
    const query = "device=samsung-s23&sort=decode&order=desc&limit=1";
    const first = await getText(query);
    expect(await getText(query)).toBe(first);
    const before = JSON.parse(first) as Body;

    // 999 tokens/s is above every S23 run of the seed: first when sorted by decode, descending.
    const { sourceId } = await ingestNativeFile(temp.db, s23File(999));
    const after = JSON.parse(await getText(query)) as Body;
    expect(after.total).toBe(before.total + 1);
    expect(after.runs[0]?.metrics.decodeTokensPerSec).toBe(999);

    await deleteUpload(temp.db, sourceId);
    expect(JSON.parse(await getText(query))).toEqual(before);
  });
});
