/**
 * Parts of the plan built when first read (words, monthly rows, every input's provenance):
 * a batch of plans that reads the totals (Monte-Carlo, a price ranking) never builds them,
 * and a reader sees a plain, enumerable property in its place (JSON, structuredClone and
 * spreads read it like any other).
 *
 * One getter per property for the whole process; its object's inputs are a private field
 * stamped on the plain object (privateSlot): not a property, so JSON, structuredClone, Object.keys,
 * equality in tests and React's checks of what a client component receives see none of it (a
 * symbol-keyed or non-enumerable property draws a warning from React, a WeakMap doubled a
 * plan's time in its collections). A getter written in an object literal instead is a new
 * function on every plan, which gives every plan object a map of its own (slow to create and
 * to collect).
 */

/**
 * A hidden slot for plain objects: `attach(target, value)` stores `value` on `target` as a private
 * field, `read(target)` gives it back. JavaScript adds a private field only to the `this` of a
 * class constructor, and a subclass's `this` is whatever its base constructor returns, so the
 * base here is a function that returns the object it is given.
 */
function privateSlot<V>(): { attach: (target: object, value: V) => void; read: (target: object) => V } {
  const returnsTarget = function (target: object) {
    return target;
  } as unknown as new (target: object) => object;
  class Slot extends returnsTarget {
    #value: V;
    constructor(target: object, value: V) {
      super(target);
      this.#value = value;
    }
    static read(target: object): V {
      return (target as Slot).#value;
    }
  }
  return {
    attach: (target, value) => void new Slot(target, value),
    read: Slot.read,
  };
}

const partsSlot = privateSlot<object>();

/** A property built by `build(parts)` when first read, then kept (the parts object holds it). */
export function lazyProperty<P extends object, V>(build: (parts: P) => V): PropertyDescriptor {
  const memo = Symbol("built");
  return {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const parts = partsSlot.read(this) as P & { [memo]?: V };
      const built = parts[memo];
      if (built !== undefined) return built;
      return (parts[memo] = build(parts));
    },
  };
}

/** Gives `target` (a plain object) the inputs its lazy properties read, once, before defining any. */
export function attachParts<T extends object>(target: T, parts: object): T {
  partsSlot.attach(target, parts);
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
