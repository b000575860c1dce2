import type { BenchmarkRunDetail, DeviceFact } from "@/db/queries/benchmark-detail";
import { StatusBadge } from "@/app/_components/status-badge";
import { formatFigure } from "@/lib/format/numbers";

function Fact({ fact, unit }: { fact: DeviceFact; unit: string }) {
  if (fact.value === null) return <>not known</>;
  return (
    <>
      {formatFigure(fact.value)} {unit} {fact.status ? <StatusBadge status={fact.status} /> : null}
      {fact.source ? <span className="muted"> ({fact.source})</span> : null}
    </>
  );
}

/** A device's facts, each with its own status and source. */
export function DeviceFacts({ device }: { device: BenchmarkRunDetail["device"] }) {
  return (
    <dl className="facts" data-testid="device-facts">
      <dt>Name</dt>
      <dd>
        {device.name} <span className="muted">({device.kind})</span>
      </dd>
      <dt>SoC</dt>
      <dd>{device.soc ?? "not known"}</dd>
      <dt>OS</dt>
      <dd>{device.os ?? "not known"}</dd>
      <dt>RAM</dt>
      <dd>
        <Fact fact={device.ramGB} unit="GB" />
      </dd>
      <dt>Memory bandwidth</dt>
      <dd>
        <Fact fact={device.memoryBandwidthGBps} unit="GB/s" />
      </dd>
      <dt>Battery</dt>
      <dd>
        <Fact fact={device.batteryWh} unit="Wh" />
      </dd>
      <dt>Device source</dt>
      <dd>{device.sourceTitle}</dd>
    </dl>
  );
}
