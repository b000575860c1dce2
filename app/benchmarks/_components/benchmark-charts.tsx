import { formatCount } from "@/lib/format/numbers";
import type { BestFigureBars } from "@/lib/charts/best-figure-bars";
import { packScatters } from "../chart-wire";
import type { BenchmarkCharts as BenchmarkChartsData } from "../load-charts";
import { ImplausibleRuns } from "./implausible-runs";
import { BestFigureChart, EnergyBars, MemoryScatter, RooflineChart } from "./lazy-charts";

function omittedNote(bars: BestFigureBars): string | null {
  const parts = [
    bars.omittedModels > 0 ? `${bars.omittedModels} more models` : null,
    bars.omittedDevices > 0 ? `${bars.omittedDevices} more devices` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `Showing the models and devices with the most runs; ${parts.join(" and ")} are left out — filter to see them.` : null;
}

function BarsSection(props: {
  title: string;
  bars: BestFigureBars;
  unit: string;
  yLabel: string;
  testId: string;
  ariaLabel: string;
  explain: string;
  empty: string;
}) {
  const note = omittedNote(props.bars);
  return (
    <section className="chart-section" aria-labelledby={`${props.testId}-title`}>
      <h3 id={`${props.testId}-title`}>{props.title}</h3>
      <p className="note">{props.explain}</p>
      {props.bars.rows.length > 0 ? (
        <>
          <BestFigureChart
            bars={props.bars}
            unit={props.unit}
            yLabel={props.yLabel}
            testId={props.testId}
            ariaLabel={props.ariaLabel}
          />
          {note ? <p className="note">{note}</p> : null}
        </>
      ) : (
        <p className="empty">{props.empty}</p>
      )}
    </section>
  );
}

/** Every chart of the filtered runs; each says what it leaves out. */
export function BenchmarkCharts({ charts }: { charts: BenchmarkChartsData }) {
  const { energy } = charts;
  const hasEnergy = energy.powerW.length + energy.batteryDrainPctPer30Min.length + energy.throttlePct.length > 0;
  const sampled = charts.sample.total > charts.sample.shown;
  const scatters = packScatters(charts.roofline, charts.memory);
  return (
    <section className="charts" aria-labelledby="charts-title" data-testid="benchmark-charts">
      <h2 id="charts-title">Charts of the filtered runs</h2>

      <BarsSection
        title="Decode speed by model and device"
        bars={charts.decode}
        unit="tok/s"
        yLabel="decode tok/s"
        testId="decode-bars"
        ariaLabel="Best decode tokens per second of each model on each device in the filtered runs"
        explain="The fastest run of each model on each device among the filtered runs (any quantization and backend unless filtered). Hover a bar for its status."
        empty="No run in this set reports a decode speed."
      />
      <BarsSection
        title="Prefill speed by model and device"
        bars={charts.prefill}
        unit="tok/s"
        yLabel="prefill tok/s"
        testId="prefill-bars"
        ariaLabel="Best prefill tokens per second of each model on each device in the filtered runs"
        explain="The fastest prompt processing of each model on each device."
        empty="No run in this set reports a prefill speed."
      />
      <BarsSection
        title="Time to first token"
        bars={charts.ttft}
        unit="ms"
        yLabel="first token (ms)"
        testId="ttft-bars"
        ariaLabel="Shortest time to first token in milliseconds of each model on each device"
        explain="The shortest first-token time where a run reports one (prompt lengths differ between sources: see each run)."
        empty="No run in this set reports a first-token time."
      />

      <section className="chart-section" aria-labelledby="roofline-title">
        <h3 id="roofline-title">Decode speed against the memory-bandwidth bound</h3>
        <p className="note">
          Every generated token reads the model&apos;s weights once, so decode tokens/s cannot exceed the device&apos;s
          memory bandwidth ÷ the GB read per token (the file size; the active share for a mixture-of-experts model).
          The dashed diagonal is decode = bound (both axes logarithmic); points above it claim more than that and are
          marked with a red cross — hover one for the arithmetic.
          {sampled ? ` Showing an even sample of ${formatCount(charts.sample.shown)} of ${formatCount(charts.sample.total)} runs, plus every run above the bound.` : ""}
          {charts.roofline.withoutBound > 0
            ? ` ${formatCount(charts.roofline.withoutBound)} runs are left out: their device bandwidth or model size is unknown.`
            : ""}
        </p>
        {charts.roofline.plausible.length + charts.roofline.implausible.length > 0 ? (
          <RooflineChart packed={scatters.roofline} />
        ) : (
          <p className="empty">No run in this set has a decode speed with a known bandwidth and model size.</p>
        )}
        <ImplausibleRuns points={charts.roofline.implausible} capped={charts.aboveBoundCapped} />
      </section>

      <section className="chart-section" aria-labelledby="memory-title">
        <h3 id="memory-title">Peak memory against model size</h3>
        <p className="note">
          Peak memory of a run against its model file&apos;s size; the dashed diagonal is memory = file size. The KV cache
          and compute buffers come on top of the weights (GPU runs may report less than the file when the weights sit in
          GPU memory).
          {sampled ? ` Even sample of ${formatCount(charts.sample.shown)} of ${formatCount(charts.sample.total)} runs.` : ""}
          {charts.memory.withoutSize > 0 ? ` ${formatCount(charts.memory.withoutSize)} runs without a known model size are left out.` : ""}
        </p>
        {charts.memory.series.length > 0 ? (
          <MemoryScatter packed={scatters.memory} />
        ) : (
          <p className="empty">No run in this set reports its peak memory with a known model size.</p>
        )}
      </section>

      <section className="chart-section" aria-labelledby="energy-title">
        <h3 id="energy-title">Power, energy, battery and throttling</h3>
        {hasEnergy ? (
          <>
            <p className="note">
              Where a run reports them{charts.energyCapped ? " (the first runs; filter to see others)" : ""}.
            </p>
            {energy.powerW.length > 0 ? (
              <EnergyBars
                title="Average power"
                bars={energy.powerW}
                unit="W"
                xLabel="average power (W)"
                testId="power-bars"
                ariaLabel="Average power in watts of each run that reports it"
              />
            ) : null}
            {energy.energyJPerToken.length > 0 ? (
              <EnergyBars
                title="Energy per generated token"
                bars={energy.energyJPerToken}
                unit="J/token"
                xLabel="energy per token (J), power ÷ decode speed"
                testId="energy-per-token-bars"
                ariaLabel="Energy in joules per generated token of each run that reports power and decode speed"
              />
            ) : null}
            {energy.batteryDrainPctPer30Min.length > 0 ? (
              <EnergyBars
                title="Battery drain in 30 minutes of continuous use"
                bars={energy.batteryDrainPctPer30Min}
                unit="% per 30 min"
                xLabel="battery drain (% per 30 min)"
                testId="battery-bars"
                ariaLabel="Battery drain in percent per 30 minutes of each run that reports it"
              />
            ) : null}
            {energy.throttlePct.length > 0 ? (
              <EnergyBars
                title="Decode speed lost to thermal throttling"
                bars={energy.throttlePct}
                unit="% slower"
                xLabel="speed lost to throttling (%)"
                testId="throttle-bars"
                ariaLabel="Percent of decode speed lost to thermal throttling of each run that reports it"
              />
            ) : null}
          </>
        ) : (
          <p className="empty">No run in this set reports power, battery drain or throttling.</p>
        )}
      </section>
    </section>
  );
}
