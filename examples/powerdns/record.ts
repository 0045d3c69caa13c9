// A DNS record in a PowerDNS zone, managed through the PowerDNS HTTP API: the local stand-in for
// cloudflare.DnsRecord / aws.route53.Record in the quickstart, the demo and the e2e suite.
// The provider's methods call ./api, which Pulumi serializes by value with them (it uses only the global fetch).
import * as pulumi from "@pulumi/pulumi";
import { deleteRecord, upsertRecord } from "./api";

export interface PowerDnsRecordArgs {
  /** e.g. http://127.0.0.1:8081/api/v1/servers/localhost */
  apiUrl: pulumi.Input<string>;
  apiKey: pulumi.Input<string>;
  /** The zone the record lives in, e.g. "example.test". */
  zone: pulumi.Input<string>;
  /** Record FQDN. */
  name: pulumi.Input<string>;
  type: pulumi.Input<"CNAME" | "TXT">;
  /** Bare value: a host name for CNAME, the text for TXT. */
  value: pulumi.Input<string>;
  ttl?: pulumi.Input<number>;
}

interface RecordState {
  apiUrl: string;
  apiKey: string;
  zone: string;
  name: string;
  type: "CNAME" | "TXT";
  value: string;
  ttl?: number;
}

const powerDnsRecordProvider: pulumi.dynamic.ResourceProvider = {
  async diff(_id: string, olds: RecordState, news: RecordState) {
    const keys = ["apiUrl", "zone", "name", "type", "value", "ttl"] as const;
    const changed = keys.filter((k) => olds[k] !== news[k]);
    const replaces = changed.filter((k) => k === "zone" || k === "name" || k === "type");
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: true };
  },
  async create(inputs: RecordState) {
    await upsertRecord(inputs, { zone: inputs.zone, name: inputs.name, type: inputs.type, content: inputs.value, ttl: inputs.ttl });
    return { id: `${inputs.name}|${inputs.type}`, outs: inputs };
  },
  async update(_id: string, _olds: RecordState, news: RecordState) {
    await upsertRecord(news, { zone: news.zone, name: news.name, type: news.type, content: news.value, ttl: news.ttl });
    return { outs: news };
  },
  async delete(_id: string, props: RecordState) {
    await deleteRecord(props, props);
  },
};

export class PowerDnsRecord extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly type: pulumi.Output<string>;
  declare readonly value: pulumi.Output<string>;

  constructor(name: string, args: PowerDnsRecordArgs, opts?: pulumi.CustomResourceOptions) {
    super(powerDnsRecordProvider, name, { ...args, apiKey: pulumi.secret(args.apiKey) }, opts, "nicsrs-examples", "PowerDnsRecord");
  }
}
