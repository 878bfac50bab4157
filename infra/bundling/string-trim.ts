/**
 * `@babel/runtime-corejs3/core-js/instance/trim` as the Lambda bundles see it (an alias in
 * infra/bundle-options.ts): the `trim` method of what it is given, which for a string is the
 * platform's `String.prototype.trim` (core-js's is a copy of it for engines that lack it). mimetext
 * calls it as `trim(text).call(text)`.
 */
export default function trim<T extends { trim: unknown }>(it: T): T['trim'] {
  return it.trim;
}
