/**
 * Parts of the plan built when first read (words, monthly rows, every input's provenance):
 * a batch of plans that reads the totals (Monte-Carlo, a price ranking) never builds them,
 * and a reader sees a plain, enumerable property in its place (JSON, structuredClone and
 * spreads read it like any other).
 *
 * One getter per property for the whole process, its object's inputs held under a symbol
 * that is not enumerable: a getter written in an object literal is a new function on every
 * plan, which gives every plan object a map of its own (slow to create and to collect).
 */
const PARTS = Symbol("inputs of the parts built when read");

type WithParts<P> = { [PARTS]: P };

/** A property built by `build(parts)` when first read, then kept (the parts object holds it). */
export function lazyProperty<P extends object, V>(build: (parts: P) => V): PropertyDescriptor {
  const memo = Symbol("built");
  return {
    enumerable: true,
    configurable: true,
    get(this: WithParts<P & { [memo]?: V }>) {
      const parts = this[PARTS];
      const built = parts[memo];
      if (built !== undefined) return built;
      return (parts[memo] = build(parts));
    },
  };
}

/** Gives `target` the inputs its lazy properties read (once, before defining any). */
export function attachParts<T extends object>(target: T, parts: object): T {
  Object.defineProperty(target, PARTS, { value: parts });
  return target;
}

/**
 * Gives `target` the inputs its lazy properties read and then those properties, in order,
 * after the keys it already has (a property's place is its place in the JSON).
 */
export function withLazy<T extends object>(target: T, parts: object, properties: readonly (readonly [string, PropertyDescriptor])[]): T {
  attachParts(target, parts);
  for (const [key, descriptor] of properties) Object.defineProperty(target, key, descriptor);
  return target;
}
