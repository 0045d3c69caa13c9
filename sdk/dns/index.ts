// DNS for DCV pre-flight and CAA: a small client (UDP/TCP), iterative lookups from configurable
// servers, per-server record checks, RFC 8659 CAA. No Pulumi import.
export { decodeMessage, encodeQuery, normalizeName, TYPES, type CaaData, type DnsMessage, type RecordType, type ResourceRecord } from "./wire";
export { formatServer, parseServer, query, DnsTimeoutError, type ServerAddress } from "./transport";
export { DnsResolver, DnsLookupError, parent, type DnsResolverOptions, type LookupResult, type Nameserver, type ZoneInfo } from "./resolver";
export { checkRecord, describeCheck, type ExpectedRecord, type RecordCheck, type RecordState, type ServerView } from "./record-check";
export { caaDecision, issuerOf, relevantCaa, type CaaDecision, type CaaLookup } from "./caa";
export { checkHttpFile, type HttpFileCheck } from "./http-file";
