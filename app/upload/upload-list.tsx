"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { UploadSummary } from "@/db/queries/uploads";
import styles from "./upload.module.css";

/** Past uploads, each removable with exactly the rows it added. */
export function UploadList({ uploads }: { uploads: UploadSummary[] }) {
  const router = useRouter();
  const [busyId, setBusyId] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function remove(upload: UploadSummary) {
    if (!window.confirm(`Delete upload ${upload.id} (“${upload.title}”) and the ${upload.runs} runs it added?`)) return;
    setBusyId(upload.id);
    setFailure(null);
    const res = await fetch(`/api/uploads/${upload.id}`, { method: "DELETE" });
    setBusyId(null);
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
      setFailure(body?.error?.message ?? `Delete failed (${res.status})`);
      return;
    }
    router.refresh();
  }

  if (uploads.length === 0) return <p className="empty">No uploads yet.</p>;
  return (
    <>
      {failure ? (
        <p className={`${styles.panel} ${styles.errors}`} role="alert">
          {failure}
        </p>
      ) : null}
      <table data-testid="upload-list">
        <thead>
          <tr>
            <th>Upload</th>
            <th>Format</th>
            <th>When (UTC)</th>
            <th className="num">Runs</th>
            <th className="num">Prices</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {uploads.map((u) => (
            <tr key={u.id}>
              <td>
                <a href={`/benchmarks?source=${u.id}`}>
                  {u.id}. {u.title}
                </a>
              </td>
              <td>{u.format ?? "–"}</td>
              <td>{u.createdAt.slice(0, 16).replace("T", " ")}</td>
              <td className="num">{u.runs}</td>
              <td className="num">{u.prices}</td>
              <td>
                <button type="button" className={styles.secondary} disabled={busyId === u.id} onClick={() => void remove(u)}>
                  {busyId === u.id ? "Deleting…" : "Delete"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
