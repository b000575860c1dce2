/**
 * Runs in the browser as a page's first scripts run, before React hydrates it (Next's client
 * instrumentation hook). On the planner it asks for the engine once the page has loaded: the
 * planner's own module, which asks for it too, runs only when hydration reaches it, and on a
 * slow phone that is often the first keystroke itself (React hydrates in a transition, a
 * slice per frame), whose answer then waited for the engine's chunk to come and run. Asked
 * for before the load event, the chunk held that event back by its download and evaluation.
 */
import { loadEngine } from "@/app/plan/_components/deferred-modules";

if (window.location.pathname === "/plan") {
  const load = () => void loadEngine().catch(() => undefined);
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load, { once: true });
}
