/** The Pages Router's document (only the home page, pages/index.tsx, is a Pages Router page). */
import { Head, Html, Main, NextScript } from "next/document";

export default function Document() {
  return (
    <Html lang="en">
      <Head />
      <body>
        <Main />
        {/* Renders nothing on a page whose config turns its runtime off (unstable_runtimeJS: false). */}
        <NextScript />
      </body>
    </Html>
  );
}
