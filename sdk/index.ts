export * from "./nicsrs/wire-types";
export { NICSRS_CODES, describeCode } from "./nicsrs/wire";
export * from "./x509";
export * from "./nicsrs";
export * from "./sectigo";
