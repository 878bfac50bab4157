/**
 * `@babel/runtime-corejs3/helpers/esm/defineProperty` as the Lambda bundles see it (an alias in
 * infra/bundle-options.ts): Babel's helper for class fields, on the platform's `Object.defineProperty`
 * rather than core-js's copy of it. mimetext's build calls it for every field it sets; core-js-pure
 * (37 KB, some 150 modules evaluated at every cold start of a function that sends email) came
 * with it and with `trim` (infra/bundling/string-trim.ts), to give Node what it has.
 */
export default function defineProperty<T extends object>(target: T, key: PropertyKey, value: unknown): T {
  const property = typeof key === 'symbol' ? key : String(key);
  if (property in target) Object.defineProperty(target, property, { value, enumerable: true, configurable: true, writable: true });
  else (target as Record<PropertyKey, unknown>)[property] = value;
  return target;
}
