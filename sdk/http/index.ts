// HTTP pieces shared by the NicSRS and Sectigo clients.
export * from "./never-sent";
export * from "./backoff";
export * from "./time-budget";
export * from "./redact";
