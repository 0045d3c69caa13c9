// A Certificate that adopts an order by certId without any contact (as `pulumi import` leaves it),
// through the dynamic provider against the simulator: adopted with no order, reissued for free near
// the certificate's end, refused a renewal (a paid order that sends the administrator) before any
// mutating call, and renewed once the administrator is given.
import { strict as assert } from "node:assert";
import * as impl from "../../provider/cert-impl";
import * as validation from "../../provider/validation-impl";
import { NicSrsClient } from "../../sdk/nicsrs";
import { createCsr, generateKeyPair } from "../../sdk/x509";
import { administrator } from "./fixtures";
import { DAY_MS, Host, useSimulator, type Props } from "./harness";

const cert = new Host(impl);
const val = new Host(validation);
const MUTATING = ["place", "renew", "reissue", "cancel", "revoke", "updateDCV"];

describe("provider: an adopted Certificate without administrator against the simulator", function () {
  this.timeout(60_000);
  const h = useSimulator();
  const admin = () => h.sim.admin;
  const mutations = async () => Object.entries(await h.calls()).filter(([e]) => MUTATING.includes(e));

  afterEach(async () => {
    await admin().setClock(new Date().toISOString());
    delete process.env.NICSRS_NOW;
  });

  it("adopts (no order), reissues for free, refuses the renewal before any mutating call, renews with administrator", async () => {
    const domains = ["www.example.com", "api.example.com"];
    const client = new NicSrsClient({ apiToken: h.sim.apiToken, baseUrl: h.sim.url });
    const { privateKeyPem } = await generateKeyPair({ algorithm: "RSA" });
    const csr = await createCsr({ privateKeyPem, commonName: domains[0], sans: domains });
    const start = Date.parse(await admin().clock());
    const placed = await client.place({
      productCode: "positivessl-multi-domain",
      years: 1,
      params: { csr, domainInfo: domains.map((d) => ({ domainName: d, dcvMethod: "CNAME_CSR_HASH" as const })), Administrator: administrator },
    });
    await client.close();
    await admin().approveDcv(placed.certId);
    await admin().resetCalls();

    const news: Props = { productCode: "positivessl-multi-domain", domains, certId: placed.certId, refIdSeed: `test/sim/adopted-${Date.now()}` };
    assert.deepEqual((await cert.check({}, news)).failures, []);
    const created = await cert.create(news);
    const id = created.id;
    assert.equal(id, placed.certId);
    assert.deepEqual(await mutations(), [], "adopting orders nothing");
    let state = created.outs;

    // 175 days on: inside the reissue window, the subscription runs on → a free reissue, no contact needed
    await admin().setClock(new Date(start + 175 * DAY_MS).toISOString());
    await h.syncNow();
    assert.equal((await cert.diff(id, state, news)).changes, true);
    state = await cert.update(id, state, news);
    assert.deepEqual(await mutations(), [["reissue", 1]]);
    const reissuedId = String(state.certId);
    assert.notEqual(reissuedId, id);
    await admin().approveDcv(reissuedId);
    await val.create({ certId: reissuedId, timeoutMinutes: 1 });
    state = (await cert.read(id, state)).props!;
    assert.equal(state.status, "COMPLETE");

    // 340 days on: the subscription ends within 90 days → a renewal, which must send the administrator
    await admin().setClock(new Date(start + 340 * DAY_MS).toISOString());
    await h.syncNow();
    await admin().resetCalls();
    const credit = await admin().credit();
    const refused = /a renewal is due .*must send administrator, which this Certificate's inputs lack .* nothing was ordered/;
    await assert.rejects(cert.diff(id, state, news), refused);
    await assert.rejects(cert.update(id, state, news), refused); // `up --skip-preview` still diffs first; update checks again
    assert.deepEqual(await mutations(), []);
    assert.equal(await admin().credit(), credit, "no money moved");

    const withAdmin = { ...news, administrator };
    assert.equal((await cert.diff(id, state, withAdmin)).changes, true);
    state = await cert.update(id, state, withAdmin);
    assert.deepEqual(await mutations(), [["renew", 1]]);
    assert.equal((await admin().order(String(state.certId))).renewOf, reissuedId);
    assert.deepEqual(state.previousCertIds, [id, reissuedId]);
  });
});
