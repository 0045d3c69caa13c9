// The Pulumi package schema of the native provider, generated from the field tables. The checked-in
// copy (schema/schema.json) is rewritten with `npx ts-node provider/schema/generate.ts --write`
// and a test fails when it differs from what this produces.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FIELDS, type ConfigField } from "./config-fields";
import type { Field, FieldType, Fields } from "./field-table";
import { requiredNames } from "./field-table";
import { OBJECT_TYPES } from "./object-types";
import { RESOURCE_TABLES } from "./tables";

type Json = Record<string, unknown>;

/** The version written into the checked-in schema (the plugin serves its package version). */
export const SCHEMA_VERSION = "0.0.0-dev";

function typeSpec(t: FieldType): Json {
  if (typeof t === "string") return { type: t };
  if ("array" in t) return { type: "array", items: typeSpec(t.array) };
  if ("map" in t) return { type: "object", additionalProperties: typeSpec(t.map) };
  return { $ref: `#/types/nicsrs:index:${t.ref}` };
}

function describe(f: Field): string {
  if (!f.allowed) return f.description;
  const list = f.allowed.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v))).join(", ");
  return `${f.description} One of ${list}.`;
}

function property(f: Field): Json {
  return {
    ...typeSpec(f.type),
    description: describe(f),
    ...(f.default !== undefined ? { default: f.default } : {}),
    ...(f.secret ? { secret: true } : {}),
    ...(f.replaceOnChanges ? { replaceOnChanges: true } : {}),
  };
}

function properties(fields: Fields): Json {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, property(f)]));
}

const nonEmpty = (names: string[]) => (names.length > 0 ? names : undefined);

export function generateSchema(version: string = SCHEMA_VERSION): Json {
  const config = Object.fromEntries(
    (Object.entries(CONFIG_FIELDS) as [string, ConfigField][]).map(([k, c]) => [
      k,
      { type: "string", description: c.description, ...(c.secret ? { secret: true } : {}), defaultInfo: { environment: [...c.env] } },
    ]),
  );
  const types = Object.fromEntries(
    Object.entries(OBJECT_TYPES).map(([name, t]) => [
      `nicsrs:index:${name}`,
      { type: "object", description: t.description, properties: properties(t.properties), required: nonEmpty(requiredNames(t.properties)) },
    ]),
  );
  const resources = Object.fromEntries(
    RESOURCE_TABLES.map((r) => [
      r.token,
      {
        description: r.description,
        properties: properties(r.outputs),
        required: nonEmpty(requiredNames(r.outputs)),
        inputProperties: properties(r.inputs),
        requiredInputs: nonEmpty(requiredNames(r.inputs)),
      },
    ]),
  );
  return JSON.parse(
    JSON.stringify({
      name: "nicsrs",
      displayName: "NicSRS",
      version,
      description: "Order, validate, collect and renew TLS certificates through the NicSRS reseller API, and collect from Sectigo.",
      keywords: ["pulumi", "nicsrs", "sectigo", "tls", "certificates", "category/network"],
      license: "Apache-2.0",
      publisher: "pulumi-nicsrs",
      meta: { moduleFormat: "(.*)" },
      language: {
        nodejs: { packageName: "@pulumi-nicsrs/native", dependencies: { "@pulumi/pulumi": "^3.0.0" } },
        // respectSchemaVersion: the SDK carries the version scripts/gen-sdks.sh writes (the package's), which its language host reports
        python: { packageName: "pulumi_nicsrs", requires: { "pulumi": ">=3.0.0,<4.0.0" }, respectSchemaVersion: true },
        go: { importBasePath: "github.com/pulumi-nicsrs/pulumi-nicsrs/sdk/go/nicsrs", generateResourceContainerTypes: false },
        csharp: { rootNamespace: "PulumiNicsrs", packageReferences: { Pulumi: "3.*" } },
      },
      config: { variables: config },
      provider: { description: "The NicSRS provider: credentials for NicSRS and Sectigo.", inputProperties: config },
      types,
      resources,
    }),
  );
}

/** The schema as the checked-in file holds it (two-space JSON and a final newline). */
export function schemaText(version?: string): string {
  return `${JSON.stringify(generateSchema(version), null, 2)}\n`;
}

export const SCHEMA_FILE = join(__dirname, "..", "..", "schema", "schema.json");

if (require.main === module && process.argv.includes("--write")) {
  writeFileSync(SCHEMA_FILE, schemaText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
