// The docs' generated tables match the field tables, and every relative link in README.md,
// docs/*.md and the other READMEs points at a file that exists (and, for a #fragment into a markdown page, a heading there).
import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { CERTIFICATE_FIELDS } from "../../provider/schema/certificate-fields";
import { generatedBlocks, inputTable, outputTable, renderedPages, renderInto, REPO_ROOT } from "../../provider/schema/docs-tables";

const read = (p: string) => readFileSync(join(REPO_ROOT, p), "utf8");
const markdownIn = (dir: string) => readdirSync(join(REPO_ROOT, dir)).filter((f) => f.endsWith(".md")).map((f) => `${dir}/${f}`);
const exampleReadmes = readdirSync(join(REPO_ROOT, "examples"))
  .map((d) => `examples/${d}/README.md`)
  .filter((p) => existsSync(join(REPO_ROOT, p)));
const docsPages = ["README.md", ...markdownIn("docs"), ...exampleReadmes, "sdk/nicsrs/README.md", "simulator/README.md"];

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

function headingAnchors(text: string): Set<string> {
  const withoutCode = text.replace(/```[\s\S]*?```/g, "");
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1])));
}

/** Targets of inline markdown links `[text](target)` outside code blocks and code spans. */
function linkTargets(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

describe("docs: generated tables and links", () => {
  it("every generated block in the docs is what the field tables render (npx ts-node --transpile-only provider/schema/docs-tables.ts --write)", () => {
    for (const [page, expected] of renderedPages()) {
      assert.equal(read(page), expected, `${page} differs from the field tables: run provider/schema/docs-tables.ts --write`);
    }
  });

  it("each resource's input and output tables are in a page, one row per field", () => {
    for (const b of generatedBlocks()) assert.ok(read(b.page).includes(`<!-- generated:${b.name} -->\n${b.text}\n<!-- /generated -->`), b.name);
    const rows = (t: string) => t.split("\n").slice(2).map((l) => /^\| `([^`]+)`/.exec(l)?.[1]);
    assert.deepEqual(rows(inputTable(CERTIFICATE_FIELDS.inputs)), Object.keys(CERTIFICATE_FIELDS.inputs));
    assert.deepEqual(rows(outputTable(CERTIFICATE_FIELDS.outputs)), Object.keys(CERTIFICATE_FIELDS.outputs));
  });

  it("a table renders its field's facts: type, default, allowed values, secret, replace, required", () => {
    const text = inputTable({
      mode: { type: "string", description: "The mode | with a bar.", default: "a", allowed: ["a", "b"], replaceOnChanges: true, required: true },
      tags: { type: { array: "string" }, description: "Tags." },
    });
    assert.equal(
      text,
      [
        "| input | type | default | notes |",
        "| --- | --- | --- | --- |",
        '| `mode` | string | `"a"` | The mode \\| with a bar. One of `"a"`, `"b"`. (**required**; a change replaces the resource) |',
        "| `tags` | string[] | — | Tags. |",
      ].join("\n"),
    );
    assert.match(outputTable({ key: { type: "string", description: "The key.", secret: true } }), /\| `key` \| string \| The key\. \(\*\*secret\*\*\) \|/);
  });

  it("a stale or missing block is caught", () => {
    const page = "intro\n<!-- generated:x -->\nold\n<!-- /generated -->\nend\n";
    assert.equal(renderInto(page, "x", "new"), "intro\n<!-- generated:x -->\nnew\n<!-- /generated -->\nend\n");
    assert.throws(() => renderInto("no markers", "x", "new"), /no "<!-- generated:x -->"/);
  });

  it("every relative link in README.md, docs/*.md and the examples' and parts' READMEs resolves to a file (and a heading)", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of docsPages) {
      for (const target of linkTargets(read(page))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        checked++;
        const [path, fragment] = target.split("#");
        const file = path === "" ? join(REPO_ROOT, page) : join(REPO_ROOT, dirname(page), decodeURIComponent(path));
        if (!existsSync(file)) {
          broken.push(`${page}: ${target} (no ${relative(REPO_ROOT, file)})`);
          continue;
        }
        if (fragment && file.endsWith(".md") && !headingAnchors(readFileSync(file, "utf8")).has(fragment)) {
          broken.push(`${page}: ${target} (no heading #${fragment})`);
        }
      }
    }
    assert.deepEqual(broken, []);
    assert.ok(checked > 20, `only ${checked} relative links found`);
  });

  it("the link check sees a broken link", () => {
    assert.deepEqual(linkTargets("see [a](docs/a.md), `[b](x.md)`, [c](https://x.y \"t\")\n```\n[d](e.md)\n```"), ["docs/a.md", "https://x.y"]);
    assert.ok(headingAnchors("## Delete (`deletePolicy`)\n").has("delete-deletepolicy"));
  });

  it("README.md is an entrance of at most 250 lines", () => {
    const lines = read("README.md").split("\n").length;
    assert.ok(lines <= 250, `README.md has ${lines} lines`);
  });
});
