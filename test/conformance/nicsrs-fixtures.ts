// NicSRS requests and answers written by hand from the vendor pages (/work/shared/api-docs, cited as
// "vendor") and from what the public clients send and read (hvngroup/whmcs_nicsrs_ssl: its
// nicsrs_ssl module "whmcs", its nicsrs_ssl_old module "old", its admin addon "addon";
// racentssl/php-sdk "racent"). NOT produced by our serializer: these are the shapes our client and
// simulator must speak. `<CSR>`, `<CERT_ID>`… are filled in at run time (a CSR must be real).
// Sources and guesses per field: docs/nicsrs-api.md.

/** racent / whmcs contact as sent: `organation` is the vendor page's spelling, `idType` extra. */
export const CONTACT_AS_SENT = {
  firstName: "Erika",
  lastName: "Muster",
  job: "CTO",
  organation: "Example GmbH",
  address: "Hauptstrasse 1",
  city: "Berlin",
  state: "Berlin",
  postCode: "10115",
  country: "DE",
  mobile: "+49301234567",
  email: "it@example.com",
  idType: "",
};

/**
 * /ssl/place as racent's SDK builds it: form-encoded, `params` a JSON string, optional fields null
 * or "" (uniqueValue, organizationInfo, tech, finance, dcvEmail), `certId` "" on a new order.
 */
export function racentPlaceForm(csr: string, domain: string, refId: string): Record<string, string> {
  return {
    productCode: "positivessl",
    years: "1",
    refId,
    certId: "",
    params: JSON.stringify({
      csr,
      server: "other",
      uniqueValue: null,
      domainInfo: [{ domainName: domain, dcvMethod: "CNAME_CSR_HASH", dcvEmail: "" }],
      Administrator: CONTACT_AS_SENT,
      tech: null,
      finance: null,
      organizationInfo: "",
      originalfromOthers: "0",
    }),
  };
}

/** The six DCV fields every place / collect answer carries (vendor pages; all clients read them). */
export const DCV_FIELDS = ["DCVfileName", "DCVfileContent", "DCVfilePath", "DCVdnsHost", "DCVdnsValue", "DCVdnsType"] as const;

/** productList item fields both public clients read (addon ProductService, racent). */
export const PRODUCT_FIELDS_READ = ["code", "productName", "supportWildcard", "supportSan", "supportStandard", "supportIp", "maxDomain", "maxYear", "defaultProtectDomain", "price"] as const;

/** /ssl/reissue as the whmcs module sends it: top-level `csr`, `domainInfo` JSON-encoded. */
export function whmcsReissueForm(certId: string, csr: string, domain: string): Record<string, string> {
  return { certId, csr, domainInfo: JSON.stringify([{ domainName: domain, dcvMethod: "CNAME_CSR_HASH" }]) };
}

/** /ssl/replace as the old module sends it: `certId` + `params{csr, domainInfo, organizationInfo}`. */
export function oldReplaceForm(certId: string, csr: string, domain: string): Record<string, string> {
  return {
    certId,
    params: JSON.stringify({ csr, domainInfo: [{ domainName: domain, dcvMethod: "HTTP_CSR_HASH", dcvEmail: "" }], organizationInfo: "" }),
  };
}

// ---- answers (for the sdk side) -----------------------------------------------------------

/** productList as the clients read it: "Y"/"N" flags, numbers as strings, prices per period in months. */
export const PRODUCT_LIST_ANSWER = {
  code: 1,
  msg: "success",
  data: [
    {
      code: "sectigo-positivessl-wildcard",
      productName: "Sectigo PositiveSSL Wildcard",
      supportWildcard: "Y",
      supportSan: "N",
      supportStandard: "Y",
      supportIp: "N",
      maxDomain: "1",
      maxYear: "2",
      defaultProtectDomain: "1",
      price: { basePrice: { price012: "69.00", price024: "130.00" } },
    },
    {
      code: "sectigo-positivessl-multi-domain",
      productName: "Sectigo PositiveSSL Multi-Domain",
      supportWildcard: "N",
      supportSan: "Y",
      supportStandard: "Y",
      supportIp: "N",
      maxDomain: 250,
      maxYear: 1,
      defaultProtectDomain: 3,
      price: { basePrice: { price012: 29.99 } },
      sanPrice: { basePrice: "10.00", normalPrice: "12.00", wildPrice: "60.00" },
      someFieldWeDoNotKnow: { x: 1 },
    },
  ],
};

/** A place answer with numeric ids (seen drift) and every DCV field (vendor page shape). */
export const PLACE_ANSWER = {
  code: 1,
  msg: "success",
  data: {
    certId: 260113123456,
    vendorId: 123456789,
    vendorCertId: 987654321,
    DCVfileName: "8B5AA255CA8D61E5F18A7752B524F298.txt",
    DCVfileContent: "0A1B2C\nsectigo.com\n",
    DCVfilePath: "/.well-known/pki-validation/8B5AA255CA8D61E5F18A7752B524F298.txt",
    DCVdnsHost: "_8B5AA255CA8D61E5F18A7752B524F298",
    DCVdnsValue: "0A1B2C3D.4E5F6A7B.sectigo.com",
    DCVdnsType: "CNAME",
    applyTime: "2026-01-13 10:00:00",
  },
};

/**
 * A collect answer: status only as `certStatus` (whmcs reads `status ?? certStatus`), `applyParams`
 * as a JSON string (old reads applyParams->csr), `rsaPrivateKey` (CA-made key), `productType`,
 * `dcvList[].is_verify` "verified" or "", and fields we do not know.
 */
export function collectAnswer(certificate: string, key: string, csr: string) {
  return {
    code: 1,
    msg: "success",
    certStatus: "COMPLETE",
    data: {
      certificate,
      caCertificate: certificate,
      beginDate: "2026-01-13 08:00:00",
      endDate: "2026-07-31 07:59:59",
      dueDate: "2027-01-13 07:59:59",
      rsaPrivateKey: key,
      productType: "sectigo-positivessl",
      vendorId: 123456789,
      applyParams: JSON.stringify({ csr, domainInfo: [{ domainName: "example.com", dcvMethod: "CNAME_CSR_HASH" }] }),
      DCVfileName: "",
      DCVfileContent: "",
      DCVfilePath: "",
      DCVdnsHost: "_ABC",
      DCVdnsValue: "abc.def.sectigo.com",
      DCVdnsType: "CNAME",
      dcvList: [
        { domainName: "example.com", dcvMethod: "CNAME_CSR_HASH", dcvEmail: "", is_verify: "verified" },
        { domainName: "www.example.com", dcvMethod: "CNAME_CSR_HASH", dcvEmail: "", is_verify: "" },
      ],
      application: { status: "done" },
      dcv: { status: "done" },
      issued: { status: "done" },
      unknownBackendField: [1, 2, 3],
    },
  };
}

/** DCVemail with `domain`: the approver addresses (answer shape: our guess, a list). */
export const DCV_EMAIL_ANSWER = { code: 1, msg: "success", data: ["admin@example.com", "administrator@example.com", "hostmaster@example.com"] };

/** caaCheck (answer shape: our guess). */
export const CAA_ANSWER = { code: 1, msg: "success", data: { domain: "example.com", allowed: "N", records: [{ flags: 0, tag: "issue", value: "letsencrypt.org" }] } };

/** A CA refusing a request shape: code -1 with field errors (vendor page error shape). */
export const REFUSED_ANSWER = { code: -1, msg: "parameter validation failed", errors: { params: ["params is required"] } };
