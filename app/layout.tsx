import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Edge vs cloud LLM cost planner",
  description: "What it costs to answer your app's requests on the phone, in the cloud, or both.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Edge ⇄ Cloud planner
          </Link>
          <nav aria-label="Main">
            <Link href="/plan">Plan</Link>
            <Link href="/benchmarks">Benchmarks</Link>
            <Link href="/pricing">Pricing</Link>
            <Link href="/upload">Upload</Link>
            <Link href="/">Dataset</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
