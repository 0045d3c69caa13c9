import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import {
  SECTIGO_STATUS_CODES,
  SectigoApiError,
  SectigoResponseError,
  collectSslContext,
  parseSectigoResponse,
  smimeContext,
  CollectSslRequestSchema,
  SmimeRequestSchema,
  type SectigoResponseContext as ResponseContext,
  type CollectSslRequest,
  type SmimeRequest,
} from "../../sdk/sectigo";
import { renderReply, type RenderOptions, type SectigoReply } from "../../simulator/sectigo/render";
import { fixtures, type Fixtures } from "./sectigo-fixtures";

const ssl = (o: Partial<CollectSslRequest>) => collectSslContext(CollectSslRequestSchema.parse({ orderNumber: "1234", ...o }));
const smime = (o: Partial<SmimeRequest>) => smimeContext(SmimeRequestSchema.parse({ orderNumber: "1234", ...o }));
const fp = (pem: string) => new X509Certificate(pem).fingerprint256;
const b64 = (der: Uint8Array) => Buffer.from(der).toString("base64");
const docPem = (der: Uint8Array, end = "----- END CERTIFICATE -----") => `----- BEGIN CERTIFICATE -----\n${b64(der).match(/.{1,64}/g)!.join("\n")}\n${end}`;

function assertChain(r: { leafPem?: string; chainPems: string[] }, f: Fixtures, leaf: "ssl" | "smime" | "none", withCas = true) {
  if (leaf === "none") assert.equal(r.leafPem, undefined);
  else assert.equal(fp(r.leafPem!), fp(leaf === "ssl" ? f.sslLeafPem : f.smimeLeafPem));
  assert.deepEqual(r.chainPems.map(fp), withCas ? [fp(f.intermediatePem), fp(f.rootPem)] : []);
}

