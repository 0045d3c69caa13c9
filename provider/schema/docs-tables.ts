// The docs' input and output tables, rendered from the field tables. Each table sits in a docs page
// between `<!-- generated:<name> -->` and `<!-- /generated -->`; rewrite them with
// `npx ts-node --transpile-only provider/schema/docs-tables.ts --write`. test/unit/docs-tables.test.ts
// fails when a page differs from what this renders. Reads only the Field properties it knows, so
// fields may carry more.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CERTIFICATE_FIELDS } from "./certificate-fields";
import type { Field, FieldType, Fields } from "./field-table";
import { OBJECT_TYPES } from "./object-types";
import { SECTIGO_SMIME_FIELDS } from "./sectigo-smime-fields";
import { SECTIGO_SSL_FIELDS } from "./sectigo-ssl-fields";
import { VALIDATION_FIELDS } from "./validation-fields";

export const REPO_ROOT = join(__dirname, "..", "..");

function typeText(t: FieldType): string {
  if (typeof t === "string") return t;
  if ("array" in t) return `${typeText(t.array)}[]`;
  if ("map" in t) return `{ [key]: ${typeText(t.map)} }`;
  return "ref" in t ? t.ref : JSON.stringify(t);
}

const literal = (v: string | number | boolean) => (typeof v === "string" ? `\`"${v}"\`` : `\`${String(v)}\``);
/** Table cells hold one line; a `|` inside one would end the cell. */
const cell = (s: string) => s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");

function flags(f: Field, output: boolean): string[] {
  const out: string[] = [];
  if (f.required && !output) out.push("**required**");
  if (f.secret) out.push("**secret**");
  if (f.replaceOnChanges) out.push("a change replaces the resource");
  if (f.createOnly) out.push("used at create only");
  return out;
}

function notes(f: Field, output: boolean): string {
  const parts = [f.description];
  if (f.allowed) parts.push(`One of ${f.allowed.map(literal).join(", ")}.`);
  const fl = flags(f, output);
  if (fl.length > 0) parts.push(`(${fl.join("; ")})`);
  return cell(parts.join(" "));
}

export function inputTable(fields: Fields): string {
  const rows = Object.entries(fields).map(
    ([name, f]) => `| \`${name}\` | ${cell(typeText(f.type))} | ${f.default === undefined ? "—" : literal(f.default)} | ${notes(f, false)} |`,
  );
  return ["| input | type | default | notes |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

export function outputTable(fields: Fields): string {
  const rows = Object.entries(fields).map(([name, f]) => `| \`${name}\` | ${cell(typeText(f.type))} | ${notes(f, true)} |`);
  return ["| output | type | notes |", "| --- | --- | --- |", ...rows].join("\n");
}

export function objectTypesTable(): string {
  const sections = Object.entries(OBJECT_TYPES).map(([name, t]) => {
    const props: Fields = t.properties;
    const rows = Object.entries(props).map(
      ([p, f]) => `| \`${p}\` | ${cell(typeText(f.type))} | ${f.default === undefined ? "—" : literal(f.default)} | ${notes(f, false)} |`,
    );
    return [`**${name}**: ${t.description}`, "", "| property | type | default | notes |", "| --- | --- | --- | --- |", ...rows].join("\n");
  });
  return sections.join("\n\n");
}

/** Every generated block: its marker name, the page it lives in (relative to the repository) and its text. */
export function generatedBlocks(): { name: string; page: string; text: string }[] {
  return [
    { name: "certificate-inputs", page: "docs/certificate.md", text: inputTable(CERTIFICATE_FIELDS.inputs) },
    { name: "certificate-outputs", page: "docs/certificate.md", text: outputTable(CERTIFICATE_FIELDS.outputs) },
    { name: "object-types", page: "docs/certificate.md", text: objectTypesTable() },
    { name: "validation-inputs", page: "docs/validation.md", text: inputTable(VALIDATION_FIELDS.inputs) },
    { name: "validation-outputs", page: "docs/validation.md", text: outputTable(VALIDATION_FIELDS.outputs) },
    { name: "sectigo-ssl-inputs", page: "docs/sectigo.md", text: inputTable(SECTIGO_SSL_FIELDS.inputs) },
    { name: "sectigo-ssl-outputs", page: "docs/sectigo.md", text: outputTable(SECTIGO_SSL_FIELDS.outputs) },
    { name: "sectigo-smime-inputs", page: "docs/sectigo.md", text: inputTable(SECTIGO_SMIME_FIELDS.inputs) },
    { name: "sectigo-smime-outputs", page: "docs/sectigo.md", text: outputTable(SECTIGO_SMIME_FIELDS.outputs) },
  ];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The page with the block `name` replaced by `text`; throws when the page lacks the markers. */
export function renderInto(page: string, name: string, text: string): string {
  const re = new RegExp(`(<!-- generated:${escapeRe(name)} -->\\n)[\\s\\S]*?(<!-- /generated -->)`);
  if (!re.test(page)) throw new Error(`no "<!-- generated:${name} -->" … "<!-- /generated -->" block`);
  return page.replace(re, (_m, open: string, close: string) => `${open}${text}\n${close}`);
}

/** Each page's text as the generator would write it, keyed by the page's path relative to the repository. */
export function renderedPages(read: (page: string) => string = (p) => readFileSync(join(REPO_ROOT, p), "utf8")): Map<string, string> {
  const pages = new Map<string, string>();
  for (const b of generatedBlocks()) {
    const current = pages.get(b.page) ?? read(b.page);
    pages.set(b.page, renderInto(current, b.name, b.text));
  }
  return pages;
}

if (require.main === module && process.argv.includes("--write")) {
  for (const [page, text] of renderedPages()) {
    writeFileSync(join(REPO_ROOT, page), text);
    process.stdout.write(`wrote ${page}\n`);
  }
}
