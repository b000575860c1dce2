import type { Metadata } from "next";
import { headers } from "next/headers";
import { after } from "next/server";
import type { ReactNode } from "react";
import { PAGE_LEASE_HEADER, releasePage } from "@/lib/http/page-gates";
import { SITE_DESCRIPTION, SITE_TITLE, SiteHeader } from "./_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: SITE_TITLE,
  description: SITE_DESCRIPTION,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The heavy pages' place in their limit (proxy.ts) is given back once the response is done.
  const lease = (await headers()).get(PAGE_LEASE_HEADER);
  if (lease) after(() => releasePage(lease));
  return (
    <html lang="en">
      <body>
        <SiteHeader />
        <main>{children}</main>
      </body>
    </html>
  );
}
