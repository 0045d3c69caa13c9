// Where the Sectigo credentials come from (stack config keys, environment variables): plain names,
// apart from ./sectigo-credentials so that the program side (the package root) does not load the
// Sectigo client to export them.
export const SECTIGO_CONFIG = { loginName: "sectigo:loginName", loginPassword: "sectigo:loginPassword", endpoint: "sectigo:endpoint" } as const;
export const SECTIGO_ENV = { loginName: "SECTIGO_LOGIN_NAME", loginPassword: "SECTIGO_LOGIN_PASSWORD", endpoint: "SECTIGO_ENDPOINT" } as const;
