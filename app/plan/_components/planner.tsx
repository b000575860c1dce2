"use client";

/**
 * The planner: a scenario editor beside its results. Every change is validated
 * with the scenario schema and the dataset's ids, planned in the browser (the
 * engine is pure and synchronous) and written to the URL (`?s=`, see
 * lib/planner/url-state.ts), so the address is always a link to this view.
 *
 * The page ships the catalogue and the runs of the starting variant; another
 * variant's runs are fetched when it is chosen (use-variant-runs.ts), and until
 * they come the results say so rather than show a plan without them.
 *
 * The draft may be invalid while someone types (shares not summing to 100%):
 * its issues show beside the fields, and the results stay on the last valid
 * scenario, marked as such; the URL only ever holds a valid scenario.
 */
import dynamic from "next/dynamic";
import { debounce, parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryState } from "nuqs";
import { memo, startTransition, Suspense, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { AnswerBar } from "@/app/_components/plan/answer-bar";
import { PlanResults } from "@/app/_components/plan/plan-results";
import type { BindingAction } from "@/app/_components/plan/recommendation-card";
import type { DatasetSnapshot, SnapshotRun } from "@/lib/dataset/snapshot";
import type { Plan, PlanOptions } from "@/lib/model";
import { scenarioLabels, type ScenarioLabels } from "@/lib/plan-view/scenario-labels";
import { recommendationSummary } from "@/lib/plan-view/summary";
import type { ScenarioCheck } from "@/lib/planner/check-references";
import type { ScenarioIssue } from "@/lib/planner/issues";
import { fromPageJson, type PageJson } from "@/lib/planner/page-json";
import type { RunCounts } from "@/lib/planner/run-counts";
import {
  encodeScenarioParam,
  scenarioParamFitsInLink,
  PICKED_PRICES_PARAM,
  RESULT_VIEWS,
  SCENARIO_PARAM,
  type ResultView,
  VIEW_PARAM,
} from "@/lib/planner/url-params";
import { numberWithinLimits } from "@/lib/planner/limits-check";
import { getIn, setIn, type Path } from "@/lib/planner/set-in";
import { runsVariantOf } from "@/lib/planner/variant-runs";
import type { Scenario } from "@/lib/schemas/scenario";
import { CloudSection } from "./cloud-section";
import { ConstraintsSection } from "./constraints-section";
import { CostsSection } from "./costs-section";
import { DevicesSection } from "./devices-section";
import { EdgeSection } from "./edge-section";
import { createEditorStore, EditorContext, type EditorContextValue } from "./editor-context";
import { ExamplePicker, type ExampleOption } from "./example-picker";
import { TextField } from "./fields";
import { IssueSummary } from "./issue-summary";
import { SharePanel } from "./share-panel";
import { TiersSection } from "./tiers-section";
import { TrafficSection } from "./traffic-section";
import { loadedEngine, loadedScenarioChecker, loadEngine, loadLinkReader, loadScenarioChecker, type Checker, type Engine } from "./deferred-modules";
import { UrlStateProblem } from "./url-state-problem";
import { useVariantRuns, type VariantData } from "./use-variant-runs";

// In the browser, the engine is asked for before this module runs (instrumentation-client.ts)
// and again here, where a failed load is tried again: the first keystroke needs it. The scenario checker (zod)
// does not: a number within its limits replans before the schema has run (limits-check.ts),
// so zod's chunk loads after the first edit, or once the page has loaded and been idle.
if (typeof window !== "undefined") loadEngine().catch(() => undefined);

/** Once the page has loaded, a second has passed and the browser is idle: work no first keystroke should wait behind. */
function afterLoadAndIdle(run: () => void): () => void {
  let cancelled = false;
  const idle = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback === "function") requestIdleCallback(() => !cancelled && run(), { timeout: 2000 });
    else run();
  };
  const timer = () => setTimeout(idle, LOADED_PAGE_GRACE_MS);
  if (document.readyState === "complete") timer();
  else window.addEventListener("load", timer, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener("load", timer);
  };
}

/** After the browser has painted the next frame. */
function afterNextPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}

/** How long after its load the page leaves the main thread to a first keystroke before loading what that keystroke does not need. */
const LOADED_PAGE_GRACE_MS = 1000;

