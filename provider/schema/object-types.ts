// Object types used by the resources' fields (schema `types`), keyed by their name in the
// "nicsrs:index:<Name>" token.
import { DCV_EMAIL_LOCAL_PARTS, DCV_METHODS } from "../../sdk/nicsrs/wire-types";
import type { ObjectType } from "./field-table";

const text = (description: string) => ({ type: "string", description, required: true }) as const;
const COUNTRY = "an ISO 3166-1 alpha-2 country code such as US";
const MAILBOXES = DCV_EMAIL_LOCAL_PARTS.map((l) => `${l}@`).join(", ");

export const OBJECT_TYPES = {
  Contact: {
    description: "A contact sent with the order (administrator, tech, finance).",
    properties: {
      firstName: text("First name."),
      lastName: text("Last name."),
      job: text("Job title."),
      email: { ...text("E-mail address."), allowedText: "an email address" },
      mobile: text("Phone number."),
      address: text("Street address."),
      city: text("City."),
      state: text("State or province."),
      postCode: text("Postal code."),
      country: { ...text("ISO 3166-1 alpha-2 country code such as US."), allowedText: COUNTRY },
      organization: text("Organization name."),
    },
  },
  Organization: {
    description: "The organization an OV or EV certificate is issued to.",
    properties: {
      organizationName: text("Legal name."),
      organizationCity: text("City."),
      organizationMobile: text("Phone number."),
      organizationAddress: text("Street address."),
      organizationCountry: { ...text("ISO 3166-1 alpha-2 country code such as US."), allowedText: COUNTRY },
      organizationPostCode: text("Postal code."),
      organizationState: { type: "string", description: "State or province." },
    },
  },
  DomainDcv: {
    description: "DCV settings of one domain (override the resource's dcvMethod / dcvEmail).",
    properties: {
      method: { type: "string", description: "DCV method for this domain.", allowed: DCV_METHODS },
      email: {
        type: "string",
        description: "Approver mailbox for EMAIL DCV: admin@, administrator@, postmaster@, webmaster@ or hostmaster@ the domain or a parent.",
        allowedText: `an approved DCV mailbox: ${MAILBOXES} the domain or a parent domain`,
      },
    },
  },
  Key: {
    description: "The key generated locally with its CSR.",
    properties: {
      algorithm: { type: "string", description: "Key algorithm.", allowed: ["RSA", "ECDSA"], default: "RSA" },
      rsaBits: { type: "integer", description: "RSA key size (RSA only).", allowed: [2048, 3072, 4096], default: 2048 },
      curve: { type: "string", description: "Elliptic curve (ECDSA only).", allowed: ["P-256", "P-384"], default: "P-256" },
    },
  },
  DcvRecord: {
    description: "A DNS record to create for DCV.",
    properties: {
      domain: text("The domain it validates."),
      method: text("The DCV method."),
      name: text("FQDN of the record to create."),
      type: { type: "string", description: "Record type.", allowed: ["CNAME", "TXT"], required: true },
      value: text("Record value."),
    },
  },
  DcvFile: {
    description: "A file to serve for HTTP(S) DCV.",
    properties: {
      domain: text("The domain it validates."),
      method: text("The DCV method."),
      url: text("URL the CA fetches."),
      path: text("Path of the file on the web server."),
      content: text("File content."),
    },
  },
  DcvEmail: {
    description: "An approver mailbox for EMAIL DCV.",
    properties: {
      domain: text("The domain it validates."),
      email: text("The mailbox the CA writes to."),
    },
  },
} as const satisfies Record<string, ObjectType>;

export type ObjectTypeName = keyof typeof OBJECT_TYPES;
export const ref = (name: ObjectTypeName) => ({ ref: name }) as const;
