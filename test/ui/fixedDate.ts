/**
 * Fixes the date the code under test sees as now (`new Date()`, `Date.now()`), so that no test
 * depends on the wall clock. Only `Date` is faked: timers stay real, so user-event, Fluent and
 * React's scheduling work as usual. Undo with `jest.useRealTimers()`.
 */
export function fixDate(now: Date): void {
  jest.useFakeTimers({
    now,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
}
