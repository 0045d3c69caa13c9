export * from "./nicsrs/wire";
export * from "./nicsrs";
