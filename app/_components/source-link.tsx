/** A source's title, linked to its URL only when the URL is http(s) (lib/format/safe-href.ts). */
import { safeHref } from "@/lib/format/safe-href";

interface SourceLinkProps {
  source: { title: string; url: string | null };
  className?: string;
}

export function SourceLink({ source, className }: SourceLinkProps) {
  const href = safeHref(source.url);
  return href ? (
    <a href={href} rel="noreferrer" target="_blank" className={className} title={source.title}>
      {source.title}
    </a>
  ) : (
    <span className={className} title={source.title}>
      {source.title}
    </span>
  );
}
