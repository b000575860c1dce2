/**
 * The Pages Router's document for the floor (bench-plan-floor.ts): the app's own
 * (pages/_document.tsx) serves only a page without script, so it passes Next's scripts no
 * nonce; this one reads the request's (proxy.ts) so that the Content-Security-Policy lets them run.
 */
// eslint-disable-next-line @next/next/no-document-import-in-page -- bench-plan-floor.ts copies this file to pages/_document.tsx
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from "next/document";

type Props = DocumentInitialProps & { nonce?: string };

export default class FloorDocument extends Document<Props> {
  static async getInitialProps(context: DocumentContext): Promise<Props> {
    const initial = await Document.getInitialProps(context);
    const policy = String(context.req?.headers["content-security-policy"] ?? "");
    return { ...initial, nonce: /'nonce-([^']+)'/.exec(policy)?.[1] };
  }

  render() {
    const { nonce } = this.props;
    return (
      <Html lang="en">
        <Head nonce={nonce} />
        <body>
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
