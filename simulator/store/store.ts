import { join } from "node:path";
import { readJson, writeJsonAtomic } from "./atomic-json";
import type { OrderRecord, StoreState } from "./types";

export const DEFAULT_CREDIT = 100_000;

/** Orders, refIds and the account's credit, saved to `<dataDir>/state.json` after every change. */
export class Store {
  private readonly file: string;
  private readonly state: StoreState;

  constructor(dataDir: string, initialCredit?: number) {
    this.file = join(dataDir, "state.json");
    this.state = readJson<StoreState>(this.file) ?? { version: 1, credit: DEFAULT_CREDIT, orders: {}, refIds: {} };
    if (initialCredit !== undefined) this.state.credit = initialCredit;
    this.save();
  }

  save(): void {
    writeJsonAtomic(this.file, this.state);
  }

  get credit(): number {
    return this.state.credit;
  }

  setCredit(credit: number): void {
    this.state.credit = roundMoney(credit);
    this.save();
  }

  /** Debits `amount` if the balance covers it; false (nothing changed) otherwise. */
  debit(amount: number): boolean {
    if (amount > this.state.credit + 1e-9) return false;
    this.state.credit = roundMoney(this.state.credit - amount);
    return true;
  }

  refund(amount: number): void {
    this.state.credit = roundMoney(this.state.credit + amount);
  }

  order(certId: string): OrderRecord | undefined {
    return this.state.orders[certId];
  }

  orders(): OrderRecord[] {
    return Object.values(this.state.orders);
  }

  orderByRefId(refId: string): OrderRecord | undefined {
    const certId = this.state.refIds[refId];
    return certId === undefined ? undefined : this.state.orders[certId];
  }

  /** Adds the order (and its refId) and saves. */
  insert(order: OrderRecord): void {
    if (this.state.orders[order.certId]) throw new Error(`duplicate certId ${order.certId}`);
    if (order.refId !== undefined && this.state.refIds[order.refId]) throw new Error(`duplicate refId ${order.refId}`);
    this.state.orders[order.certId] = order;
    if (order.refId !== undefined) this.state.refIds[order.refId] = order.certId;
    this.save();
  }
}

export function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}
