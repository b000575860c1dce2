"use client";

/**
 * A page's filters, kept in the address: a change is written through nuqs (a new history
 * entry) and the server renders the new selection, the form busy meanwhile. Without
 * JavaScript the form's GET to the same page does the same.
 */
import { useQueryStates, type UseQueryStatesKeysMap } from "nuqs";
import { useTransition, type FormEvent, type ReactNode } from "react";

/** The filters' values from the address, their setter, and whether the server's new selection is still on its way. */
export function useFilterParams<KeyMap extends UseQueryStatesKeysMap>(parsers: KeyMap) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(parsers, { shallow: false, history: "push", startTransition });
  return { pending, state, setState };
}

interface FilterFormProps {
  /** The page's path, for the GET without JavaScript. */
  action: string;
  label: string;
  pending: boolean;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  testId: string;
  children: ReactNode;
}

export function FilterForm({ action, label, pending, onSubmit, testId, children }: FilterFormProps) {
  return (
    <form
      className="filters"
      method="get"
      action={action}
      role="search"
      aria-label={label}
      aria-busy={pending}
      onSubmit={onSubmit}
      data-testid={testId}
    >
      {children}
      {pending ? (
        <span className="filters-pending" role="status">
          Updating…
        </span>
      ) : null}
    </form>
  );
}
