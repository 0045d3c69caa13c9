// autoValidate for demos: DCV passes after N simulator-clock seconds or on the N-th collect, without records.
import assert from "node:assert/strict";
import { useSimulator } from "../helpers/simulator";
import { csrFor, placeFields } from "./fixtures";

describe("simulator: autoValidate", () => {
  describe("afterSeconds (simulator clock)", () => {
    const sim = useSimulator({ autoValidate: { afterSeconds: 3600 }, dns: "127.0.0.1:9" });

    it("PENDING before, COMPLETE once the clock passed createdAt + afterSeconds", async () => {
      const placed = await sim.post("place", placeFields({ domains: ["auto.example.com"], csr: await csrFor(["auto.example.com"]), method: "EMAIL", dcvEmail: "admin@example.com" }));
      const certId = placed.json.data.certId;
      assert.equal((await sim.post("collect", { certId })).json.status, "PENDING");
      await sim.admin.advanceClock({ ms: 3601 * 1000 });
      const done = (await sim.post("collect", { certId })).json;
      assert.equal(done.status, "COMPLETE");
      assert.equal((await sim.admin.order(certId)).domains[0].lastCheck, "passed by autoValidate");
    });
  });

  describe("afterCollects", () => {
    const sim = useSimulator({ autoValidate: { afterCollects: 3 } });

    it("the third collect of an order passes its DCV", async () => {
      const placed = await sim.post("place", placeFields({ domains: ["third.example.com"], csr: await csrFor(["third.example.com"]), method: "EMAIL", dcvEmail: "admin@example.com" }));
      const certId = placed.json.data.certId;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await sim.post("collect", { certId })).json.status);
      assert.deepEqual(statuses, ["PENDING", "PENDING", "COMPLETE"]);
    });
  });
});
