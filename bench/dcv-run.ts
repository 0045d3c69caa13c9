// `BENCH_ONLY_DCV=1 make bench` (or `node -r ts-node/register/transpile-only bench/dcv-run.ts`): the
// issue-10 measurements only, about 11 minutes: the issuance delay with the adaptive schedule (DCV
// passes when the bench publishes each order's record) and the collects of a 10-minute wait with a
// record missing, run side by side. Writes bench/RESULTS-dcv.json and the section of RESULTS.md
// between the DCV markers (the older sections keep the fixed-schedule "before" numbers).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startLab } from "../scripts/engine/lab";
import { measureIssuanceDelay } from "./issuance-delay";
import { machineNotes } from "./machine";
import { measureMissingRecord } from "./missing-record";
import { StackDriver } from "./stack-driver";
import { renderDcvSection } from "./dcv-table";
import { spliceInto, type DcvBenchResults } from "./dcv-splice";

const OUT = process.env.BENCH_OUT ?? join(__dirname, "RESULTS.md");
const t0 = performance.now();
const log = (line: string) => console.log(`[bench-dcv ${Math.round((performance.now() - t0) / 1000)} s] ${line}`);


async function main(): Promise<void> {
  const driver = new StackDriver();
  await driver.start();
  const m = machineNotes(driver.command.command);
  const lab = await startLab();
  driver.dnsEnv = lab.dnsEnv;
  let results: DcvBenchResults;
  try {
    log("issuance delay (records published at offsets) and a 10-minute wait with a record missing, side by side");
    const [delay, missing] = await Promise.all([
      measureIssuanceDelay(driver, lab, { label: "adaptive schedule (DCV passes when the record is published)", stackName: "delay-adaptive", mode: "publish", log }),
      measureMissingRecord(driver, lab, { stackName: "missing-record", log }),
    ]);
    results = { at: new Date().toISOString(), machine: { nproc: m.nproc, node: m.node, pulumiCli: m.pulumiCli }, delay, missing };
  } finally {
    await lab.stop();
    driver.stop();
  }
  writeFileSync(OUT.replace(/\.md$/, "-dcv.json"), JSON.stringify(results, null, 2) + "\n");
  spliceInto(OUT, renderDcvSection(results));
  log(`wrote ${OUT} (DCV section)`);
}

if (process.env.BENCH_RENDER_ONLY) {
  spliceInto(OUT, renderDcvSection(JSON.parse(readFileSync(OUT.replace(/\.md$/, "-dcv.json"), "utf8")) as DcvBenchResults));
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
