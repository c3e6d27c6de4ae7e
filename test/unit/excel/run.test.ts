import { OfficeMockObject } from "office-addin-mock";
import { BalansError } from "../../../src/app/port";
import { CELL_EDIT_MESSAGE, runExcel, syncInBatches, toBalansError, type ExcelRunner } from "../../../src/excel/run";
import { FakeExcel, FakeOfficeError } from "../../support/fakeExcel";

const noSleep = () => Promise.resolve();

describe("runExcel", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it("runs in Excel.run and counts context.sync round trips (office-addin-mock)", async () => {
    const mock = new OfficeMockObject({
      context: { workbook: { range: { values: [[1]] } } },
      run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
        return callback(this.context);
      },
    });
    (globalThis as { Excel?: unknown }).Excel = mock;
    const context = mock.context as OfficeMockObject;
    const spy = jest.spyOn(context, "sync");
    const result = await runExcel(async (ctx, counter) => {
      const range = (ctx.workbook as unknown as { range: Excel.Range }).range;
      range.load("values");
      await ctx.sync();
      const first = range.values;
      await ctx.sync();
      return { first, syncs: counter.syncs };
    });
    expect(result).toEqual({ first: [[1]], syncs: 2 });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it("retries cell-edit mode with a growing back-off, then succeeds", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("Blad1");
    excel.cellEditModeSyncs = 2;
    const sleeps: number[] = [];
    const sleep = (ms: number) => {
      sleeps.push(ms);
      return Promise.resolve();
    };
    const name = await runExcel(
      async (context) => {
        const s = context.workbook.worksheets.getFirst();
        s.load("name");
        await context.sync();
        return s.name;
      },
      { env: { run: excel.run, supports: excel.supports, sleep } },
    );
    expect(name).toBe("Blad1");
    expect(sleeps).toEqual([400, 800]);
  });

  it("gives up after the retries with a Swedish message", async () => {
    const run: ExcelRunner = () => Promise.reject(new FakeOfficeError("InvalidOperationInCellEditMode", "edit"));
    const attempts = jest.fn(run);
    const error = await runExcel(() => Promise.resolve(1), { env: { run: attempts as ExcelRunner, supports: () => true, sleep: noSleep }, retries: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BalansError);
    expect(error).toMatchObject({ code: "cell-edit-mode", message: CELL_EDIT_MESSAGE });
    expect((error as BalansError).messageEn).toMatch(/cell-edit mode/);
    expect(attempts).toHaveBeenCalledTimes(3);
  });

  it("does not retry other errors", async () => {
    const run = jest.fn(() => Promise.reject(new FakeOfficeError("AccessDenied", "protected")));
    const error = await runExcel(() => Promise.resolve(1), { env: { run: run as unknown as ExcelRunner, supports: () => true, sleep: noSleep } }).catch(
      (e: unknown) => e,
    );
    expect(run).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ code: "unknown" });
    expect((error as BalansError).message).toMatch(/skyddad/);
  });
});

describe("toBalansError", () => {
  it.each([
    ["RequestPayloadSizeLimitExceeded", "payload-too-large"],
    ["ResponsePayloadSizeLimitExceeded", "payload-too-large"],
    ["RangeExceedsLimit", "too-many-cells"],
    ["ApiNotFound", "api-not-supported"],
    ["InvalidOperationInCellEditMode", "cell-edit-mode"],
    ["GeneralException", "unknown"],
  ])("maps %p to %p", (code, expected) => {
    const e = toBalansError(new FakeOfficeError(code, "x"));
    expect(e.code).toBe(expected);
    expect(e.message).not.toBe("");
    expect(e.messageEn).not.toBe("");
  });
  it("reads the code from debugInfo too", () => {
    expect(toBalansError({ debugInfo: { code: "ApiNotFound" } }).code).toBe("api-not-supported");
  });
  it("names the code of an unexpected error", () => {
    const e = toBalansError(new FakeOfficeError("InsertDeleteConflict", "conflict"));
    expect(e.message).toContain("InsertDeleteConflict");
    expect(e.messageEn).toContain("conflict");
  });
  it("passes a BalansError through", () => {
    const original = new BalansError("no-tables", "sv", "en");
    expect(toBalansError(original)).toBe(original);
  });
});

describe("syncInBatches", () => {
  it("queues and syncs each batch in order, once each", async () => {
    const log: string[] = [];
    const context = { sync: () => (log.push("sync"), Promise.resolve()) } as unknown as Excel.RequestContext;
    const progress: string[] = [];
    await syncInBatches(context, ["a", "b", "c"], (b) => log.push(b), (d, t) => progress.push(`${d}/${t}`));
    expect(log).toEqual(["a", "sync", "b", "sync", "c", "sync"]);
    expect(progress).toEqual(["1/3", "2/3", "3/3"]);
  });
});
