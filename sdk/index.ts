export * from "./nicsrs/wire";
