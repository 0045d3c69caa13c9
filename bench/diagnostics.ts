// Where the certificate stack's extra time can come from, measured on the same machine in the same
// run: fixed module-load costs (program side and provider-host side) and the per-create key + CSR work.
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createCsr, generateKeyPair } from "../sdk/x509";
import { REPO_ROOT } from "../scripts/engine/pulumi-cli";
import { median } from "./stats";

export interface Diagnostics {
  /** ms to require `pulumi-nicsrs` in a process that already loaded @pulumi/pulumi (the program side). */
  programImportMs: number;
  /** ms to require the Certificate implementation (`pulumi-nicsrs/provider/cert-impl`) in a fresh process (the provider host side, on first check). */
  providerImplLoadMs: number;
  /** ms of one RSA-2048 key + CSR, as Certificate create makes them, one at a time. */
  keyAndCsrMs: number;
}

function requireMs(module: string, after?: string): number {
  const script =
    (after ? `require(${JSON.stringify(after)});` : "") +
    `const t=process.hrtime.bigint();require(${JSON.stringify(module)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" }));
}

export async function diagnostics(): Promise<Diagnostics> {
  const reps = [0, 1, 2];
  const programImportMs = median(reps.map(() => requireMs("pulumi-nicsrs", "@pulumi/pulumi")));
  const providerImplLoadMs = median(reps.map(() => requireMs("pulumi-nicsrs/provider/cert-impl")));
  const keyTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const { privateKeyPem } = await generateKeyPair({ algorithm: "RSA", rsaBits: 2048 });
    await createCsr({ privateKeyPem, commonName: `k${i}.example.test`, sans: [`k${i}.example.test`] });
    keyTimes.push(performance.now() - t0);
  }
  return { programImportMs, providerImplLoadMs, keyAndCsrMs: median(keyTimes) };
}
