/**
 * The home page, the dataset at a glance: a Pages Router page with its runtime turned off
 * (`unstable_runtimeJS: false`), so it loads no script at all. It has nothing to run: links,
 * tables and a bar chart drawn as SVG on the server. As an App Router page it would load
 * React and the Next runtime (≈133 KB gzip) to hydrate static content.
 *
 * `/` is not a gated page (lib/http/page-gates.ts): a Pages Router page does not render the
 * root layout, which gives a gated page's lease back.
 */
import type { GetServerSideProps, InferGetServerSidePropsType, PageConfig } from "next";
import { getDatabase, type Database } from "@/db/client";
import { listDevices } from "@/db/queries/devices";
import { listDatasetFindings, listFlaggedRuns } from "@/db/queries/findings";
import { getBestDecodeByDeviceAndModel, getDatasetSummary } from "@/db/queries/summary";
import { cachedUntilWrite } from "@/db/queries/version-cache";
import { groupedBarLayout } from "@/lib/charts/grouped-bars";
import { pivot } from "@/lib/charts/pivot";
import { formatCount } from "@/lib/format/numbers";
import { ClaimFindings } from "@/app/_components/claim-findings";
import { GroupedBarChart } from "@/app/_components/grouped-bar-chart";
import { StatusBadge } from "@/app/_components/status-badge";

/* eslint-disable @next/next/no-html-link-for-pages -- no router runs on this page: every link is a full load, whatever renders it */
export const config: PageConfig = { unstable_runtimeJS: false };

const CHART_QUANTIZATION = "q4_0";

/** Per request, as every page here: the counts change with each upload (read again after a write). */
export const getServerSideProps = (async () => ({ props: await loadHomePage(getDatabase()) })) satisfies GetServerSideProps;

/** What the page shows, kept until the next write: five queries, the flagged runs' count among them. */
function loadHomePage(db: Database) {
  return cachedUntilWrite(db, "home-page", async () => {
    const [summary, decode, devices, findings] = await Promise.all([
      getDatasetSummary(db),
      getBestDecodeByDeviceAndModel(db, CHART_QUANTIZATION),
      listDevices(db),
      listDatasetFindings(db),
    ]);
    const flagged = await listFlaggedRuns(db, {}, findings, 0);
    const chart = pivot(
      decode,
      (r) => r.modelName,
      (r) => r.deviceName,
      (r) => r.decodeTokensPerSec,
    );
    const decodeChart = chart.rows.length > 0 ? groupedBarLayout(chart.rows, chart.seriesKeys) : null;
    return { summary, decodeChart, devices, findings, flaggedTotal: flagged.total };
  });
}

export default function HomePage({
  summary,
  decodeChart,
  devices,
  findings,
  flaggedTotal,
}: InferGetServerSidePropsType<typeof getServerSideProps>) {
  const totalRuns = summary.runsByStatus.reduce((sum, row) => sum + row.runs, 0);
  return (
    <>
      <section className="cta" data-testid="home-cta">
        <div>
          <h1>Phone, cloud, or both?</h1>
          <p className="lede">
            Enter your app&apos;s traffic and your users&apos; phones; see what a small model on the phone, a cloud API
            or a hybrid router costs per month and over three years, how fast it answers, what it does to battery,
            and which mix to ship — then share it as a link.
          </p>
        </div>
        <a className="cta-button" href="/plan" data-testid="start-planning">
          Plan your app →
        </a>
      </section>

      <h2>The dataset at a glance</h2>
      <p className="lede">
        Measured on-device benchmarks, claims from articles, and cloud prices — every number with its source and
        status. <a href="/benchmarks">Browse the runs</a>, <a href="/pricing">the prices</a>, or{" "}
        <a href="/upload">add your own</a>.
      </p>

      <section className="stats" data-testid="dataset-counts">
        <div className="stat">
          <b data-testid="count-runs">{formatCount(totalRuns)}</b>
          <span>benchmark runs</span>
        </div>
        {summary.runsByStatus.map((row) => (
          <div className="stat" key={row.status}>
            <b>{formatCount(row.runs)}</b>
            <span>
              <StatusBadge status={row.status} /> runs
            </span>
          </div>
        ))}
        <div className="stat">
          <b>{summary.devices}</b>
          <span>devices</span>
        </div>
        <div className="stat">
          <b>{summary.models}</b>
          <span>models · {summary.variants} variants</span>
        </div>
        <div className="stat">
          <b>{summary.prices}</b>
          <span>cloud price versions</span>
        </div>
      </section>

      <h2>Decode speed by device and model ({CHART_QUANTIZATION.toUpperCase()}, best measured backend)</h2>
      {decodeChart ? (
        <GroupedBarChart
          layout={decodeChart}
          yLabel="tokens/s"
          seriesName="Devices"
          testId="decode-chart"
          ariaLabel={`Measured decode tokens per second at ${CHART_QUANTIZATION} by model and device`}
        />
      ) : (
        <p className="empty">No measured runs yet.</p>
      )}

      <section aria-labelledby="home-findings-heading" data-testid="home-findings">
        <h2 id="home-findings-heading">What the plausibility checks flag</h2>
        <p className="lede">
          Figures kept as their sources state them, that arithmetic or physics rules out.{" "}
          <a href="/benchmarks#findings-heading">
            <b data-testid="home-flagged-run-count">{formatCount(flaggedTotal)}</b> {flaggedTotal === 1 ? "run fails" : "runs fail"} a check
          </a>
          ; the documents&apos; own claims:
        </p>
        <ClaimFindings findings={findings} />
      </section>

      <h2>Runs by source</h2>
      <table>
        <thead>
          <tr>
            <th>Source</th>
            <th>Kind</th>
            <th className="num">Runs</th>
          </tr>
        </thead>
        <tbody>
          {summary.runsBySource.map((row) => (
            <tr key={row.sourceId}>
              <td>{row.title}</td>
              <td>{row.kind}</td>
              <td className="num">{row.runs}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Devices</h2>
      <table data-testid="device-table">
        <thead>
          <tr>
            <th>Device</th>
            <th>SoC</th>
            <th className="num">RAM (GB)</th>
            <th className="num">Bandwidth (GB/s)</th>
            <th className="num">Battery (Wh)</th>
            <th className="num">Runs</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id}>
              <td>{d.name}</td>
              <td>{d.soc ?? "–"}</td>
              {[d.ramGB, d.memoryBandwidthGBps, d.batteryWh].map((fact, i) => (
                <td className="num" key={i} title={fact.source ?? undefined}>
                  {fact.value ?? "–"} {fact.status ? <StatusBadge status={fact.status} /> : null}
                </td>
              ))}
              <td className="num">{d.runCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
