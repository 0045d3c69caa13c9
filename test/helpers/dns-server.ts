// A real DNS server (dns2, UDP on 127.0.0.1, random port) answering CNAME and TXT records that a test sets.
// Point a resolver at `server.address` ("127.0.0.1:<port>"), e.g. startSimulator({ dns: server.address }).
import dns2 from "dns2";

const { Packet } = dns2;

type RecordType = "CNAME" | "TXT";

export class TestDnsServer {
  private readonly records = new Map<string, { CNAME?: string; TXT?: string[] }>();
  /** Every question received, as `<TYPE> <name>`, for tests that assert which names were queried. */
  readonly queries: string[] = [];

  private constructor(
    private readonly server: dns2.UDPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestDnsServer> {
    let self: TestDnsServer | undefined;
    const server = dns2.createUDPServer((request, send) => {
      void send(self ? self.answer(request) : Packet.createResponseFromRequest(request));
    });
    await server.listen(0, "127.0.0.1");
    self = new TestDnsServer(server, server.address().port);
    return self;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  setCname(name: string, target: string): void {
    this.entry(name).CNAME = target.replace(/\.$/, "");
  }

  /** Replaces the TXT records at `name`. */
  setTxt(name: string, ...values: string[]): void {
    this.entry(name).TXT = values;
  }

  remove(name: string, type?: RecordType): void {
    const key = norm(name);
    if (type === undefined) this.records.delete(key);
    else delete this.records.get(key)?.[type];
  }

  clear(): void {
    this.records.clear();
    this.queries.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private entry(name: string): { CNAME?: string; TXT?: string[] } {
    const key = norm(name);
    let e = this.records.get(key);
    if (!e) this.records.set(key, (e = {}));
    return e;
  }

  private answer(request: dns2.Packet): dns2.Packet {
    const response = Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    let known = false;
    for (const q of request.questions) {
      const key = norm(q.name);
      const rec = this.records.get(key);
      this.queries.push(`${typeName(q.type)} ${key}`);
      if (!rec || (rec.CNAME === undefined && rec.TXT === undefined)) continue;
      known = true;
      if (rec.CNAME !== undefined && (q.type === Packet.TYPE.CNAME || q.type === Packet.TYPE.TXT || q.type === Packet.TYPE.A)) {
        response.answers.push({ name: q.name, type: Packet.TYPE.CNAME, class: Packet.CLASS.IN, ttl: 1, domain: rec.CNAME } as dns2.Packet.Resource);
      } else if (rec.TXT !== undefined && q.type === Packet.TYPE.TXT) {
        for (const data of rec.TXT) response.answers.push({ name: q.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 1, data } as dns2.Packet.Resource);
      }
    }
    if (!known) response.header.rcode = 3; // NXDOMAIN
    return response;
  }
}

/** Starts a TestDnsServer before the suite's tests and closes it after; `records` are cleared before each test. */
export function useDnsServer(opts: { clearBetweenTests?: boolean } = {}): { readonly server: TestDnsServer } {
  const handle = {} as { server: TestDnsServer };
  before(async () => {
    handle.server = await TestDnsServer.start();
  });
  beforeEach(() => {
    if (opts.clearBetweenTests !== false) handle.server.clear();
  });
  after(async () => {
    await handle.server?.close();
  });
  return handle;
}

function norm(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

function typeName(type: number): string {
  const entry = Object.entries(Packet.TYPE).find(([, v]) => v === type);
  return entry ? entry[0] : String(type);
}
