"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { UploadIssue, UploadResponse } from "@/lib/schemas/uploads";
import styles from "./upload.module.css";

interface DeviceOption {
  id: string;
  name: string;
  soc: string | null;
}

type Phase = "idle" | "checking" | "previewed" | "committing" | "committed";

const NEW_DEVICE = "__new__";

interface NewDeviceFields {
  id: string;
  name: string;
  soc: string;
  ramGB: string;
  memoryBandwidthGBps: string;
  batteryWh: string;
}

function newDeviceJson(f: NewDeviceFields): string {
  const num = (s: string) => (s.trim() === "" ? undefined : Number(s));
  return JSON.stringify({
    id: f.id.trim(),
    name: f.name.trim(),
    ...(f.soc.trim() ? { soc: f.soc.trim() } : {}),
    ramGB: num(f.ramGB),
    memoryBandwidthGBps: num(f.memoryBandwidthGBps),
    batteryWh: num(f.batteryWh),
  });
}

export function UploadForm({ devices }: { devices: DeviceOption[] }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [device, setDevice] = useState("");
  const [newDevice, setNewDevice] = useState<NewDeviceFields>({ id: "", name: "", soc: "", ramGB: "", memoryBandwidthGBps: "", batteryWh: "" });
  const [token, setToken] = useState("");
  const [phase, setPhase] = useState<Phase>("idle");
  const [result, setResult] = useState<UploadResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Runs a plausibility check rules out are stored only after the person has read why.
  const [confirmHeld, setConfirmHeld] = useState(false);
  // Only the latest request's answer is shown: a dry run sent before the device was chosen may answer last.
  const latest = useRef(0);

  async function send(dryRun: boolean, chosen: File | null = file, deviceChoice = device): Promise<void> {
    if (!chosen) return;
    setPhase(dryRun ? "checking" : "committing");
    setFailure(null);
    const params = new URLSearchParams({ name: chosen.name });
    if (dryRun) params.set("dryRun", "1");
    if (confirmHeld) params.set("confirm", "1");
    if (deviceChoice === NEW_DEVICE) params.set("newDevice", newDeviceJson(newDevice));
    else if (deviceChoice) params.set("device", deviceChoice);
    const request = ++latest.current;
    try {
      const res = await fetch(`/api/uploads?${params}`, {
        method: "POST",
        body: await chosen.text(),
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      const body = (await res.json()) as UploadResponse & { error?: { message: string; issues: { path: string; message: string }[] } };
      if (request !== latest.current) return;
      if (body.error) {
        setResult(null);
        setFailure([body.error.message, ...body.error.issues.map((i) => `${i.path}: ${i.message}`)].join(" — "));
        setPhase("idle");
        return;
      }
      setResult(body);
      setPhase(!dryRun && res.ok ? "committed" : "previewed");
      if (!dryRun && res.ok) router.refresh(); // the uploads list below gains this one
    } catch (error) {
      if (request !== latest.current) return;
      setFailure(error instanceof Error ? error.message : String(error));
      setPhase("idle");
    }
  }

  const busy = phase === "checking" || phase === "committing";
  const canCommit =
    phase === "previewed" &&
    result !== null &&
    result.errors.length === 0 &&
    (result.held.length === 0 || confirmHeld) &&
    !result.alreadyUploaded &&
    (result.runsAdded > 0 || result.pricesAdded > 0);

  return (
    <div className={styles.form}>
      <div className={styles.row}>
        <label htmlFor="upload-file">Benchmark or price file</label>
        <input
          id="upload-file"
          data-testid="upload-file"
          className={styles.input}
          type="file"
          accept=".json,.jsonl,.txt,application/json"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setResult(null);
            setConfirmHeld(false);
            if (chosen) void send(true, chosen);
          }}
        />
      </div>

      <div className={styles.row}>
        <label htmlFor="upload-device">Device the file came from</label>
        <select
          id="upload-device"
          data-testid="upload-device"
          className={styles.input}
          value={device}
          onChange={(e) => {
            setDevice(e.target.value);
            if (file && e.target.value !== NEW_DEVICE) void send(true, file, e.target.value);
          }}
        >
          <option value="">— as the file says —</option>
          {devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
              {d.soc ? ` (${d.soc})` : ""}
            </option>
          ))}
          <option value={NEW_DEVICE}>Describe a new device…</option>
        </select>
        <span className={styles.hint}>llama-bench output on a phone often says only &quot;CPU&quot;: name the device here.</span>
      </div>

      {device === NEW_DEVICE ? (
        <fieldset className={styles.newDevice} data-testid="new-device">
          <legend>New device</legend>
          {(
            [
              ["id", "Id (lowercase, e.g. pixel-9a)", "text"],
              ["name", "Name", "text"],
              ["soc", "SoC", "text"],
              ["ramGB", "RAM (GB)", "number"],
              ["memoryBandwidthGBps", "Memory bandwidth (GB/s)", "number"],
              ["batteryWh", "Battery (Wh)", "number"],
            ] as const
          ).map(([key, label, type]) => (
            <div className={styles.row} key={key}>
              <label htmlFor={`new-device-${key}`}>{label}</label>
              <input
                id={`new-device-${key}`}
                className={styles.input}
                type={type}
                step="any"
                min={type === "number" ? 0 : undefined}
                value={newDevice[key]}
                onChange={(e) => setNewDevice({ ...newDevice, [key]: e.target.value })}
              />
            </div>
          ))}
          <div className={styles.actions}>
            <button type="button" className={styles.secondary} disabled={!file || busy} onClick={() => void send(true)}>
              Check again with this device
            </button>
          </div>
        </fieldset>
      ) : null}

      <div className={styles.row}>
        <label htmlFor="upload-token">Admin token (only if this server asks for one)</label>
        <input id="upload-token" className={styles.input} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </div>

      <div className={styles.busy} aria-live="polite" data-testid="upload-status">
        {busy ? (
          <>
            <progress aria-label={phase === "checking" ? "Checking the file" : "Storing the file"} /> {phase === "checking" ? "Checking the whole file…" : "Storing…"}
          </>
        ) : null}
      </div>

      {failure ? (
        <div className={`${styles.panel} ${styles.errors}`} role="alert" data-testid="upload-failure">
          {failure}
        </div>
      ) : null}

      {result ? <UploadResult result={result} phase={phase} /> : null}

      {result && result.held.length > 0 && phase === "previewed" ? (
        <label className={styles.row} data-testid="upload-confirm-held">
          <span>
            <input type="checkbox" checked={confirmHeld} onChange={(e) => setConfirmHeld(e.target.checked)} /> Store the{" "}
            {result.held.length === 1 ? "run" : "runs"} above anyway: the findings stay shown beside them
          </span>
        </label>
      ) : null}

      <div className={styles.actions}>
        <button type="button" className={styles.primary} data-testid="upload-commit" disabled={!canCommit || busy} onClick={() => void send(false)}>
          Commit {result && result.runsAdded > 0 ? `${result.runsAdded} runs` : ""}
        </button>
        {phase === "committed" && result?.uploadId ? (
          <a className="button" href={`/benchmarks?source=${result.uploadId}`} data-testid="upload-view">
            See them on the benchmarks page
          </a>
        ) : null}
      </div>
    </div>
  );
}

