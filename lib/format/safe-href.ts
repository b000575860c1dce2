/**
 * A stored source URL as a link target, or null when it must not be one. Uploads accept
 * http(s) only now, but older databases may hold `javascript:`, `data:` or relative URLs:
 * those are shown as text, never as links.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
