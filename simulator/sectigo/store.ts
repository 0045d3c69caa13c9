import { join } from "node:path";
import { readJson, writeJsonAtomic } from "../store/atomic-json";
import { DEFAULT_SECTIGO_ACCOUNT, type SectigoOrder, type SectigoState } from "./types";

/** Sectigo accounts and orders, saved to `<dataDir>/sectigo.json` after every change. */
export class SectigoStore {
  private readonly file: string;
  private readonly state: SectigoState;

  constructor(dataDir: string) {
    this.file = join(dataDir, "sectigo.json");
    this.state = readJson<SectigoState>(this.file) ?? {
      version: 1,
      accounts: { [DEFAULT_SECTIGO_ACCOUNT.loginName]: DEFAULT_SECTIGO_ACCOUNT.loginPassword },
      orders: {},
    };
    this.save();
  }

  save(): void {
    writeJsonAtomic(this.file, this.state);
  }

  setAccount(loginName: string, loginPassword: string): void {
    this.state.accounts[loginName] = loginPassword;
    this.save();
  }

  authenticates(loginName: string, loginPassword: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.state.accounts, loginName) && this.state.accounts[loginName] === loginPassword;
  }

  orders(): SectigoOrder[] {
    return Object.values(this.state.orders);
  }

  byOrderNumber(orderNumber: string): SectigoOrder | undefined {
    return this.state.orders[orderNumber];
  }

  find(pred: (o: SectigoOrder) => boolean): SectigoOrder | undefined {
    return this.orders().find(pred);
  }

  insert(order: SectigoOrder): void {
    if (this.state.orders[order.orderNumber]) throw new Error(`duplicate orderNumber ${order.orderNumber}`);
    if (this.find((o) => o.certificateId === order.certificateId)) throw new Error(`duplicate certificateId ${order.certificateId}`);
    if (order.collectionCode && this.find((o) => o.collectionCode === order.collectionCode)) throw new Error(`duplicate collectionCode ${order.collectionCode}`);
    this.state.orders[order.orderNumber] = order;
    this.save();
  }
}
