// Serialized `__provider` bytes per resource, per resource type, from `pulumi stack export`.

export interface ProviderSize {
  type: string;
  resources: number;
  /** UTF-8 bytes of the `__provider` string (min / max over the resources of the type). */
  minBytes: number;
  maxBytes: number;
  /** How many copies a resource's state holds (inputs and outputs each carry one). */
  copiesPerResource: number;
  /** Whole resource entry in the exported state, JSON bytes, median-ish (max) per resource. */
  maxStateBytesPerResource: number;
}

interface ExportedResource {
  type: string;
  [key: string]: unknown;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export function providerSizes(exportJson: string): ProviderSize[] {
  const state = JSON.parse(exportJson) as { deployment?: { resources?: ExportedResource[] } };
  const byType = new Map<string, ProviderSize>();
  for (const r of state.deployment?.resources ?? []) {
    const p = r.outputs?.__provider ?? r.inputs?.__provider;
    if (typeof p !== "string") continue;
    const bytes = Buffer.byteLength(p, "utf8");
    const copies = (typeof r.inputs?.__provider === "string" ? 1 : 0) + (typeof r.outputs?.__provider === "string" ? 1 : 0);
    const stateBytes = Buffer.byteLength(JSON.stringify(r), "utf8");
    const s = byType.get(r.type);
    if (!s) {
      byType.set(r.type, { type: r.type, resources: 1, minBytes: bytes, maxBytes: bytes, copiesPerResource: copies, maxStateBytesPerResource: stateBytes });
    } else {
      s.resources += 1;
      s.minBytes = Math.min(s.minBytes, bytes);
      s.maxBytes = Math.max(s.maxBytes, bytes);
      s.copiesPerResource = Math.max(s.copiesPerResource, copies);
      s.maxStateBytesPerResource = Math.max(s.maxStateBytesPerResource, stateBytes);
    }
  }
  return [...byType.values()];
}

export interface EntrySize {
  type: string;
  resources: number;
  /** JSON bytes of one whole resource entry in `pulumi stack export` (inputs, outputs, URN, ...): median and max over the type's resources. */
  medianBytes: number;
  maxBytes: number;
  /** The median resource's entry, by part (bytes of JSON): what the sizes are made of. */
  parts: EntryParts;
}

export interface EntryParts {
  /** The `__provider` text, every copy (inputs and outputs). */
  provider: number;
  /** Secret values (ciphertext objects), inputs and outputs. */
  secrets: number;
  /** Inputs also stored in the outputs (same key, same value; `__provider` and secrets excluded). */
  echoedInputs: number;
  /** Everything else in inputs and outputs. */
  otherProperties: number;
  /** Engine metadata: URN, type, parent, provider reference, dependencies, source position and stack trace, ... */
  metadata: number;
}

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const isSecret = (v: unknown) => !!v && typeof v === "object" && (v as Record<string, unknown>)[SECRET_SIG] !== undefined;
const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), "utf8");

function partsOf(r: ExportedResource): EntryParts {
  const parts: EntryParts = { provider: 0, secrets: 0, echoedInputs: 0, otherProperties: 0, metadata: 0 };
  for (const [bag, other] of [[r.inputs ?? {}, r.outputs ?? {}], [r.outputs ?? {}, r.inputs ?? {}]] as const) {
    for (const [k, v] of Object.entries(bag)) {
      const size = bytes(k) + 1 + bytes(v);
      if (k === "__provider") parts.provider += size;
      else if (isSecret(v)) parts.secrets += size;
      else if (bag === r.outputs && k in other && bytes(other[k]) === bytes(v)) parts.echoedInputs += size;
      else parts.otherProperties += size;
    }
  }
  for (const [k, v] of Object.entries(r)) if (k !== "inputs" && k !== "outputs") parts.metadata += bytes(k) + 1 + bytes(v);
  return parts;
}

/** Bytes per resource entry, per resource type (every type, native ones included). */
export function entrySizes(exportJson: string): EntrySize[] {
  const state = JSON.parse(exportJson) as { deployment?: { resources?: ExportedResource[] } };
  const byType = new Map<string, { bytes: number; r: ExportedResource }[]>();
  for (const r of state.deployment?.resources ?? []) {
    const xs = byType.get(r.type) ?? [];
    xs.push({ bytes: bytes(r), r });
    byType.set(r.type, xs);
  }
  return [...byType.entries()].map(([type, xs]) => {
    const s = [...xs].sort((a, b) => a.bytes - b.bytes);
    const mid = s[Math.floor(s.length / 2)];
    return { type, resources: s.length, medianBytes: mid.bytes, maxBytes: s[s.length - 1].bytes, parts: partsOf(mid.r) };
  });
}