// Every cloud price planned side by side: the "prices" view only, loaded when shown (it plans with the engine).
const PriceComparison = dynamic(() => import("./price-comparison").then((m) => m.PriceComparison), {
  loading: () => (
    <p className="note" role="status">
      Loading the price comparison…
    </p>
  ),
});

/**
 * The editor's sections, each hydrating on its own (a Suspense boundary around server-rendered
 * content): the page's first hydration takes the planner's frame, the answer and the results,
 * and leaves the sections' hundreds of fields and options to hydrate after, in slices a
 * keystroke interrupts; a key pressed in a section not yet hydrated hydrates that one first.
 * One element for the page's life, so the planner's re-renders pass them by (the sections
 * read the editor from its store, editor-context.tsx).
 */
const EDITOR_PARTS = (
  <>
    <Suspense>
      <TrafficSection />
    </Suspense>
    <Suspense>
      <DevicesSection />
    </Suspense>
    <Suspense>
      <EdgeSection />
    </Suspense>
    <Suspense>
      <CloudSection />
    </Suspense>
    <div className="editor-more">
      <Suspense>
        <TiersSection />
        <CostsSection />
        <ConstraintsSection />
      </Suspense>
    </div>
  </>
);

interface PlannerProps {
  /** Devices, variants and prices with their provenance, and the learned speed model; no runs (as one JSON string, page-json.ts). */
  catalogue: PageJson<DatasetSnapshot>;
  /** The dataset's runs per variant and runtime, for the pickers. */
  runCounts: RunCounts;
  /** The runs of the variants the page may start with, by variant id. */
  initialRuns: Record<string, SnapshotRun[]>;
  examples: ExampleOption[];
  defaultScenario: Scenario;
  /** The server's plan of the starting scenario (no tornado), shown until the engine loads; null when it has none. */
  initialPlan: PageJson<Plan> | null;
  /** The schema's defaults (SCENARIO_DEFAULTS), computed on the server. */
  defaults: Scenario;
  /** The scenario of the page's link (`?s=`), read and checked by the server; null without one. */
  linked: LinkedScenario | null;
}

export type LinkedScenario = { kind: "ok"; scenario: Scenario } | { kind: "bad"; issues: ScenarioIssue[]; raw: string };

/** A scenario pasted into "Use this scenario", read as page.tsx reads a link's. */
async function readLink(raw: string, catalogue: DatasetSnapshot): Promise<LinkedScenario> {
  const [{ decodeScenarioParam }, { checkReferences }] = await Promise.all([loadLinkReader(), loadScenarioChecker()]);
  const decoded = decodeScenarioParam(raw);
  if (!decoded.ok) return { kind: "bad", issues: decoded.issues, raw };
  const checked = checkReferences(decoded.scenario, catalogue);
  return checked.ok ? { kind: "ok", scenario: checked.scenario } : { kind: "bad", issues: checked.issues, raw };
}

type Planned = { plan: Plan; error: null } | { plan: null; error: string };

