/**
 * `balans apply` when OUT cannot be written (issue 9): a full disk, a missing permission, a
 * read-only place. Exit 2 with a Swedish message that names OUT and says that no file was
 * written; FILE is never touched. Driven through the CliIo with a write that fails as Node's does.
 */
import { runCli } from "../../../src/cli/runCli";
import { saveXlsx, writeTemplate } from "../../../src/file/writeTemplate";
import { sampleWorkbook } from "../../../src/domain/sampleWorkbook";
import { memoryIo } from "../cli/memoryIo";

function failingWrite(code: string) {
  return async (path: string): Promise<void> => {
    throw Object.assign(new Error(`${code}: failed, write '${path}'`), { code });
  };
}

describe("apply when OUT cannot be written", () => {
  let sample: Uint8Array;
  beforeAll(async () => {
    sample = await saveXlsx(writeTemplate(sampleWorkbook()));
  });

  it.each([
    ["ENOSPC", "disken är full"],
    ["EDQUOT", "diskkvoten är slut"],
    ["EACCES", "behörighet saknas"],
    ["EPERM", "behörighet saknas"],
    ["EROFS", "platsen går bara att läsa"],
  ])("%s: exit 2, a Swedish message naming OUT, FILE unchanged", async (code, reason) => {
    const io = memoryIo({ "in.xlsx": sample });
    io.writeFile = failingWrite(code);
    const exit = await runCli(["apply", "in.xlsx", "--out", "ut/resultat.xlsx", "--today", "2024-11-15"], io);
    expect(exit).toBe(2);
    expect(io.err).toContain(`Kan inte skriva ut/resultat.xlsx: ${reason}`);
    expect(io.err).toContain("Ingen fil skrevs.");
    expect(io.out).toBe("");
    expect(io.files.get("in.xlsx")).toBe(sample);
    expect([...io.files.keys()]).toEqual(["in.xlsx"]);
  });

  it("an unknown write error is unexpected: exit 1 with its text", async () => {
    const io = memoryIo({ "in.xlsx": sample });
    io.writeFile = failingWrite("EIO");
    expect(await runCli(["apply", "in.xlsx", "--out", "ut.xlsx", "--today", "2024-11-15"], io)).toBe(1);
    expect(io.err).toContain("EIO");
  });
});
