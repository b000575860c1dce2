import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { after } from "next/server";
import type { ReactNode } from "react";
import { PAGE_LEASE_HEADER, releasePage } from "@/lib/http/page-gates";
import "./globals.css";

export const metadata: Metadata = {
  title: "Edge vs cloud LLM cost planner",
  description: "What it costs to answer your app's requests on the phone, in the cloud, or both.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The heavy pages' place in their limit (proxy.ts) is given back once the response is done.
  const lease = (await headers()).get(PAGE_LEASE_HEADER);
  if (lease) after(() => releasePage(lease));
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          {/* The brand is the way home (the dataset overview); each nav link names the page it opens. */}
          <Link prefetch={false} href="/" className="brand" title="Overview of the dataset">
            Edge ⇄ Cloud planner
          </Link>
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
        <main>{children}</main>
      </body>
    </html>
  );
}
