// The simulator's Sectigo side: one call in simulator/server.ts registers it (before the generic
// admin API, whose prefix /__admin would otherwise shadow /__admin/sectigo).
import type { SimulatorContext } from "../context";
import type { Router } from "../router";
import { createSectigoAdmin, SECTIGO_ADMIN_PREFIX } from "./admin";
import { ConcurrencyTracker } from "./concurrency";
import { createSectigoFrontEnd } from "./front-end";
import { SectigoStore } from "./store";

export function registerSectigo(router: Router, ctx: SimulatorContext): void {
  const sim = { ctx, store: new SectigoStore(ctx.dataDir) };
  const tracker = new ConcurrencyTracker();
  router.registerAdmin(SECTIGO_ADMIN_PREFIX, createSectigoAdmin(sim, tracker));
  router.registerFrontEnd("/products/download", createSectigoFrontEnd(sim, tracker));
}

export { SECTIGO_ADMIN_PREFIX } from "./admin";
export { SectigoSimulatorAdmin } from "./admin-client";
export { DEFAULT_SECTIGO_ACCOUNT, SECTIGO_ORDER_STATES, type SectigoOrder, type SectigoOrderState, type DomainDcvStatus } from "./types";
export type { ConcurrencySnapshot } from "./concurrency";
