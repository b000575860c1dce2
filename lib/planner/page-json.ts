/**
 * Large props the planner page hands its client component (the catalogue, the server's
 * plan), sent as one JSON string instead of an object tree. React's flight payload parses
 * an object tree with a reviver called for every value, a large part of the page's parse
 * on a slow phone (the catalogue holds some 150 variants, each score with its source); a
 * string crosses as one value and is read with a plain JSON.parse.
 *
 * JSON keeps what these objects hold but for numbers that are not finite (JSON writes them
 * as null) and properties set to undefined (JSON leaves them out, as absent). A value holding
 * a number that is not finite crosses as it is.
 */
export type PageJson<T> = { json: string } | { value: T };

export function toPageJson<T>(value: T): PageJson<T> {
  let faithful = true;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) faithful = false;
    return v;
  });
  return faithful ? { json } : { value };
}

export function fromPageJson<T>(packed: PageJson<T>): T {
  return "json" in packed ? (JSON.parse(packed.json) as T) : packed.value;
}
