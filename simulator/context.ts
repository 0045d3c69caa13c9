import type { CertificateAuthority } from "./ca/authority";
import type { SimClock } from "./clock";
import type { KeyedMutex } from "./store/keyed-mutex";
import type { Store } from "./store/store";
import type { ValidationAuthority } from "./va/authority";

export interface AutoValidate {
  /** DCV counts as passed this many (simulator-clock) seconds after the order was created. */
  afterSeconds?: number;
  /** DCV counts as passed on the order's N-th collect. */
  afterCollects?: number;
}

/** Everything a front end needs; built once by server.ts. */
export interface SimulatorContext {
  dataDir: string;
  apiToken: string;
  store: Store;
  ca: CertificateAuthority;
  clock: SimClock;
  va: ValidationAuthority;
  locks: KeyedMutex;
  autoValidate: AutoValidate;
  /** Collects answered with code 2 / PROCESSING after DCV passes, before the certificate is issued. */
  processingCollects: number;
  log: (line: string) => void;
}
