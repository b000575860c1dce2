import Link from "next/link";
import { formatCount } from "@/lib/format/numbers";
import { benchmarksHref, PAGE_SIZES, type BenchmarksPageParams } from "../page-href";

interface PaginationProps {
  params: BenchmarksPageParams;
  total: number;
}

/** Previous / next page links and the page size; the table's rows come from the server page by page. */
export function Pagination({ params, total }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / params.size));
  const page = params.page;
  return (
    <nav className="pagination" aria-label="Pages of runs" data-testid="pagination">
      {page > 1 ? (
        <Link prefetch={false} href={benchmarksHref({ ...params, page: Math.min(page - 1, pages) })} scroll={false} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-disabled="true" className="disabled">
          ← Previous
        </span>
      )}
      <span data-testid="page-of">
        Page {formatCount(page)} of {formatCount(pages)}
      </span>
      {page < pages ? (
        <Link prefetch={false} href={benchmarksHref({ ...params, page: page + 1 })} scroll={false} rel="next" data-testid="next-page">
          Next →
        </Link>
      ) : (
        <span aria-disabled="true" className="disabled">
          Next →
        </span>
      )}
      <span className="page-sizes">
        Rows per page:{" "}
        {PAGE_SIZES.map((size) =>
          size === params.size ? (
            <b key={size} aria-current="true">
              {size}
            </b>
          ) : (
            <Link prefetch={false} key={size} href={benchmarksHref({ ...params, size, page: 1 })} scroll={false}>
              {size}
            </Link>
          ),
        )}
      </span>
    </nav>
  );
}
