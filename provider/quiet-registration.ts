// Registering a resource makes @pulumi/pulumi create four promises per property (transferProperties),
// each stamped by debuggablePromise with `new Error().stack`, synchronously inside the resource's
// constructor. Only the promise-leak report (PULUMI_DEBUG_PROMISE_LEAKS) reads those stacks, but
// formatting them is most of a Certificate's program-side cost, and under ts-node source-map-support
// rewrites every frame. The resource classes call super() between these two, so those stacks are empty.
//
// The resource's source position (a stack @pulumi/pulumi takes with its own limit) is kept. Empty:
// the stack of the error @pulumi/pulumi prepares for a RegisterResource RPC that the
// engine refuses ("failed to register new resource <name> [<type>]: ..."); its message still names the resource.
import * as pulumi from "@pulumi/pulumi";

/** Sets Error.stackTraceLimit to 0 (unless PULUMI_DEBUG_PROMISE_LEAKS is set); returns what restores it. */
export function quietPromiseStacks(): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

/**
 * The base of the package's dynamic resource classes: declares every output (so each is an Output
 * even when the program leaves it unset) and registers with the promise stacks quiet.
 */
export class QuietDynamicResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: Record<string, unknown>,
    outputNames: readonly string[],
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    for (const k of outputNames) if (!(k in props)) props[k] = undefined;
    const restore = quietPromiseStacks();
    try {
      super(provider, name, props, opts, module, type);
    } finally {
      restore();
    }
  }
}
