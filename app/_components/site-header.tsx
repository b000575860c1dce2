/**
 * The site's header, title and description, written once for the App Router's root layout
 * (app/layout.tsx) and the Pages Router's frame of the home page (pages/_app.tsx).
 * No hooks: it renders on the server in both.
 */
import Link from "next/link";

export const SITE_TITLE = "Edge vs cloud LLM cost planner";
export const SITE_DESCRIPTION = "What it costs to answer your app's requests on the phone, in the cloud, or both.";

export function SiteHeader() {
  return (
    <header className="site-header">
      {/* The brand is the way home (the dataset overview), a plain link: the home page is a
          Pages Router page, which the App Router's client navigation cannot render; it loads whole. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className="brand" title="Overview of the dataset">
        Edge ⇄ Cloud planner
      </a>
      {/* Not prefetched: every page renders per request, and five prefetches as a page
          hydrates take the main thread a slow phone needs for the page itself. */}
      <nav aria-label="Main">
        <Link prefetch={false} href="/plan">Planner</Link>
        <Link prefetch={false} href="/compare">Compare plans</Link>
        <Link prefetch={false} href="/benchmarks">Benchmarks</Link>
        <Link prefetch={false} href="/pricing">Cloud prices</Link>
        <Link prefetch={false} href="/upload">Upload data</Link>
      </nav>
    </header>
  );
}
