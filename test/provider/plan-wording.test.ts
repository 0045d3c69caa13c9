// Issue 10.4 / 8.6: every Certificate change says in words what happens at the CA and whether it
// is paid; every delete says what it did.
import { strict as assert } from "node:assert";
import { diffCertificate, storedInputs } from "../../provider/certificate-diff";
import { toSpec } from "../../provider/certificate-inputs";
import { describeChange, describeCreate } from "../../provider/plan-wording";
import { deleteOutcomeText } from "../../provider/delete-wording";
import { UNKNOWN } from "../../provider/unknowns";
import { baseInputs, issuedState } from "./fixtures";

const now = new Date("2026-12-10T00:00:00Z");

const state = issuedState;
const news = (over: Record<string, unknown> = {}) => ({ ...baseInputs(), ...over });
const plan = (olds: Record<string, unknown>, n: Record<string, unknown>, at = now) =>
  describeChange(diffCertificate(olds, n, at), olds, toSpec(n), toSpec(storedInputs(olds)));

describe("provider: plans that say what they cost (issue 10.4)", () => {
  const table: { name: string; text: () => string; expect: RegExp }[] = [
    { name: "create", text: () => describeCreate(news({ years: 2 })), expect: /^new order \(paid: positivessl-multi-domain, 2 years\)$/ },
    { name: "create with unknown product in preview", text: () => describeCreate(news({ productCode: UNKNOWN })), expect: /^new order \(paid: product known at up, 1 year\)$/ },
    { name: "create adopting a certId", text: () => describeCreate(news({ certId: "260113vghhracpaw" })), expect: /^adopt existing order 260113vghhracpaw \(no new order, no charge\)$/ },
    {
      name: "domains change: a new paid order, and what happens to the old one",
      text: () => plan(state(), news({ domains: ["www.example.com", "new.example.com"] })),
      expect: /^new order \(paid: positivessl-multi-domain, 1 year\), because domains changed; then 261201abcdefghij: cancelled and refunded if still pending, kept at the CA if issued \(deletePolicy cancelPending\)$/,
    },
    { name: "order cancelled at the CA", text: () => plan(state({ status: "CANCELLED" }), news()), expect: /^new order \(paid: .*\), because 261201abcdefghij is CANCELLED/ },
    { name: "inside the renewal window, subscription continues", text: () => plan(state(), news(), new Date("2027-06-01T00:00:00Z")), expect: /^free reissue inside the subscription: / },
    {
      name: "inside the window, subscription ending",
      text: () => plan(state({ subscriptionEndsAt: "2027-07-01T00:00:00.000Z" }), news(), new Date("2027-06-01T00:00:00Z")),
      expect: /^renewal \(paid: positivessl-multi-domain, 1 year\): /,
    },
    { name: "DCV method change", text: () => plan(state({ status: "PENDING" }), news({ dcvMethod: "HTTP_CSR_HASH" })), expect: /^DCV method switch \(free\)/ },
    { name: "deletePolicy change only", text: () => plan(state(), news({ deletePolicy: "retain" })), expect: /^collect only \(no order, no charge\); deletePolicy recorded in state$/ },
    { name: "issued certificate not matching the key", text: () => plan(state({ keyMismatch: true }), news()), expect: /^free reissue inside the subscription: the issued certificate does not match the private key$/ },
  ];
  for (const t of table) it(t.name, () => assert.match(t.text(), t.expect));
});

describe("provider: delete says what it did (issue 8.6)", () => {
  const f = { certId: "261201abcdefghij", policy: "cancelPending" as const, notAfter: "2027-06-19T00:00:00.000Z" };
  const table: [Parameters<typeof deleteOutcomeText>[0], Record<string, unknown>, RegExp][] = [
    ["keptIssued", {}, /kept at the CA, issued, valid until 2027-06-19T00:00:00\.000Z, not refunded \(deletePolicy cancelPending cancels only pending orders; a Certificate with the same name and order inputs in this stack takes it over instead of buying a new one\)/],
    ["cancelledPending", {}, /cancelled at the CA before issuance \(refunded\)/],
    ["cancelledIssued", { policy: "cancel" }, /cancelled at the CA; the CA refunds cancellations within about 30 days of issue/],
    ["revoked", { policy: "revoke" }, /revoked at the CA; no refund/],
    ["retained", { policy: "retain" }, /kept at the CA as it is, still paid, valid until 2027-06-19/],
    ["alreadyOver", { status: "CANCELLED" }, /the order is already CANCELLED at the CA, nothing to cancel/],
    ["notFound", {}, /the CA has no such order/],
  ];
  for (const [outcome, over, expect] of table) {
    it(outcome, () => assert.match(deleteOutcomeText(outcome, { ...f, ...over }), new RegExp(`^261201abcdefghij: (deleted from the stack; )?${expect.source}`)));
  }
});
