import { writeFileSync } from "node:fs";
import { startLab } from "../scripts/engine/lab";
import { StackDriver, type Kind } from "./stack-driver";
import { freshSimulator } from "./timing";
async function main() {
  const d = new StackDriver(); await d.start();
  const lab = await startLab({ autoValidateSeconds: 0 }); d.dnsEnv = lab.dnsEnv;
  try {
    for (const k of (process.env.KINDS ?? "certificate,native").split(",") as Kind[]) {
      const sim = await freshSimulator(lab);
      const s = await d.stack({ name: `dump-${k}-${Date.now()}`, kind: k, count: 1, simulatorUrl: sim.url });
      await s.up();
      if (process.env.REFRESH) await s.refresh();
      writeFileSync(`/tmp/dump-${k}.json`, d.exportState(s.name));
      await d.remove(s); await sim.close();
    }
  } catch (e) { console.error(d.transcript.slice(-30).join("")); throw e; }
  finally { await lab.stop(); d.stop(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
