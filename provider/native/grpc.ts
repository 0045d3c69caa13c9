// The @grpc/grpc-js copy @pulumi/pulumi itself uses (it is not a direct dependency of this package):
// the provider server is built on it, so patches and clients must use the same module instance.
import { dirname } from "node:path";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
export function loadGrpc(): any {
  const pulumiDir = dirname(require.resolve("@pulumi/pulumi"));
  return require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
}