describe("sectigo response parsers: hand-written samples after the docs", () => {
  let f: Fixtures;
  before(async () => {
    f = await fixtures();
  });

  it("status 0 alone is 'being processed', not an error", () => {
    const r = parseSectigoResponse("0\n", ssl({}));
    assert.equal(r.statusCode, 0);
    assert.equal(r.processing, true);
    assert.equal(r.leafPem, undefined);
  });

  it("'-20 / The CSR has been rejected!' is a SectigoApiError with code -20", () => {
    assert.throws(
      () => parseSectigoResponse("-20\nThe CSR has been rejected!\n", smime({})),
      (e: unknown) => e instanceof SectigoApiError && e.code === -20 && e.errorMessage === "The CSR has been rejected!" && e.endpoint === "RequestAndCollectSMIME",
    );
  });

  it("an error without a message line gets the documented text", () => {
    assert.throws(() => parseSectigoResponse("-16", ssl({})), (e: unknown) => e instanceof SectigoApiError && e.code === -16 && e.errorMessage === "Permission denied!");
  });

  it("every code of both pages is in the table and parses as that code", () => {
    const documented = [-1, -2, -3, -4, -13, -14, -16, -17, -18, -20, -21, -22, -153, -154];
    for (const code of documented) {
      assert.ok(code in SECTIGO_STATUS_CODES, `table lacks ${code}`);
      assert.throws(() => parseSectigoResponse(`${code}\nsome text`, ssl({})), (e: unknown) => e instanceof SectigoApiError && e.code === code);
    }
    for (const code of [0, 1, 2]) assert.ok(code in SECTIGO_STATUS_CODES);
  });

  it("the docs' layout: validity, FQDN, spaced PEM armour (root, intermediate, end entity), 4-dash footer", () => {
    const body = ["2", "14/05/2003 13/05/2004", "secure.sectigo.com", docPem(f.rootDer), docPem(f.intermediateDer), docPem(f.sslLeafDer, "---- END CERTIFICATE -----"), ""].join("\n");
    const r = parseSectigoResponse(body, ssl({ showValidityPeriod: true, showFQDN: true }));
    assert.equal(r.statusCode, 2);
    assert.equal(r.notBefore, "2003-05-14T00:00:00.000Z");
    assert.equal(r.notAfter, "2004-05-13T23:59:59.000Z");
    assert.equal(r.fqdn, "secure.sectigo.com");
    assertChain(r, f, "ssl");
  });

  it("status 0 with ext status, MDC details, status details, MDC details 2 and CAA, in the documented order", () => {
    const body = [
      "0",
      "Awaiting Validation",
      "Awaiting Legal Documents",
      "domain1.com VALIDATED, domain2.com NOTVALIDATED",
      "1",
      "2",
      "-1",
      "0",
      "-1",
      "-1",
      "2",
      "domain1.com VALIDATED, domain2.com NOTVALIDATED, domain3.com AWAITINGBRAND",
      "Awaiting Completion",
    ].join("\r\n");
    const r = parseSectigoResponse(body, ssl({ showExtStatus: true, showMDCDomainDetails: true, showStatusDetails: true, showMDCDomainDetails2: true }));
    assert.equal(r.processing, true);
    assert.equal(r.certificateStatus, "Awaiting Validation");
    assert.equal(r.validationStatus, "Awaiting Legal Documents");
    assert.deepEqual(r.mdcDomainDetails, { "domain1.com": "VALIDATED", "domain2.com": "NOTVALIDATED" });
    assert.deepEqual(r.mdcDomainDetails2, { "domain1.com": "VALIDATED", "domain2.com": "NOTVALIDATED", "domain3.com": "AWAITINGBRAND" });
    assert.deepEqual(r.statusDetails?.csr, { code: 1, meaning: "completed" });
    assert.deepEqual(r.statusDetails?.dcv, { code: 2, meaning: "in-progress" });
    assert.deepEqual(r.statusDetails?.brandVal, { code: 2, meaning: "in-progress" });
    assert.equal(r.caaStatus, "Awaiting Completion");
  });

  it("MDC details are not expected on status 1/2 (only 'If Status Code = 0')", () => {
    const r = parseSectigoResponse("1\nIssued\nComplete\n", ssl({ queryType: 0, showExtStatus: true, showMDCDomainDetails: true }));
    assert.equal(r.statusCode, 1);
    assert.equal(r.certificateStatus, "Issued");
    assert.equal(r.mdcDomainDetails, undefined);
  });

  it("bare Base64 PKCS#7 on one line, followed by ext status and a CAA line", () => {
    const p7 = Buffer.from(renderBinary(f, 2)).toString("base64");
    const r = parseSectigoResponse(`2\n${p7}\nIssued\nComplete\nAuthorized\n`, ssl({ responseType: 2, showExtStatus: true }));
    assertChain(r, f, "ssl");
    assert.equal(r.certificateStatus, "Issued");
    assert.equal(r.caaStatus, "Authorized");
    assert.equal(r.payload, "pkcs7");
  });

  it("armoured Netscape sequence and bare multi-line ZIP", () => {
    const ns = Buffer.from(renderBinary(f, 1)).toString("base64");
    const r1 = parseSectigoResponse(`2\n-----BEGIN CERTIFICATE SEQUENCE-----\n${ns.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE SEQUENCE-----\n`, ssl({ responseType: 1 }));
    assertChain(r1, f, "ssl");
    const zip = Buffer.from(renderBinary(f, 0)).toString("base64");
    const r2 = parseSectigoResponse(`2\n${zip.match(/.{1,76}/g)!.join("\n")}\n`, ssl({ responseType: 0 }));
    assertChain(r2, f, "ssl");
  });

  it("URL-encoded: repeated caCertificate, certificate, epoch validity, status details spelled ovCallBackStatus", () => {
    const p = new URLSearchParams();
    p.set("errorCode", "2");
    p.set("notBefore", "1715644800");
    p.set("notAfter", "1747180799");
    p.set("fqdn", "secure.example.com");
    p.append("caCertificate", b64(f.rootDer));
    p.append("caCertificate", b64(f.intermediateDer));
    p.set("certificate", b64(f.sslLeafDer));
    p.set("certificateStatus", "Issued");
    p.set("validationStatus", "Complete");
    p.set("ovCallBackStatus", "-1");
    p.set("caaStatus", "Error '17'");
    const r = parseSectigoResponse(p.toString(), ssl({ responseFormat: 1, showValidityPeriod: true, showFQDN: true, showExtStatus: true }));
    assertChain(r, f, "ssl");
    assert.equal(r.notBefore, "2024-05-14T00:00:00.000Z");
    assert.equal(r.notAfter, "2025-05-13T23:59:59.000Z");
    assert.equal(r.fqdn, "secure.example.com");
    assert.deepEqual(r.statusDetails, { ovCallback: { code: -1, meaning: "not-required" } });
    assert.equal(r.caaStatus, "Error '17'");
  });

  it("URL-encoded error: errorCode and errorMessage", () => {
    assert.throws(
      () => parseSectigoResponse("errorCode=-4&errorMessage=The+value+of+the+%27queryType%27+argument+is+invalid%21", ssl({ responseFormat: 1 })),
      (e: unknown) => e instanceof SectigoApiError && e.code === -4 && e.errorMessage === "The value of the 'queryType' argument is invalid!",
    );
  });

  it("URL-encoded Base64 whose '+' was not escaped (arrives as spaces) still decodes", () => {
    const raw = `errorCode=2&certificate=${b64(f.sslLeafDer)}`;
    const r = parseSectigoResponse(raw, ssl({ responseFormat: 1, queryType: 2 }));
    assertChain(r, f, "ssl", false);
  });

  it("S/MIME JavaScript variables with string concatenation and escapes", () => {
    const p7 = Buffer.from(renderBinary(f, 2, "smime")).toString("base64");
    const body = `var g_errorCode = 2;\nvar g_ccc = "${p7.slice(0, 100)}" +\n  '${p7.slice(100)}';\n`;
    const r = parseSectigoResponse(body, smime({ responseType: 2, responseEncoding: 2 }));
    assertChain(r, f, "smime");
    const pemText = JSON.stringify(docPem(f.smimeLeafDer));
    const r2 = parseSectigoResponse(`var g_errorCode=2; var g_ccc=${pemText};`, smime({ queryType: 2, responseEncoding: 2 }));
    assertChain(r2, f, "smime", false);
    assert.throws(() => parseSectigoResponse("var g_errorCode = -154;\nvar g_ccc = '';", smime({ responseEncoding: 2 })), (e: unknown) => e instanceof SectigoApiError && e.code === -154);
    assert.equal(parseSectigoResponse("var g_errorCode = 0;\nvar g_ccc = \"\";", smime({ responseEncoding: 2 })).processing, true);
  });

  it("binary PKCS#7 and ZIP bodies (responseEncoding=1)", () => {
    assertChain(parseSectigoResponse(renderBinary(f, 2), ssl({ responseType: 2, responseEncoding: 1 })), f, "ssl");
    assertChain(parseSectigoResponse(renderBinary(f, 0), ssl({ responseType: 0, responseEncoding: 1 })), f, "ssl");
    // …while an error still arrives as text
    assert.throws(() => parseSectigoResponse("-22\nStill awaiting payment!\n", ssl({ responseType: 2, responseEncoding: 1 })), (e: unknown) => e instanceof SectigoApiError && e.code === -22);
    assert.equal(parseSectigoResponse("0\n", ssl({ responseType: 2, responseEncoding: 1 })).statusCode, 0);
  });

  it("queryType 2 gives only the leaf, queryType 3 only the CA certificates", () => {
    assertChain(parseSectigoResponse(`2\n${docPem(f.sslLeafDer)}\n`, ssl({ queryType: 2 })), f, "ssl", false);
    assertChain(parseSectigoResponse(`2\n${docPem(f.rootDer)}\n${docPem(f.intermediateDer)}\n`, ssl({ queryType: 3 })), f, "none");
  });

  it("validity comes from the certificate when the response has no validity line", () => {
    const r = parseSectigoResponse(`2\n${docPem(f.sslLeafDer)}\n`, ssl({ queryType: 2 }));
    assert.equal(r.notBefore, "2024-05-14T00:00:00.000Z");
    assert.equal(r.notAfter, "2025-05-13T23:59:59.000Z");
  });

  describe("malformed bodies are typed errors", () => {
    const cases: [string, () => string | Uint8Array, () => ResponseContext][] = [
      ["HTML error page", () => "<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>", () => ssl({})],
      ["empty body", () => "", () => ssl({})],
      ["truncated PEM (no END line)", () => `2\n${docPem(f.sslLeafDer).split("\n").slice(0, 4).join("\n")}`, () => ssl({ queryType: 2 })],
      ["bad Base64 inside PEM", () => `2\n${docPem(f.sslLeafDer).replace(/\n[A-Za-z]/, "\n!")}`, () => ssl({ queryType: 2 })],
      ["truncated Base64 blob", () => `2\n${b64(renderBinary(f, 2)).slice(0, 301)}`, () => ssl({ responseType: 2 })],
      ["status 2 without certificates", () => "2\n", () => ssl({})],
      ["missing validity line", () => `2\n${docPem(f.sslLeafDer)}`, () => ssl({ queryType: 2, showValidityPeriod: true })],
      ["too many lines", () => "0\nIssued\nComplete\nextra\nmore", () => ssl({ showExtStatus: true })],
      ["too few status-detail lines", () => "0\n1\n1\n1", () => ssl({ showStatusDetails: true })],
      ["status detail out of range", () => "0\n1\n1\n1\n7\n1\n1\n1", () => ssl({ showStatusDetails: true })],
      ["bad date", () => "1\n31/02/2024 01/01/2025", () => ssl({ queryType: 0, showValidityPeriod: true })],
      ["unknown positive status", () => "7\n", () => ssl({})],
      ["URL-encoded without errorCode", () => "certificate=abc", () => ssl({ responseFormat: 1 })],
      ["JavaScript with an unterminated string", () => 'var g_errorCode = 2;\nvar g_ccc = "MIIB', () => smime({ responseEncoding: 2 })],
      ["binary garbage where PKCS#7 was asked", () => new Uint8Array([0x30, 0x82, 0x01, 0x00, 1, 2, 3]), () => ssl({ responseType: 2, responseEncoding: 1 })],
      ["ZIP magic then garbage", () => new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), () => ssl({ responseType: 0, responseEncoding: 1 })],
      ["two leaves", () => `2\n${docPem(f.sslLeafDer)}\n${docPem(f.smimeLeafDer)}`, () => ssl({})],
    ];
    for (const [name, body, ctx] of cases) {
      it(name, () => assert.throws(() => parseSectigoResponse(body(), ctx()), SectigoResponseError));
    }
  });
});

