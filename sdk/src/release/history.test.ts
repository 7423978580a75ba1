import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUNDLED_RELEASE } from "../catalog.js";
import { ADDED_REASON, madeUpChain, otherFirstRelease, QUALIFIER_REASON, releaseFileText, REMOVED_REASON, VALUE_REASON } from "./chain.testkit.js";
import { releaseHistory, revisionsFor } from "./history.js";
import { catalogOfRelease, loadRelease } from "./load.js";

const [r1, r2, r3] = madeUpChain();
const text = releaseFileText;

const HEADER = ["Release", "Release date", "Value", "Period", "Coverage", "Qualifier", "Source", "Reason"];
const DOC = "Publisher doc, 2020-01-10, https://example.org/doc";

describe("the made-up chain", () => {
  it("has the changelogs the test relies on", () => {
    expect(r2.changelog.revised.map((r) => [r.id, r.changes.map((c) => c.field)])).toEqual([
      ["captured.2020", ["value"]],
      ["returned.2020", ["qualifier"]],
    ]);
    expect(r3.changelog.added).toEqual([{ kind: "observation", id: "captured.2018", reason: ADDED_REASON }]);
    expect(r3.changelog.removed).toEqual([{ kind: "observation", id: "captured.2019", reason: REMOVED_REASON }]);
  });
});

describe("releaseHistory", () => {
  it("puts releases given in any order, as text, documents or catalogues, into a chain, oldest first", () => {
    const h = releaseHistory([text(r3), r1, catalogOfRelease(r2), text(r1)]);
    expect(h.catalogs.map((c) => c.release?.version)).toEqual(["2030.1.0", "2030.2.0", "2030.3.0"]);
  });

  it("refuses a gap in the chain, saying which release names which", () => {
    expect(() => releaseHistory([r1, r3])).toThrow(
      `release 2030.3.0 does not follow release 2030.1.0 (${r1.hash.slice(0, 12)}…): it names 2030.2.0 (${r2.hash.slice(0, 12)}…) as the release it follows; a history must be an unbroken chain, so give every release in between`,
    );
  });

  it("refuses a release that was altered, and two different releases of one version", () => {
    expect(() => releaseHistory([r1, text(r2).replace('"value": 105', '"value": 106')])).toThrow(/release 2030\.2\.0 does not match its hash/);
    expect(() => releaseHistory([r1, otherFirstRelease()])).toThrow(/two different releases both say they are 2030\.1\.0 .*: a published version never changes/);
  });

  it("holds the repository's own releases as one chain ending with the bundled release", () => {
    const dir = fileURLToPath(new URL("../releases/", import.meta.url));
    const texts = readdirSync(dir)
      .filter((f) => /^\d{4}\.\d{1,2}\.\d+\.json$/.test(f))
      .map((f) => readFileSync(`${dir}${f}`, "utf8"));
    const h = releaseHistory(texts);
    expect(h.catalogs.at(-1)?.release?.hash).toBe(BUNDLED_RELEASE.hash);
  });
});

describe("revisionsFor (SKYNET.REVISIONS)", () => {
  const history = releaseHistory([r1, r2, r3]);
  const REVISIONS = revisionsFor(loadRelease(r3), history);

  it("shows a revised value: the first release's figure, then the revision with its reason", () => {
    expect(REVISIONS("captured", 2020)).toEqual([HEADER, ["2030.1.0", "2030-01-15", 100, "2020", "full", "exact", DOC, "first release"], ["2030.2.0", "2030-02-15", 105, "2020", "full", "exact", DOC, VALUE_REASON]]);
  });

  it("shows a revised qualifier", () => {
    expect(REVISIONS("returned", "2020")).toEqual([HEADER, ["2030.1.0", "2030-01-15", 200, "2020", "full", "exact", DOC, "first release"], ["2030.2.0", "2030-02-15", 200, "2020", "full", "approximate", DOC, QUALIFIER_REASON]]);
  });

  it("shows a record added in a later release from that release on, with the reason it was added", () => {
    expect(REVISIONS("captured", 2018)).toEqual([HEADER, ["2030.3.0", "2030-03-15", 80, "2018", "full", "exact", DOC, ADDED_REASON]]);
  });

  it("shows a removed record, then its removal with empty value, qualifier and source", () => {
    expect(REVISIONS("captured", 2019)).toEqual([HEADER, ["2030.1.0", "2030-01-15", 90, "2019", "full", "exact", DOC, "first release"], ["2030.3.0", "2030-03-15", "", "", "", "", "", `removed: ${REMOVED_REASON}`]]);
  });

  it("reads the history only up to the catalogue's own release", () => {
    const at2 = revisionsFor(loadRelease(r2), history);
    expect(at2("captured", 2019)).toEqual([HEADER, ["2030.1.0", "2030-01-15", 90, "2019", "full", "exact", DOC, "first release"]]);
    expect(at2("captured", 2018)).toMatchObject({ error: "#N/A", message: expect.stringMatching(/^no figure of captured for 2018 \(it has figures for 2019, 2020\)/) });
  });

  it("without a history, gives the catalogue's own release and the reason its changelog gives", () => {
    expect(revisionsFor(loadRelease(r2))("captured", 2020)).toEqual([HEADER, ["2030.2.0", "2030-02-15", 105, "2020", "full", "exact", DOC, VALUE_REASON]]);
    expect(revisionsFor(loadRelease(r3))("captured", 2020)).toEqual([HEADER, ["2030.3.0", "2030-03-15", 105, "2020", "full", "exact", DOC, ""]]);
  });

  it("answers #VALUE! for an unknown series and #N/A with words for a period no release had", () => {
    expect(REVISIONS("captred", 2020)).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/^unknown series "captred"; accepted: "captured"/) });
    expect(REVISIONS("captured", 2017)).toMatchObject({ error: "#N/A", message: expect.stringMatching(/^no figure of captured for 2017 \(it has figures for 2018, 2020\)/) });
    expect(REVISIONS("captured", "")).toMatchObject({ error: "#VALUE!", message: expect.stringMatching(/^period is required/) });
    expect(REVISIONS("captured", 2020)).not.toHaveProperty("internal");
  });

  it("refuses a history that does not lead to the catalogue's release", () => {
    expect(() => revisionsFor(loadRelease(r3), releaseHistory([r1]))).toThrow(
      "the history (releases 2030.1.0 to 2030.1.0) does not lead to release 2030.3.0, which follows 2030.2.0: give the releases up to 2030.3.0",
    );
  });
});
