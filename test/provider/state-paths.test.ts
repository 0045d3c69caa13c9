// The require paths inside serialized providers live in users' state forever: each provider may only
// require a frozen path (provider/state-module-paths.ts), and each frozen path must still resolve,
// by package name as the provider process does, to a module exporting the lifecycle methods.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { __certificateProvider } from "../../provider/certificate";
import { __validationProvider } from "../../provider/certificate-validation";
import { __sectigoSslProvider } from "../../provider/sectigo-ssl-certificate";
import { __smimeProvider } from "../../provider/sectigo-smime-certificate";
import { LIFECYCLE_METHODS, STATE_MODULE_PATHS } from "../../provider/state-module-paths";

const PROVIDERS = {
  Certificate: __certificateProvider,
  CertificateValidation: __validationProvider,
  SectigoSslCertificate: __sectigoSslProvider,
  SmimeCertificate: __smimeProvider,
};

function requiredPaths(provider: object): string[] {
  const text = Object.values(provider)
    .map((fn) => String(fn))
    .join("\n");
  return [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
}

describe("provider: module paths stored in state", () => {
  for (const [name, provider] of Object.entries(PROVIDERS)) {
    it(`${name}: every method requires one frozen path, by package name`, () => {
      const paths = requiredPaths(provider);
      assert.equal(paths.length, Object.keys(provider).length, "one require per method");
      for (const p of paths) assert.ok((STATE_MODULE_PATHS as readonly string[]).includes(p), `${p} is not in STATE_MODULE_PATHS`);
    });
  }

  it("every frozen path resolves through the package's exports to a module with the methods the providers call", () => {
    // Resolved from the repository root, whose node_modules/pulumi-nicsrs is the package itself
    // (as an installed copy is for a user's program); the exports map points at dist/.
    const root = join(__dirname, "..", "..");
    const called = new Map<string, Set<string>>(STATE_MODULE_PATHS.map((p) => [p, new Set<string>()]));
    for (const provider of Object.values(PROVIDERS)) {
      for (const [method, fn] of Object.entries(provider)) {
        for (const p of requiredPaths({ fn })) called.get(p)?.add(method);
      }
    }
    for (const [p, methods] of called) {
      assert.ok(methods.size > 0, `${p} is frozen but no provider requires it`);
      const file = require.resolve(p, { paths: [root] });
      assert.match(file, /[/\\]dist[/\\]provider[/\\][^/\\]+\.js$/, `${p} resolved to ${file}`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(file) as Record<string, unknown>;
      for (const m of methods) {
        assert.ok((LIFECYCLE_METHODS as readonly string[]).includes(m), `${m} is not a lifecycle method`);
        assert.equal(typeof mod[m], "function", `${p} does not export ${m}`);
      }
    }
  });
});
