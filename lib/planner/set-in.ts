/**
 * Immutable update at a path: a copy of `root` with `value` at `path`, every
 * object and array along the path copied, everything else shared. The editor
 * addresses each field by the same path its zod issues carry.
 */
export type Path = readonly (string | number)[];

export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const container: unknown = root;
  if (Array.isArray(container)) {
    const copy = [...container] as unknown[];
    copy[Number(key)] = setIn(copy[Number(key)], rest, value);
    return copy as T;
  }
  const record = (container !== null && typeof container === "object" ? container : {}) as Record<string, unknown>;
  return { ...record, [key]: setIn(record[key], rest, value) } as T;
}

/** The value at a path, or undefined when the path leads nowhere. */
export function getIn(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
