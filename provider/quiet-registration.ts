// Registering a resource makes @pulumi/pulumi create four promises per property (transferProperties),
// each stamped by debuggablePromise with `new Error().stack`, synchronously inside the resource's
// constructor. Only the promise-leak report (PULUMI_DEBUG_PROMISE_LEAKS) reads those stacks, but
// formatting them is most of a Certificate's program-side cost, and under ts-node source-map-support
// rewrites every frame. The resource classes call super() between these two, so those stacks are empty.
//
// The resource's source position (a stack @pulumi/pulumi takes with its own limit) is kept. Empty:
// the stack of the error @pulumi/pulumi prepares for a RegisterResource RPC that the
// engine refuses ("failed to register new resource <name> [<type>]: ..."); its message still names the resource.

/** Sets Error.stackTraceLimit to 0 (unless PULUMI_DEBUG_PROMISE_LEAKS is set); returns what restores it. */
export function quietPromiseStacks(): () => void {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
