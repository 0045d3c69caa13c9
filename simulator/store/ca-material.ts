import { join } from "node:path";
import { readJson, writeJsonAtomic } from "./atomic-json";
import type { CaMaterial } from "./types";

const FILE = "ca.json";

export function loadCaMaterial(dataDir: string): CaMaterial | undefined {
  return readJson<CaMaterial>(join(dataDir, FILE));
}

export function saveCaMaterial(dataDir: string, material: CaMaterial): void {
  writeJsonAtomic(join(dataDir, FILE), material);
}
