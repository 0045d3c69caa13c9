// The native provider's configuration (`nicsrs:<name>` in stack config, or a provider resource's
// inputs), with the environment variables provider/credentials.ts and sectigo-credentials.ts fall back to.
import { CONFIG_ENDPOINT, CONFIG_TOKEN, ENV_ENDPOINT, ENV_TOKEN } from "../credentials";
import { SECTIGO_CONFIG, SECTIGO_ENV } from "../sectigo-credentials";

export interface ConfigField {
  readonly description: string;
  readonly secret?: true;
  /** Environment variables read when the config value is unset. */
  readonly env: readonly string[];
  /** The key provider/credentials.ts or sectigo-credentials.ts reads (the dynamic provider's config key). */
  readonly dynamicKey: string;
}

export const CONFIG_FIELDS = {
  apiToken: { description: "NicSRS API token.", secret: true, env: [ENV_TOKEN], dynamicKey: CONFIG_TOKEN },
  endpoint: { description: "NicSRS API base URL (default https://portal.nicsrs.com).", env: [ENV_ENDPOINT], dynamicKey: CONFIG_ENDPOINT },
  sectigoLoginName: { description: "Sectigo reseller login name.", env: [SECTIGO_ENV.loginName], dynamicKey: SECTIGO_CONFIG.loginName },
  sectigoLoginPassword: { description: "Sectigo reseller password.", secret: true, env: [SECTIGO_ENV.loginPassword], dynamicKey: SECTIGO_CONFIG.loginPassword },
  sectigoEndpoint: { description: "Sectigo API base URL.", env: [SECTIGO_ENV.endpoint], dynamicKey: SECTIGO_CONFIG.endpoint },
} as const satisfies Record<string, ConfigField>;
