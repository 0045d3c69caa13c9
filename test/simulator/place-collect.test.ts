import assert from "node:assert/strict";
import { parseCertificate, publicKeyMatches, verifyChain } from "../../sdk/x509";
import { useSimulator } from "../helpers/simulator";
import { csrFor, placeFields, sharedEcKey } from "./fixtures";

describe("simulator: place → collect (auto-validated)", () => {
  const sim = useSimulator({ autoValidate: { afterCollects: 1 } });

  it("issues a certificate for the ordered domain with the CSR's key, chaining to the root", async () => {
    const key = await sharedEcKey();
    const csr = await csrFor(["www.example.com"]);
    const placed = await sim.post("place", placeFields({ domains: ["www.example.com"], csr }));
    assert.equal(placed.status, 200);
    assert.equal(placed.json.code, 1, placed.text);
    const certId: string = placed.json.data.certId;
    assert.match(certId, /^\d{6}[a-z]{10}$/);

    const collected = await sim.post("collect", { certId });
    assert.equal(collected.json.code, 1, collected.text);
    assert.equal(collected.json.status, "COMPLETE");
    const data = collected.json.data;
    const cert = parseCertificate(data.certificate);
    assert.deepEqual(cert.sans, ["www.example.com"]);
    assert.equal(publicKeyMatches(key.privateKeyPem, data.certificate), true);
    assert.equal(await verifyChain(data.certificate, [data.caCertificate], [await sim.admin.rootCertificatePem()]), true);
  });
});
