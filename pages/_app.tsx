/**
 * The Pages Router's frame: the same stylesheet, header and <main> as the App Router's root
 * layout (app/layout.tsx), so the home page looks like every other page.
 */
import type { AppProps } from "next/app";
import Head from "next/head";
import { SITE_DESCRIPTION, SITE_TITLE, SiteHeader } from "@/app/_components/site-header";
import "@/app/globals.css";

export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" key="viewport" />
        <title>{SITE_TITLE}</title>
        <meta name="description" content={SITE_DESCRIPTION} />
        <link rel="icon" href="/icon.svg" sizes="any" type="image/svg+xml" />
      </Head>
      <SiteHeader />
      <main>
        <Component {...pageProps} />
      </main>
    </>
  );
}
