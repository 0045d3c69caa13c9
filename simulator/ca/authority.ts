import { createPublicKey } from "node:crypto";
import { parseCsr, X509Error } from "../../sdk/x509";
import { importSigningKeyPair } from "../../sdk/x509/keys";
import { buildName, SubjectFields } from "../../sdk/x509/names";
import { x509 } from "../../sdk/x509/provider";
import { loadCaMaterial, saveCaMaterial } from "../store/ca-material";
import type { CaMaterial } from "../store/types";
import { createCaMaterial } from "./bootstrap";
import { randomSerial } from "./serial";

export type ExtendedKeyUsageName = "serverAuth" | "clientAuth" | "emailProtection" | "codeSigning";

export interface IssueLeafRequest {
  /** The subject's public key, as SubjectPublicKeyInfo DER… */
  publicKeySpkiDer?: Uint8Array;
  /** …or taken from this CSR (its names are not used: pass them explicitly). */
  csrPem?: string;
  commonName?: string;
  subject?: SubjectFields;
  dnsNames?: string[];
  emails?: string[];
  /** Names from ExtendedKeyUsageName or dotted OIDs; default serverAuth. */
  extendedKeyUsages?: string[];
  notBefore: Date;
  notAfter: Date;
}

export interface IssuedLeaf {
  certificatePem: string;
  /** Intermediate(s), leaf's issuer first; the root is not included. */
  chainPems: string[];
  serialNumber: string;
}

const EKU_OIDS: Record<ExtendedKeyUsageName, string> = {
  serverAuth: x509.ExtendedKeyUsage.serverAuth,
  clientAuth: x509.ExtendedKeyUsage.clientAuth,
  emailProtection: x509.ExtendedKeyUsage.emailProtection,
  codeSigning: x509.ExtendedKeyUsage.codeSigning,
};

/** The simulator's CA: a root and an intermediate created once per dataDir, which sign leaf certificates. */
export class CertificateAuthority {
  private constructor(
    readonly material: CaMaterial,
    private readonly signer: Awaited<ReturnType<typeof importSigningKeyPair>>,
    private readonly intermediate: x509.X509Certificate,
  ) {}

  static async open(dataDir: string): Promise<CertificateAuthority> {
    let material = loadCaMaterial(dataDir);
    if (!material) {
      material = await createCaMaterial();
      saveCaMaterial(dataDir, material);
    }
    const signer = await importSigningKeyPair(material.intermediatePrivateKeyPem);
    return new CertificateAuthority(material, signer, new x509.X509Certificate(material.intermediateCertificatePem));
  }

  get rootCertificatePem(): string {
    return this.material.rootCertificatePem;
  }

  get intermediateCertificatePem(): string {
    return this.material.intermediateCertificatePem;
  }

  async issueLeaf(req: IssueLeafRequest): Promise<IssuedLeaf> {
    const spki = req.publicKeySpkiDer ?? (req.csrPem ? parseCsr(req.csrPem).publicKeySpkiDer : undefined);
    if (!spki) throw new X509Error("issueLeaf needs publicKeySpkiDer or csrPem");
    const keyType = createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" }).asymmetricKeyType;
    const publicKey = new x509.PublicKey(spki);
    const names = [
      ...(req.dnsNames ?? []).map((value) => ({ type: "dns" as const, value })),
      ...(req.emails ?? []).map((value) => ({ type: "email" as const, value })),
    ];
    const usage = x509.KeyUsageFlags.digitalSignature | (keyType === "rsa" ? x509.KeyUsageFlags.keyEncipherment : 0);
    const ekus = (req.extendedKeyUsages ?? ["serverAuth"]).map((u) => EKU_OIDS[u as ExtendedKeyUsageName] ?? u);
    const serialNumber = randomSerial();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber,
      subject: buildName(req.commonName, req.subject),
      issuer: this.intermediate.subjectName,
      notBefore: req.notBefore,
      notAfter: req.notAfter,
      publicKey,
      signingKey: this.signer.keys.privateKey,
      signingAlgorithm: this.signer.signParams,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(usage, true),
        new x509.ExtendedKeyUsageExtension(ekus),
        ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
        await x509.SubjectKeyIdentifierExtension.create(publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(this.intermediate.publicKey),
      ],
    });
    return { certificatePem: cert.toString("pem") + "\n", chainPems: [this.material.intermediateCertificatePem], serialNumber };
  }
}
