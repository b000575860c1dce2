/**
 * Parts of the plan built when first read (words, monthly rows, every input's provenance):
 * a batch of plans that reads the totals (Monte-Carlo, a price ranking) never builds them,
 * and a reader sees a plain, enumerable property in its place (JSON, structuredClone and
 * spreads read it like any other).
 *
 * One getter per property for the whole process; its object's inputs are a private field
 * stamped on the plain object (WithParts): not a property, so JSON, structuredClone, Object.keys,
 * equality in tests and React's checks of what a client component receives see none of it (a
 * symbol-keyed or non-enumerable property draws a warning from React, a WeakMap doubled a
 * plan's time in its collections). A getter written in an object literal instead is a new
 * function on every plan, which gives every plan object a map of its own (slow to create and
 * to collect).
 */

/** Its constructor returns the object it is given: a subclass's private field lands on that plain object. */
class Stamp {
  constructor(target: object) {
    return target as Stamp;
  }
}

class WithParts extends Stamp {
  #parts: object;
  constructor(target: object, parts: object) {
    super(target);
    this.#parts = parts;
  }
  static of(target: object): object {
    return (target as WithParts).#parts;
  }
}

/** A property built by `build(parts)` when first read, then kept (the parts object holds it). */
export function lazyProperty<P extends object, V>(build: (parts: P) => V): PropertyDescriptor {
  const memo = Symbol("built");
  return {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const parts = WithParts.of(this) as P & { [memo]?: V };
      const built = parts[memo];
      if (built !== undefined) return built;
      return (parts[memo] = build(parts));
    },
  };
}

/** Gives `target` (a plain object) the inputs its lazy properties read, once, before defining any. */
export function attachParts<T extends object>(target: T, parts: object): T {
  new WithParts(target, parts);
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
