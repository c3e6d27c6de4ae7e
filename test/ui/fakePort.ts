/**
 * A WorkbookPort for the UI tests: every method is a jest mock with a sensible default
 * (the 2024 analysis), and `deferred()` lets a test hold a call open.
 */
import type { ActionOutcome, Progress, WorkbookPort } from "../../src/app/port";
import type { Analysis, Options } from "../../src/domain/types";
import { analysis2024 } from "./fixtures";

export interface FakePort extends WorkbookPort {
  analyse: jest.Mock<Promise<Analysis>, [Options]>;
  kontrollera: jest.Mock<Promise<ActionOutcome>, [Options, Progress?]>;
  summering: jest.Mock<Promise<ActionOutcome>, [Options, Progress?]>;
  infogaMall: jest.Mock<Promise<string>, [boolean]>;
  selectRow: jest.Mock<Promise<void>, [string, number]>;
}

export function outcome(analysis: Analysis, patch: Partial<ActionOutcome> = {}): ActionOutcome {
  return { analysis, statusColumns: 0, summarySheet: null, syncs: 0, ...patch };
}

export function createFakePort(analysis: Analysis = analysis2024()): FakePort {
  return {
    kind: "preview",
    analyse: jest.fn<Promise<Analysis>, [Options]>(async () => analysis),
    kontrollera: jest.fn<Promise<ActionOutcome>, [Options, Progress?]>(async () => outcome(analysis, { statusColumns: 2 })),
    summering: jest.fn<Promise<ActionOutcome>, [Options, Progress?]>(async () =>
      outcome(analysis, { summarySheet: "Balans summering" }),
    ),
    infogaMall: jest.fn<Promise<string>, [boolean]>(async () => "Balans mall"),
    selectRow: jest.fn<Promise<void>, [string, number]>(async () => undefined),
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
