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
}

/** Bytes per resource entry, per resource type (every type, native ones included). */
export function entrySizes(exportJson: string): EntrySize[] {
  const state = JSON.parse(exportJson) as { deployment?: { resources?: ExportedResource[] } };
  const byType = new Map<string, number[]>();
  for (const r of state.deployment?.resources ?? []) {
    const xs = byType.get(r.type) ?? [];
    xs.push(Buffer.byteLength(JSON.stringify(r), "utf8"));
    byType.set(r.type, xs);
  }
  return [...byType.entries()].map(([type, xs]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { type, resources: s.length, medianBytes: s[Math.floor(s.length / 2)], maxBytes: s[s.length - 1] };
  });
}
