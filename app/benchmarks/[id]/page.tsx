import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { getBenchmarkRunDetailById } from "@/db/queries/benchmark-detail";
import { listDatasetFindings } from "@/db/queries/findings";
import { findingsOfRun, modelFindingsOf } from "@/lib/benchmarks/run-findings";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatFigure, formatGB, formatWholeCount, readableNumbers } from "@/lib/format/numbers";
import { benchmarksHref } from "../page-href";
import { DeviceFacts } from "./_components/device-facts";
import { FindingList } from "./_components/finding-list";
import { RunFigures } from "./_components/run-figures";
import { SourceLink } from "@/app/_components/source-link";

export const dynamic = "force-dynamic";

const runIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** One read per request, shared by the metadata and the page. */
const loadRunById = cache(async (rawId: string) => {
  const parsed = runIdSchema.safeParse(rawId);
  return parsed.success ? getBenchmarkRunDetailById(getDatabase(), parsed.data) : null;
});

async function loadRun(params: Promise<{ id: string }>) {
  return loadRunById((await params).id);
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const detail = await loadRun(params);
  return {
    title: detail
      ? `Run ${detail.run.id}: ${detail.run.variant.modelName} on ${detail.device.name}`
      : "Run not found",
  };
}

export default async function BenchmarkRunPage({ params }: { params: Promise<{ id: string }> }) {
  const detail = await loadRun(params);
  if (!detail) notFound();
  const { run, device, model, source } = detail;
  const modelFindings = modelFindingsOf(await listDatasetFindings(getDatabase()), run.variant.modelId);
  const { boundTokensPerSec, findings: runFindings } = findingsOfRun({
    decodeTokensPerSec: run.metrics.decodeTokensPerSec,
    powerW: run.metrics.powerW,
    batteryDrainPctPer30Min: run.metrics.batteryDrainPctPer30Min,
    backend: run.backend,
    memoryBandwidthGBps: device.memoryBandwidthGBps.value,
    batteryWh: device.batteryWh.value,
    sizeGB: run.variant.sizeGB,
    paramsB: model.paramsB,
    activeParamsB: model.activeParamsB,
    architecture: model.architecture,
    quantization: run.variant.quantization,
  });
  const findings = [...runFindings, ...modelFindings];

  return (
    <article data-testid="run-detail">
      <p>
        <Link href="/benchmarks">← All runs</Link>
      </p>
      <h1>
        {model.name} {run.variant.quantization} on {device.name}
      </h1>
      <p className="lede">
        Run {run.id} · {run.runtime}
        {run.backend ? ` (${run.backend})` : ""} · <StatusBadge status={run.status} /> ·{" "}
        <SourceLink source={source} />
        {run.measuredAt ? ` · ${run.measuredAt.slice(0, 10)}` : ""}
      </p>

      <h2>Figures</h2>
      <RunFigures run={run} boundTokensPerSec={boundTokensPerSec} />

      <h2>Plausibility</h2>
      <FindingList findings={findings} />

      <h2>Device</h2>
      <DeviceFacts device={device} />

      <h2>Model and variant</h2>
      <dl className="facts">
        <dt>Model</dt>
        <dd>
          {model.name}
          {model.family ? ` (${model.family})` : ""}
        </dd>
        <dt>Parameters</dt>
        <dd>
          {model.paramsB !== null ? `${formatFigure(model.paramsB)}B` : "not known"}
          {model.activeParamsB !== null ? ` · ${formatFigure(model.activeParamsB)}B active` : ""}
          {model.architecture ? ` · ${model.architecture}` : ""}
        </dd>
        <dt>Context length</dt>
        <dd>{model.contextLength !== null ? `${formatWholeCount(model.contextLength)} tokens` : "not known"}</dd>
        <dt>Quantization</dt>
        <dd>{run.variant.quantization}</dd>
        <dt>File size</dt>
        <dd>
          {run.variant.sizeGB !== null ? formatGB(run.variant.sizeGB) : "not known"}{" "}
          {detail.variantSizeStatus ? <StatusBadge status={detail.variantSizeStatus} /> : null}
        </dd>
        <dt>Quality</dt>
        <dd>
          {detail.quality.length === 0 ? (
            "no quality score in the dataset"
          ) : (
            <ul className="plain">
              {detail.quality.map((q, i) => (
                <li key={i}>
                  {q.metric.toUpperCase()} {formatFigure(q.score)}% <StatusBadge status={q.status} />{" "}
                  <span className="muted">
                    ({q.variantLevel ? "this quantization, " : ""}
                    {q.sourceTitle})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      <h2>Source</h2>
      <dl className="facts">
        <dt>Title</dt>
        <dd>
          <SourceLink source={source} />
        </dd>
        <dt>Kind</dt>
        <dd>
          {source.kind}
          {source.format ? ` · ${source.format} format` : ""}
        </dd>
        {source.publishedAt ? (
          <>
            <dt>Published</dt>
            <dd>{source.publishedAt}</dd>
          </>
        ) : null}
        {source.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{readableNumbers(source.notes)}</dd>
          </>
        ) : null}
        {run.notes ? (
          <>
            <dt>Run notes</dt>
            <dd>{readableNumbers(run.notes)}</dd>
          </>
        ) : null}
      </dl>

      <p className="related">
        <Link href={benchmarksHref({ device: device.id })}>All runs on {device.name}</Link> ·{" "}
        <Link href={benchmarksHref({ model: run.variant.modelId, quantization: run.variant.quantization })}>
          {model.name} {run.variant.quantization} on every device
        </Link>
      </p>
    </article>
  );
}
