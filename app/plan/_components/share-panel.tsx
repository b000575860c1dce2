"use client";

/** "Save & share": stores the scenario with the data it is planned with and shows its /s/{id} link. */
import { useId, useState } from "react";
import { encodeScenarioParam, scenarioParamFitsInLink } from "@/lib/planner/url-params";
import type { Scenario } from "@/lib/schemas/scenario";

type ShareState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; url: string; copied: boolean }
  | { kind: "failed"; message: string };

interface ShareResponse {
  id?: string;
  url?: string;
  error?: { message?: string; issues?: { path: string; message: string }[] };
}

export function SharePanel({ scenario, disabled }: { scenario: Scenario; disabled: boolean }) {
  const [state, setState] = useState<ShareState>({ kind: "idle" });
  const linkId = useId();

  const save = async () => {
    setState({ kind: "saving" });
    try {
      const response = await fetch("/api/scenarios", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(scenario),
      });
      const body = (await response.json().catch(() => ({}))) as ShareResponse;
      if (!response.ok || !body.url) {
        const issues = body.error?.issues?.map((i) => `${i.path}: ${i.message}`).join("; ");
        setState({ kind: "failed", message: `${body.error?.message ?? `The server answered ${response.status}`}${issues ? ` (${issues})` : ""}` });
        return;
      }
      const url = new URL(body.url, window.location.origin).toString();
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        // No clipboard (an insecure origin, a denied permission): the link is shown to copy by hand.
      }
      setState({ kind: "saved", url, copied });
    } catch (error) {
      setState({ kind: "failed", message: `Could not reach the server: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <div className="share-panel" aria-live="polite">
      <button
        type="button"
        className="button button-primary"
        onClick={save}
        disabled={disabled || state.kind === "saving"}
        data-testid="share-button"
        title={disabled ? "Fix the scenario's problems first" : "Save this scenario and copy a link to it"}
      >
        {state.kind === "saving" ? "Saving…" : "Save & share"}
      </button>
      {state.kind === "saved" ? (
        <span className="share-result">
          <label htmlFor={linkId} className="visually-hidden">
            Share link
          </label>
          <input
            id={linkId}
            readOnly
            value={state.url}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="share-link"
            size={Math.min(48, state.url.length)}
          />
          <span className="muted">{state.copied ? "Copied." : "Copy the link."} The saved plan never changes.</span>
        </span>
      ) : null}
      {state.kind === "idle" && !scenarioParamFitsInLink(encodeScenarioParam(scenario)) ? (
        <span className="muted" data-testid="share-too-long">
          This scenario is too long for the address bar; save it to get a short link.
        </span>
      ) : null}
      {state.kind === "failed" ? (
        <span className="field-error" role="alert" data-testid="share-error">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