function renderBinary(f: Fixtures, responseType: number, leaf: "ssl" | "smime" = "ssl"): Uint8Array {
  const out = renderReply(reply(f, leaf), { ...defaults("CollectSSL"), responseType, responseEncoding: 1 });
  return out.body as Uint8Array;
}

function reply(f: Fixtures, leaf: "ssl" | "smime", extra: Partial<SectigoReply> = {}): SectigoReply {
  return { status: 2, leafDer: leaf === "ssl" ? f.sslLeafDer : f.smimeLeafDer, caDers: [f.rootDer, f.intermediateDer], ...extra };
}

function defaults(endpoint: RenderOptions["endpoint"]): RenderOptions {
  return {
    endpoint,
    queryType: 1,
    responseType: 3,
    responseEncoding: 0,
    responseFormat: 0,
    showValidityPeriod: false,
    showFQDN: false,
    showExtStatus: false,
    showMDCDomainDetails: false,
    showMDCDomainDetails2: false,
    showStatusDetails: false,
  };
}

describe("sectigo response parsers: every format × encoding the simulator writes", () => {
  let f: Fixtures;
  before(async () => {
    f = await fixtures();
  });
  const flagSets = [
    {},
    { showValidityPeriod: true, showFQDN: true },
    { showExtStatus: true, showStatusDetails: true },
    { showValidityPeriod: true, showFQDN: true, showExtStatus: true, showStatusDetails: true, showMDCDomainDetails: true, showMDCDomainDetails2: true },
  ];
  const extras: Partial<SectigoReply> = {
    notBefore: new Date("2024-05-14T00:00:00Z"),
    notAfter: new Date("2025-05-13T23:59:59Z"),
    fqdn: "secure.example.com",
    certificateStatus: "Issued",
    validationStatus: "Complete",
    statusDetails: [1, 1, -1, -1, -1, -1, -1],
    caaStatus: "Authorized",
  };

  let combos = 0;
  for (const responseFormat of [0, 1])
    for (const responseEncoding of [0, 1])
      for (const responseType of [0, 1, 2, 3])
        for (const queryType of [1, 2, 3])
          for (const flags of flagSets) {
            const req = { orderNumber: "1", queryType, responseType, responseEncoding, responseFormat, ...flags } as const;
            if (!CollectSslRequestSchema.safeParse(req).success) continue;
            combos++;
            it(`CollectSSL format=${responseFormat} encoding=${responseEncoding} type=${responseType} query=${queryType} flags=${Object.keys(flags).length}`, () => {
              const ctx = collectSslContext(CollectSslRequestSchema.parse(req));
              const out = renderReply(reply(f, "ssl", extras), { ...defaults("CollectSSL"), ...ctx });
              const r = parseSectigoResponse(out.body, ctx);
              assert.equal(r.statusCode, 2);
              assertChain(r, f, queryType === 3 ? "none" : "ssl", queryType !== 2);
              assert.equal(r.caaStatus, responseEncoding === 1 ? undefined : "Authorized");
              if (responseEncoding === 0 && ctx.showValidityPeriod) assert.equal(r.notAfter, "2025-05-13T23:59:59.000Z");
              if (responseEncoding === 0 && ctx.showFQDN) assert.equal(r.fqdn, "secure.example.com");
              if (responseEncoding === 0 && ctx.showExtStatus) assert.equal(r.validationStatus, "Complete");
              if (responseEncoding === 0 && ctx.showStatusDetails) assert.equal(r.statusDetails?.dcv?.code, 1);
            });
          }
  for (const responseEncoding of [0, 1, 2])
    for (const responseType of [1, 2, 3, 4])
      for (const queryType of [1, 2, 3])
        for (const showValidityPeriod of [false, true]) {
          const req = { orderNumber: "1", queryType, responseType, responseEncoding, showValidityPeriod } as const;
          if (!SmimeRequestSchema.safeParse(req).success) continue;
          combos++;
          it(`RequestAndCollectSMIME encoding=${responseEncoding} type=${responseType} query=${queryType} validity=${showValidityPeriod}`, () => {
            const ctx = smimeContext(SmimeRequestSchema.parse(req));
            const out = renderReply(reply(f, "smime", extras), { ...defaults("RequestAndCollectSMIME"), ...ctx });
            const r = parseSectigoResponse(out.body, ctx);
            assertChain(r, f, queryType === 3 ? "none" : "smime", queryType !== 2);
          });
        }

  for (const [endpoint, status] of [
    ["CollectSSL", 0],
    ["CollectSSL", 1],
    ["RequestAndCollectSMIME", 0],
  ] as const)
    for (const format of [0, 1]) {
      it(`${endpoint} status ${status} in format ${format} round-trips the status fields`, () => {
        const base = { queryType: status === 1 ? 0 : 1, showExtStatus: true, showStatusDetails: true, showMDCDomainDetails: true, showMDCDomainDetails2: true } as const;
        const ctx = endpoint === "CollectSSL" ? ssl({ ...base, responseFormat: format as 0 | 1 }) : smime({ queryType: base.queryType });
        const out = renderReply(
          { status, caDers: [], certificateStatus: "Awaiting Validation", validationStatus: "Awaiting Brand Validation", mdcDomainDetails: { "a.example": "VALIDATED", "b.example": "NOTVALIDATED" }, mdcDomainDetails2: { "c.example": "AWAITINGBRAND" }, statusDetails: [1, 2, -1, 0, -1, -1, 2], caaStatus: "Not Authorized" },
          { ...defaults(endpoint), ...ctx },
        );
        const r = parseSectigoResponse(out.body, ctx);
        assert.equal(r.statusCode, status);
        if (endpoint === "CollectSSL") {
          assert.equal(r.certificateStatus, "Awaiting Validation");
          assert.equal(r.caaStatus, "Not Authorized");
          assert.equal(r.statusDetails?.brandVal?.code, 2);
          if (status === 0) assert.deepEqual(r.mdcDomainDetails2, { "c.example": "AWAITINGBRAND" });
        }
      });
    }

  it("covers a meaningful matrix", () => assert.ok(combos >= 60, `only ${combos} combinations`));
});
