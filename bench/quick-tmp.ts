import { startLab } from "../scripts/engine/lab";
import { StackDriver, type Kind } from "./stack-driver";
import { runStack } from "./timing";
async function main() {
  const d = new StackDriver(); await d.start();
  const lab = await startLab({ autoValidateSeconds: 0 }); d.dnsEnv = lab.dnsEnv;
  const kinds = (process.env.KINDS ?? "native").split(",") as Kind[];
  const n = Number(process.env.N ?? 2);
  try {
    for (const k of kinds) {
      const r = await runStack(d, lab, k, n, Number(process.env.REP ?? 2), console.log);
      console.log(JSON.stringify({ k, preview: r.preview.seconds, up: r.up.seconds, upCalls: r.up.calls, sizes: r.providerSizes }));
    }
  } catch (e) { console.error(d.transcript.slice(-30).join("")); throw e; }
  finally { await lab.stop(); d.stop(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