function UploadResult({ result, phase }: { result: UploadResponse; phase: Phase }) {
  const committed = phase === "committed";
  return (
    <div className={styles.form} data-testid="upload-result">
      <div className={`${styles.panel} ${result.errors.length ? styles.errors : styles.ok}`}>
        <dl className={styles.summary}>
          <dt>Format</dt>
          <dd data-testid="upload-format">{result.format ?? "not recognised"}</dd>
          <dt>{committed ? "Runs added" : "Runs to add"}</dt>
          <dd data-testid="upload-runs">{result.runsAdded}</dd>
          <dt>Already in the dataset</dt>
          <dd>{result.duplicates}</dd>
          {result.pricesAdded ? (
            <>
              <dt>Prices</dt>
              <dd>{result.pricesAdded}</dd>
            </>
          ) : null}
          {result.newDevices.length ? (
            <>
              <dt>New devices</dt>
              <dd>{result.newDevices.join(", ")}</dd>
            </>
          ) : null}
          {result.newVariants.length ? (
            <>
              <dt>New models / variants</dt>
              <dd>
                {result.newModels.length} / {result.newVariants.length}
              </dd>
            </>
          ) : null}
          {committed && result.uploadId ? (
            <>
              <dt>Stored as</dt>
              <dd data-testid="upload-id">upload {result.uploadId}</dd>
            </>
          ) : null}
        </dl>
        {result.alreadyUploaded ? <p>This exact file was uploaded before; nothing will be stored twice.</p> : null}
      </div>

      {result.calibrations.length ? (
        <div className={styles.panel} data-testid="upload-calibration">
          <b>Calibration</b>
          <ul className={styles.list}>
            {result.calibrations.map((c) => (
              <li key={`${c.deviceId}/${c.runtime}`}>
                {c.runtime} on <code>{c.deviceId}</code> reaches <b>{Math.round(c.efficiency * 100)}%</b> of the memory-bandwidth
                bound (median of {c.variants} model{c.variants === 1 ? "" : "s"}). The planner can use{" "}
                {c.efficiency.toFixed(2)} as this device&apos;s efficiency instead of the 0.6 default.
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {result.errors.length ? (
        <IssuePanel
          tone="errors"
          title={result.deviceRequired ? "Name the device this file came from, above." : "The file cannot be stored:"}
          issues={result.errors}
          testId="upload-errors"
        />
      ) : null}

      {result.held.length ? (
        <IssuePanel tone="warnings" title="Held back: physics rules these figures out" issues={result.held} testId="upload-held" />
      ) : null}

      {result.warnings.length ? (
        <div className={`${styles.panel} ${styles.warnings}`} data-testid="upload-warnings">
          <b>Warnings</b>
          <ul className={styles.list}>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Located issues of a file, each as where it is and what is wrong there. */
function IssuePanel({ tone, title, issues, testId }: { tone: "errors" | "warnings"; title: string; issues: UploadIssue[]; testId: string }) {
  return (
    <div className={`${styles.panel} ${styles[tone]}`} data-testid={testId}>
      <b>{title}</b>
      <ul className={styles.list}>
        {issues.map((issue, i) => (
          <li key={i}>
            <code>{issue.where}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