function planSafely(engine: Engine, scenario: Scenario, snapshot: DatasetSnapshot, options?: PlanOptions): Planned {
  try {
    return { plan: engine.planScenario(scenario, snapshot, options), error: null };
  } catch (error) {
    return { plan: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The same scenario without its inline runs: the figures an override replaces (shown as its defaults). */
function planWithoutRuns(engine: Engine, scenario: Scenario, snapshot: DatasetSnapshot): Plan | null {
  if (scenario.edge.runs.length === 0) return null;
  try {
    return engine.planScenario({ ...scenario, edge: { ...scenario.edge, runs: [] } }, snapshot, { tornado: false });
  } catch {
    return null;
  }
}

export function Planner({ runCounts, initialRuns, examples, defaultScenario, defaults, linked, ...packed }: PlannerProps) {
  // Read once per mount, on the server and in the browser alike, from the strings the page sent.
  const [catalogue] = useState(() => fromPageJson(packed.catalogue));
  const [initialPlan] = useState(() => (packed.initialPlan ? fromPageJson(packed.initialPlan) : null));
  const [, setParam] = useQueryState(
    SCENARIO_PARAM,
    parseAsString.withOptions({ history: "replace", limitUrlUpdates: debounce(250) }),
  );
  const [view, setView] = useQueryState(
    VIEW_PARAM,
    parseAsStringLiteral(RESULT_VIEWS).withDefault("charts").withOptions({ history: "replace", clearOnDefault: true }),
  );
  const [picked, setPicked] = useQueryState(
    PICKED_PRICES_PARAM,
    parseAsArrayOf(parseAsString).withDefault([]).withOptions({ history: "replace", clearOnDefault: true }),
  );
  const [start] = useState<LinkedScenario>(() => linked ?? { kind: "ok", scenario: defaultScenario });
  const initial = start.kind === "ok" ? start.scenario : defaultScenario;
  const [problem, setProblem] = useState(start.kind === "bad" ? start : null);
  const [draft, setDraft] = useState<Scenario>(initial);
  const [valid, setValid] = useState<Scenario>(initial);
  // The last scenario the schema itself passed (the start was checked on the server): what the
  // address, "Save & share" and "Compare…" carry. `valid` may run ahead of it by a number within
  // its limits, planned before zod has loaded (limits-check.ts).
  const [checked, setChecked] = useState<Scenario>(initial);
  const checkedRef = useRef<Scenario>(initial);
  const validRef = useRef<Scenario>(initial);
  // Whether the draft last applied passed: the schema, or its limits on a draft that had passed.
  const draftPassed = useRef(true);
  const [issues, setIssues] = useState<ScenarioIssue[]>([]);
  const [undo, setUndo] = useState<Scenario | null>(null);
  // The scenario as last loaded (the start, or a picked example): a draft that differs holds the user's edits.
  const [loaded, setLoaded] = useState<Scenario>(initial);

  // The draft last applied: a check that waited for the schema to load applies only if still current.
  const latest = useRef<Scenario>(initial);
  // Null on the first render, here as on the server, so that hydration matches.
  const [engine, setEngine] = useState<Engine | null>(null);
  const [engineFailed, setEngineFailed] = useState(false);
  // Whether the scenario checker has come (or failed to): the charts wait for it (PlannerResults).
  const [checkerSettled, setCheckerSettled] = useState(false);
  const loadChecker = useCallback(() => {
    const loading = loadScenarioChecker();
    loading.then(
      () => setCheckerSettled(true),
      () => setCheckerSettled(true),
    );
    return loading;
  }, []);
  useEffect(() => {
    loadEngine().then(setEngine, () => setEngineFailed(true));
    return afterLoadAndIdle(() => void loadChecker().catch(() => undefined));
  }, [loadChecker]);

  const apply = useCallback(
    (next: Scenario, edited?: { path: Path; previous: unknown; value: unknown }) => {
      // An engine loaded while the page hydrated, before its effect has handed it over, plans
      // this edit in the edit's own render rather than in a render of its own after it.
      const arrived = loadedEngine();
      if (arrived) setEngine(arrived);
      setDraft(next);
      latest.current = next;
      const passed = (scenario: Scenario) => {
        setValid(scenario);
        validRef.current = scenario;
        checkedRef.current = scenario;
        setChecked(scenario);
        // A scenario too long for a link (the server would answer 431) leaves the URL: Save & share gives it an id.
        const encoded = encodeScenarioParam(scenario);
        void setParam(scenarioParamFitsInLink(encoded) ? encoded : null);
      };
      const settle = (result: ScenarioCheck, checker: Checker | null) => {
        if (latest.current !== next) return;
        draftPassed.current = result.ok;
        if (result.ok) {
          setIssues([]);
          passed(result.scenario);
          return;
        }
        setIssues(result.issues);
        // The results show the last scenario planned: one planned on its limits alone (a draft before
        // this one) stays when the schema passes it too, and gives way to the last it passed otherwise.
        const planned = validRef.current;
        if (planned === checkedRef.current) return;
        const again = checker?.checkScenario(planned, catalogue);
        if (again?.ok) passed(again.scenario);
        else {
          setValid(checkedRef.current);
          validRef.current = checkedRef.current;
        }
      };
      const checker = loadedScenarioChecker();
      if (checker) {
        settle(checker.checkScenario(next, catalogue), checker);
        return;
      }
      // Before zod has loaded, a number within its limits on a draft that passed is planned at once,
      // and zod's chunk asked for once that plan is on screen: its evaluation would hold the frame.
      const planNow = edited !== undefined && draftPassed.current && numberWithinLimits(edited.path, edited.previous, edited.value);
      if (planNow) {
        setValid(next);
        validRef.current = next;
      } else draftPassed.current = false;
      const check = () =>
        loadChecker().then(
          (loaded) => settle(loaded.checkScenario(next, catalogue), loaded),
          () =>
            settle(
              {
                ok: false,
                issues: [{ path: "", message: "The scenario checker could not be loaded (the network?); edit again or reload the page" }],
              },
              null,
            ),
        );
      if (planNow) afterNextPaint(check);
      else void check();
    },
    [catalogue, setParam, loadChecker],
  );

  const variantId = runsVariantOf(valid);
  const { data: variantData, retry: retryRuns } = useVariantRuns(catalogue, initialRuns, variantId);
  // The dataset the valid scenario is planned with; null while its variant's runs are on their way.
  const snapshot = variantData.status === "ready" ? variantData.snapshot : null;

  // Planned at once, in the keystroke's own render: without the tornado a plan takes a
  // fraction of a millisecond, so the recommendation and the editor's dataset figures
  // follow every keystroke. The charts follow a full plan in the background (PlannerResults).
  // The starting scenario keeps the server's plan of it (the same engine on the same data),
  // so the engine's arrival changes no figure and re-renders no field.
  // An edit made before the engine has loaded keeps that plan on screen, marked as not yet
  // replanned, until the engine replans it.
  const result = useMemo((): Planned | null => {
    if (!snapshot) return null;
    if ((valid === initial || !engine) && initialPlan) return { plan: initialPlan, error: null };
    return engine ? planSafely(engine, valid, snapshot, { tornado: false }) : null;
  }, [engine, valid, snapshot, initial, initialPlan]);
  const replanning = !engine && valid !== initial && result !== null;
  const datasetPlan = useMemo(() => (engine && snapshot ? planWithoutRuns(engine, valid, snapshot) : null), [engine, valid, snapshot]);
  const labels = useMemo(() => scenarioLabels(valid, snapshot ?? catalogue), [valid, snapshot, catalogue]);
  const summary = useMemo(() => (result?.plan ? recommendationSummary(result.plan, labels) : null), [result, labels]);

  const set = useCallback(
    (path: Path, value: unknown) => apply(setIn(draft, path, value), { path, previous: getIn(draft, path), value }),
    [apply, draft],
  );
  const edit = useCallback((change: (draft: Scenario) => Scenario) => apply(change(draft)), [apply, draft]);
  // One value while nothing it holds changes: the planner's other re-renders (the engine's
  // arrival, the URL write, the charts' plan) re-render no field.
  const shownPlan = result?.plan ?? null;
  const shownSnapshot = snapshot ?? catalogue;
  const editor = useMemo<EditorContextValue>(
    () => ({ draft, issues, plan: shownPlan, datasetPlan, snapshot: shownSnapshot, runCounts, defaults, set, edit }),
    [draft, issues, shownPlan, datasetPlan, shownSnapshot, runCounts, defaults, set, edit],
  );
  // The sections read the editor from a store (editor-context.tsx), told of each new value
  // before the browser paints; its first value is the one the server rendered.
  // (The rule sees `set` reach apply's ref; the store only keeps it, to be called by a field's handler.)
  // eslint-disable-next-line react-hooks/refs
  const [store] = useState(() => createEditorStore(editor));
  useLayoutEffect(() => store.publish(editor), [store, editor]);

  const changeView = useCallback((v: ResultView) => void setView(v), [setView]);

  // The limits in force, each with one change and what it does to the answer. Each lever
  // replans the scenario once, so they follow a keystroke in a background render (as the
  // charts do) rather than in its own; a lever applies its change to the scenario as it is then.
  // That render starts once the keystroke's answer is painted: started at once (a deferred
  // value), it ran before the browser's next frame and held the answer back by its replans
  // (90-130 ms with the CPU slowed 4×). The first levers wait, as the charts do, for the
  // scenario checker too (a first edit, or a quiet second after the page's load): with the
  // engine alone they were computed just after the load, when a first keystroke comes.
  const leverBasis = useMemo(
    () => (result?.plan && snapshot && engine && checkerSettled ? { engine, scenario: valid, plan: result.plan, snapshot } : null),
    [valid, result, snapshot, engine, checkerSettled],
  );
  const [deferredLevers, setDeferredLevers] = useState<typeof leverBasis>(null);
  useEffect(() => {
    let cancelled = false;
    afterNextPaint(() => !cancelled && startTransition(() => setDeferredLevers(leverBasis)));
    return () => {
      cancelled = true;
    };
  }, [leverBasis]);
  const current = useRef(valid);
  useLayoutEffect(() => {
    current.current = valid;
  }, [valid]);
  const bindingActions = useMemo<BindingAction[]>(
    () =>
      deferredLevers
        ? deferredLevers.engine.constraintLevers(deferredLevers.scenario, deferredLevers.plan, deferredLevers.snapshot).map((lever) => ({
            id: lever.id,
            text: lever.text,
            binds: lever.binds,
            changeLabel: lever.changeLabel,
            outcome: lever.outcome,
            onApply: () => apply(lever.change(current.current)),
          }))
        : [],
    [deferredLevers, apply],
  );
  const useFromComparison = useCallback(
    (priceId: string) => apply({ ...valid, cloud: { ...valid.cloud, price: priceId } }),
    [valid, apply],
  );
  const changePicked = useCallback((ids: string[]) => void setPicked(ids), [setPicked]);

  const pickExample = (example: ExampleOption) => {
    setUndo(draft);
    setLoaded(example.scenario);
    apply(example.scenario);
  };

  if (problem) {
    return (
      <div className="planner">
        <h1>Plan</h1>
        <UrlStateProblem
          issues={problem.issues}
          raw={problem.raw}
          defaultName={defaultScenario.name}
          onUseDefault={() => {
            setProblem(null);
            apply(defaultScenario);
          }}
          onTryRaw={async (raw) => {
            const read = await readLink(raw, catalogue);
            if (read.kind === "bad") return read.issues;
            setProblem(null);
            apply(read.scenario);
            return [];
          }}
        />
      </div>
    );
  }

  const stale = issues.length > 0 || replanning;
  return (
    <EditorContext.Provider value={store}>
      <div className="planner">
        <div className="planner-head">
          <h1>Plan</h1>
          {/* The scenario's name heads the page: it names what is being planned and what a link shares. */}
          <div className="planner-name">
            <TextField path={["name"]} label="Scenario name" testId="input-name" compact />
          </div>
          <div className="planner-actions">
            <ExamplePicker examples={examples} hasEdits={draft !== loaded} onPick={pickExample} />
            <SharePanel scenario={checked} disabled={issues.length > 0 || checked !== valid} />
            <a className="button" href={`/compare?s=${encodeURIComponent(encodeScenarioParam(checked))}`} data-testid="compare-current">
              Compare…
            </a>
          </div>
        </div>
        {undo ? (
          <p className="undo-bar" role="status">
            Loaded an example.{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                apply(undo);
                setUndo(null);
              }}
            >
              Undo: back to “{undo.name}”
            </button>
          </p>
        ) : null}
        {summary ? <AnswerBar summary={summary} stale={stale} /> : null}
        <div className="planner-body">
          <form className="editor" aria-label="Scenario" onSubmit={(e) => e.preventDefault()} noValidate>
            <IssueSummary issues={issues} />
            {/* The four decisions first, open; what refines them folds below. */}
            {EDITOR_PARTS}
            <p className="note editor-foot" data-testid="editor-foot">
              Every edit replans at once; the address is always a link to this view.
            </p>
          </form>
          <section className={`results${stale ? " results-stale" : ""}`} aria-label="Results" data-testid="results">
            {issues.length > 0 ? (
              <p className="stale-banner" role="status" data-testid="stale-banner">
                Showing the last valid scenario: fix {issues.length} problem{issues.length === 1 ? "" : "s"} in the editor to update.
              </p>
            ) : replanning ? (
              <p className="stale-banner" role="status" data-testid="replanning-banner">
                Showing the starting scenario&apos;s plan: the planner is loading and replans your edit when it has.
              </p>
            ) : null}
            {variantData.status !== "ready" ? (
              <RunsPending data={variantData} name={labels.variantName} onRetry={retryRuns} />
            ) : result === null || snapshot === null ? (
              <p className="empty" role={engineFailed ? "alert" : "status"} data-testid="engine-loading">
                {engineFailed ? "The planner's engine could not be loaded (the network?): reload the page." : "Loading the planner…"}
              </p>
            ) : result.plan ? (
              <PlannerResults
                engine={engine && checkerSettled ? engine : null}
                plan={result.plan}
                labels={labels}
                scenario={valid}
                snapshot={snapshot}
                view={view}
                onViewChange={changeView}
                bindingActions={bindingActions}
                picked={picked}
                onPickedChange={changePicked}
                onUsePrice={useFromComparison}
              />
            ) : (
              <p className="empty" role="alert">
                This scenario cannot be planned: {result.error}
              </p>
            )}
          </section>
        </div>
      </div>
    </EditorContext.Provider>
  );
}

/** Said in the results' place while the chosen variant's runs are fetched, or when they could not be. */
function RunsPending({ data, name, onRetry }: { data: VariantData; name: string; onRetry: () => void }) {
  if (data.status === "failed") {
    return (
      <p className="empty" role="alert" data-testid="runs-failed">
        The measured runs of {name} could not be loaded ({data.message}), so it cannot be planned yet.{" "}
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      </p>
    );
  }
  return (
    <p className="empty" role="status" data-testid="runs-loading">
      Loading the runs of {name}…
    </p>
  );
}

interface PlannerResultsProps {
  /**
   * Null until the engine has loaded and the scenario checker has settled, which waits for a
   * first edit or a quiet second after the page's load: the charts (Recharts' chunk, their
   * full plan with its tornado) come after, rather than hold a first keystroke on a slow phone.
   */
  engine: Engine | null;
  /** The plan of `scenario`, without the tornado: what the recommendation shows. */
  plan: Plan;
  labels: ScenarioLabels;
  scenario: Scenario;
  snapshot: DatasetSnapshot;
  view: ResultView;
  onViewChange: (view: ResultView) => void;
  bindingActions: BindingAction[];
  picked: string[];
  onPickedChange: (ids: string[]) => void;
  onUsePrice: (priceId: string) => void;
}

/**
 * The results: the recommendation of the scenario as typed, and the charts and
 * tables of a deferred copy of it (useDeferredValue), planned in full, tornado
 * included. React renders the charts in the background after the keystroke's own
 * render, and drops that render when a newer keystroke overtakes it. (Recharts then
 * redraws from its store synchronously, up to ~100 ms for the cost charts, so a key
 * pressed during that redraw still waits for it.) Memoised, so the editor's own
 * re-renders (an invalid draft, the URL write) skip it.
 */
const PlannerResults = memo(function PlannerResults({
  engine,
  plan,
  labels,
  scenario,
  snapshot,
  view,
  onViewChange,
  bindingActions,
  picked,
  onPickedChange,
  onUsePrice,
}: PlannerResultsProps) {
  const deferred = useDeferredValue(scenario);
  // The engine's arrival leaves the answer as the server planned it; the charts' full plan
  // (the tornado replans the scenario ~28 times) follows in a background render.
  const chartEngine = useDeferredValue(engine);
  const charted = useMemo(() => {
    if (!chartEngine) return undefined;
    const full = planSafely(chartEngine, deferred, snapshot);
    // A deferred scenario was valid and planned once already; should its full plan fail, the charts keep to `plan`.
    return full.plan ? { plan: full.plan, labels: scenarioLabels(deferred, snapshot) } : undefined;
  }, [chartEngine, deferred, snapshot]);
  const prices = (
    <PriceComparison scenario={deferred} snapshot={snapshot} picked={picked} onPickedChange={onPickedChange} onUse={onUsePrice} />
  );
  return (
    <PlanResults
      holdCharts={!engine}
      plan={plan}
      labels={labels}
      view={view}
      onViewChange={onViewChange}
      charted={charted}
      prices={prices}
      bindingActions={bindingActions}
    />
  );
});
