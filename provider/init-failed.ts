// "Created, but failed to initialize": an error from create / update that still records the
// resource in state, so a paid order is never lost when waiting for issuance times out.
type Props = Record<string, unknown>;

/** The engine stores `properties` as the resource's outputs. */
export function initFailed(message: string, id: string, props: Props): Error {
  return Object.assign(new Error(message), { id, properties: props, reasons: [message] });
}

/**
 * Runs a create or update whose init-failure properties must keep `__provider`: the dynamic-provider
 * host stores them verbatim (it adds the serialized provider only to successful results), and
 * refresh and destroy load the provider from the stored outputs.
 */
export async function keepingProvider<T>(inputs: Props, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const props = (err as { properties?: Props }).properties;
    if (props && props.__provider === undefined && inputs.__provider !== undefined) props.__provider = inputs.__provider;
    throw err;
  }
}
