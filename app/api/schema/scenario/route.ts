import { NextResponse } from "next/server";
import { scenarioJsonSchema } from "@/lib/schemas/json-schemas";

/** The scenario's JSON Schema, generated from the zod schema the API parses with. */
export function GET() {
  return NextResponse.json(scenarioJsonSchema());
}
