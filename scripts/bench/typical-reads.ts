/** The typical dataset reads bench:scale and bench-reads time, in one list so both measure the same. */
export const TYPICAL_READ_PATHS = [
  "/api/health",
  "/api/benchmarks",
  "/api/benchmarks?device=samsung-s23",
  "/api/benchmarks?status=measured&sort=decode&order=desc",
  "/api/benchmarks?runtime=llama.cpp&limit=100",
  "/api/benchmarks?variant=qwen3-1.7b-q4_0&device=samsung-s23",
  "/benchmarks",
  "/benchmarks?device=samsung-s23",
] as const;
