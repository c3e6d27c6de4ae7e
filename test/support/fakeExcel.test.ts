/**
 * The recording fake of Excel (test/support/fakeExcel.ts) pinned to the Office.js behaviours the
 * adapter relies on, each with the documentation it follows. The fake's additions for issues 10,
 * 11 and 14 (formulas, autoFill, conditional formats, custom XML parts…) are pinned in
 * test/unit/excel/fakeExcelAdditions.test.ts.
 */
import { FakeExcel, FakeOfficeError } from "./fakeExcel";

type Ctx = Excel.RequestContext;

function workbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.workbook.addSheet("Blad1");
  return excel;
}

/** The error code a rejected promise carries (a FakeOfficeError's `code`). */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `not an Office error: ${String(e)}`;
  }
  return "no error";
}

describe("proxies and sync (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model)", () => {
  // "Calling load … and then context.sync() … before reading the properties": a property read
  // before it is loaded and synced is not available (PropertyNotLoaded).
  it("refuses a property read before load and sync, and gives it after", async () => {
    const excel = workbook();
    excel.workbook.sheet("Blad1")?.put(1, 1, [["a"]]);
    await excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Blad1").getRange("A1");
      // The reads below break the load-then-sync rule on purpose: the fake must refuse them.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(r.values).toEqual([["a"]]);
    });
  });

  it("runs nothing until sync: a queued write is not in the workbook before it", async () => {
    const excel = workbook();
    await excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["x"]];
      expect(excel.workbook.sheet("Blad1")?.get(1, 1)).toBeUndefined();
      await context.sync();
      expect(excel.workbook.sheet("Blad1")?.get(1, 1)?.value).toBe("x");
    });
    expect(excel.syncCount).toBe(1);
  });
});

describe("*OrNullObject (…/application-specific-api-model#ornullobject-methods-and-properties)", () => {
  // "returns a null object … isNullObject is true"; the object is not an error, and setting a
  // property or calling a method on it does nothing.
  it("gives a null object for a missing sheet, isNullObject true after sync, writes on it ignored", async () => {
    const excel = workbook();
    await excel.run(async (context: Ctx) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Saknas");
      const present = context.workbook.worksheets.getItemOrNullObject("Blad1");
      missing.load("name");
      present.load("name");
      await context.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
      missing.getRange("A1").values = [["x"]];
      await context.sync();
    });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Blad1"]);
  });

  // getItem (not …OrNullObject) on a missing item fails the sync with ItemNotFound
  // (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling#api-error-codes).
  it("fails the sync with ItemNotFound for getItem on a missing sheet", async () => {
    const excel = workbook();
    const code = await codeOf(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Saknas").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });
});

describe("payload limits (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins)", () => {
  // "Excel on the web has a payload size limit for requests and responses of 5 MB.
  // RichAPI.Error is triggered if that limit is exceeded."
  it("defaults to 5 MB for a request and for a response", () => {
    expect(new FakeExcel().limits).toEqual({ requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000 });
  });

  it("refuses a request over the limit (RequestPayloadSizeLimitExceeded) and changes nothing", async () => {
    const excel = workbook();
    excel.limits = { ...excel.limits, requestBytes: 1_000 };
    const rows = Array.from({ length: 100 }, (_, i) => [`rad ${i + 1}`]);
    const code = await codeOf(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:A100").values = rows;
        await context.sync();
      }),
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.workbook.sheet("Blad1")?.get(1, 1)).toBeUndefined();
    expect(excel.syncs.map((s) => s.ok)).toEqual([false]);
  });

  it("refuses a response over the limit (ResponsePayloadSizeLimitExceeded)", async () => {
    const excel = workbook();
    excel.workbook.sheet("Blad1")?.put(1, 1, Array.from({ length: 100 }, (_, i) => [`rad ${i + 1}`]));
    excel.limits = { ...excel.limits, responseBytes: 500 };
    const code = await codeOf(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:A100").load("values");
        await context.sync();
      }),
    );
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("Range.values (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member)", () => {
  // "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
  // interprets this value as a formula." A cell formatted as Text ("@") keeps what is typed as
  // text, and a leading apostrophe makes the rest text (Excel's own entry rules).
  it("makes a formula of =, +, - and @ text in a General cell", async () => {
    const excel = workbook();
    await excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:D1").values = [["=A2", "+A2", "-A2", "@A2"]];
      await context.sync();
    });
    const s = excel.workbook.sheet("Blad1");
    expect([1, 2, 3, 4].map((c) => s?.get(1, c)?.formula)).toEqual(["=A2", "=+A2", "=-A2", "=@A2"]);
  });

  it("keeps such text as text in a Text (@) cell and after an apostrophe", async () => {
    const excel = workbook();
    excel.workbook.sheet("Blad1")?.put(1, 1, [[""]], "@");
    await excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("A1").values = [["=SUMMA(B1:B9)"]];
      sheet.getRange("A2").values = [["'=SUMMA(B1:B9)"]];
      await context.sync();
    });
    const s = excel.workbook.sheet("Blad1");
    expect([s?.get(1, 1)?.formula, s?.get(1, 1)?.value]).toEqual([null, "=SUMMA(B1:B9)"]);
    expect([s?.get(2, 1)?.formula, s?.get(2, 1)?.value]).toEqual([null, "=SUMMA(B1:B9)"]);
  });
});

describe("protection (learn.microsoft.com/javascript/api/excel/excel.worksheetprotection)", () => {
  // A protected sheet refuses changes to locked cells: the sync fails with AccessDenied.
  it("refuses a write to a protected sheet with AccessDenied", async () => {
    const excel = workbook();
    const sheet = excel.workbook.sheet("Blad1");
    if (sheet) sheet.protected = true;
    const code = await codeOf(
      excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(sheet?.get(1, 1)).toBeUndefined();
  });
});
