/** Membership checks of the wire enumerations (result-status.ts, trace-enums.ts, payload-format.ts). */

const enumValues = new WeakMap<object, ReadonlySet<string>>();

/** True when `value` is one of the values of the given wire enumeration. */
export function isEnumValue<T extends Record<string, string>>(
  enumeration: T,
  value: unknown,
): value is T[keyof T] {
  if (typeof value !== 'string') return false;
  // Cached: called for every field of every Result that crosses the transport.
  let values = enumValues.get(enumeration);
  if (!values) enumValues.set(enumeration, (values = new Set(Object.values(enumeration))));
  return values.has(value);
}
