import { NextResponse } from "next/server";
import { getDatabase } from "@/db/client";
import { listDevices } from "@/db/queries/devices";
import { errorResponse } from "@/lib/http/errors";
import { getDevicesResponseSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const devices = await listDevices(getDatabase());
    return NextResponse.json(getDevicesResponseSchema.parse({ devices }));
  } catch (error) {
    return errorResponse(error);
  }
}
