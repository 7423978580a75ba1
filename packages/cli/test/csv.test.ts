import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { listDatasets } from "@skynet-data/sdk";
import { describe, expect, it } from "vitest";
import { csvField, neutraliseText, restoreText, tableToCsv } from "../src/formats/csv.js";
import { main } from "../src/main.js";
import { expectedTables, parseCsv, readField, useTempDir } from "./helpers.js";

const quiet = { stdout: () => undefined, stderr: () => undefined };

describe("neutraliseText", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted"])("prefixes %j with one apostrophe", (text) => {
    expect(neutraliseText(text)).toBe(`'${text}`);
    expect(restoreText(neutraliseText(text))).toBe(text);
  });

  it("leaves ordinary text alone", () => {
    expect(neutraliseText("Jan–Nov 2016")).toBe("Jan–Nov 2016");
    expect(neutraliseText("a=b")).toBe("a=b");
  });
});

describe("csvField", () => {
  it("writes negative and large numbers as numbers, never neutralised", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField(16_740_000_000)).toBe("16740000000");
    expect(csvField(1e21)).toBe("1000000000000000000000");
    expect(csvField(0.5)).toBe("0.5");
  });

  it("quotes fields with commas, quotes and line breaks and doubles the quotes", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField("plain")).toBe("plain");
  });

  it("neutralises formula-looking text before quoting it", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("-2, not a number")).toBe(`"'-2, not a number"`);
  });

  it("writes null as an empty field and booleans as words", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(true)).toBe("true");
  });
});

describe("tableToCsv", () => {
  it("ends every record with CRLF and starts with a BOM only when asked", () => {
    const table = { dataset: "t", title: "T", columns: [{ key: "a", header: "A", type: "text" as const, description: "" }], rows: [["x"], ["y"]] };
    expect(tableToCsv(table)).toBe("a\r\nx\r\ny\r\n");
    expect(tableToCsv(table, { bom: true })).toBe("\uFEFFa\r\nx\r\ny\r\n");
  });
});

describe("csv export", () => {
  const temp = useTempDir();

  it("round-trips every dataset and the sources to the SDK's tables, with ISO dates and full money values", async () => {
    const out = join(temp(), "figures");
    expect(await main(["export", "--format", "csv", "--out", out], quiet)).toBe(0);
    const ids = listDatasets().map((d) => d.id);
    for (const table of expectedTables(ids)) {
      const text = readFileSync(join(out, `${table.dataset}.csv`), "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual(table.columns.map((c) => c.key));
      expect(rows.map((r) => r.map((f, j) => readField(f, table.columns[j]!)))).toEqual(table.rows);
    }
  });

  it("writes money in full units and dates as YYYY-MM-DD", async () => {
    const out = join(temp(), "figures");
    await main(["export", "--format", "csv", "--out", out, "--datasets", "sky-net"], quiet);
    const [header, ...rows] = parseCsv(readFileSync(join(out, "sky-net.csv"), "utf8").slice(1));
    const col = (k: string) => header!.indexOf(k);
    const cny = rows.filter((r) => r[col("unit")] === "CNY");
    expect(cny.length).toBeGreaterThan(0);
    for (const r of cny) expect(Number(r[col("value")])).toBeGreaterThanOrEqual(1e8);
    for (const r of rows) expect(r[col("start")]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("writes only the chosen datasets and the sources they cite", async () => {
    const out = join(temp(), "figures");
    await main(["export", "--format", "csv", "--out", out, "--datasets", "spp"], quiet);
    expect(readdirSync(out).sort()).toEqual(["sources.csv", "spp.csv"]);
    const [, ...sources] = parseCsv(readFileSync(join(out, "sources.csv"), "utf8").slice(1));
    const [header, ...spp] = parseCsv(readFileSync(join(out, "spp.csv"), "utf8").slice(1));
    const cited = new Set(spp.map((r) => r[header!.indexOf("source")]));
    expect(new Set(sources.map((r) => r[0]))).toEqual(cited);
  });
});
