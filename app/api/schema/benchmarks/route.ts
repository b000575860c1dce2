import { NextResponse } from "next/server";
import { benchmarkFileJsonSchema } from "@/lib/schemas/json-schemas";

/** The native benchmark format's JSON Schema, generated from the zod schema uploads are parsed with. */
export function GET() {
  return NextResponse.json(benchmarkFileJsonSchema());
}
