// The module paths that every serialized dynamic provider `require`s at call time. Pulumi stores the
// provider's text, these paths included, in every resource of every user's state, so they can never
// move or be renamed once released: an implementation may move elsewhere, but the module at each
// path below must stay and keep exporting the lifecycle methods (re-exporting is fine).
// test/provider/state-paths.test.ts fails when a provider requires a path not listed here, or a
// listed path stops resolving through the package's `exports`.
export const STATE_MODULE_PATHS = [
  "pulumi-nicsrs/provider/cert-impl",
  "pulumi-nicsrs/provider/validation-impl",
  "pulumi-nicsrs/provider/sectigo-ssl-impl",
  "pulumi-nicsrs/provider/sectigo-smime-impl",
] as const;

/** What the module at each path exports for the dynamic-provider host. */
export const LIFECYCLE_METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;
