import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation } from "pulumi-nicsrs";
import { administrator } from "../../provider/fixtures";

const config = new pulumi.Config("parity");
const site = new Certificate("site", { productCode: "positivessl-multi-domain", domains: config.requireObject<string[]>("domains"), administrator });
const validation = new CertificateValidation("site-validation", { certId: site.certId, timeoutMinutes: 2 });

export const certId = site.certId;
export const status = validation.status;
export const validatedDomains = validation.validatedDomains;
