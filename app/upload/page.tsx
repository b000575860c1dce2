import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listDevices } from "@/db/queries/devices";
import { listUploads } from "@/db/queries/uploads";
import { UploadForm } from "./upload-form";
import { UploadList } from "./upload-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload benchmarks · Edge vs cloud LLM cost planner" };

export default async function UploadPage() {
  const db = getDatabase();
  const [devices, uploads] = await Promise.all([listDevices(db), listUploads(db)]);
  return (
    <>
      <h1>Upload benchmark results</h1>
      <p className="lede">
        llama.cpp <code>llama-bench</code> output (<code>-o json</code> or <code>-o jsonl</code>), a PocketPal benchmark
        matrix, the native format (<a href="/api/schema/benchmarks">JSON Schema</a>), or a LiteLLM / OpenRouter price
        feed. The file is checked whole and previewed; nothing is stored until you commit.
      </p>
      <UploadForm devices={devices.map((d) => ({ id: d.id, name: d.name, soc: d.soc }))} />
      <h2>Uploads</h2>
      <UploadList uploads={uploads} />
    </>
  );
}
