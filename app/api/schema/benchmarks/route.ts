import { NextResponse } from "next/server";
import { z } from "zod";
import { benchmarkFileSchema } from "@/lib/schemas/benchmark-file";

/** The native benchmark format's JSON Schema, generated from the zod schema uploads are parsed with. */
export function GET() {
  return NextResponse.json(z.toJSONSchema(benchmarkFileSchema, { io: "input", target: "draft-2020-12" }));
}
