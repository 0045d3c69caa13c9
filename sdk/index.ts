export * from "./nicsrs/wire";
export * from "./x509";
export * from "./nicsrs";
export * from "./sectigo";
