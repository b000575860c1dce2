import { count } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { benchmarkRuns, cloudPrices, devices } from "@/db/schema";
import { healthResponseSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = getDatabase();
    const [[d], [r], [p]] = await Promise.all([
      db.select({ n: count() }).from(devices),
      db.select({ n: count() }).from(benchmarkRuns),
      db.select({ n: count() }).from(cloudPrices),
    ]);
    return NextResponse.json(
      healthResponseSchema.parse({
        ok: true,
        database: "up",
        counts: { devices: d?.n ?? 0, runs: r?.n ?? 0, prices: p?.n ?? 0 },
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return NextResponse.json(healthResponseSchema.parse({ ok: false, database: "down", error: message }), {
      status: 503,
    });
  }
}
