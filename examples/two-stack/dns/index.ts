// The DNS stack: reads the certificate stack's `dcvRecords` through a StackReference and creates
// one DNS record per entry. Here the records go to PowerDNS through its HTTP API (the offline
// stand-in); with Cloudflare or Route53 the loop creates cloudflare.DnsRecord / aws.route53.Record
// from the same fields (see ../../cloudflare and ../../route53).
//
//   pulumi config set certStack organization/nicsrs-two-stack-cert/dev
//   pulumi config set zone example.com
//   pulumi config set apiUrl http://127.0.0.1:8081/api/v1/servers/localhost
//   pulumi config set --secret apiKey <PowerDNS API key>
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import type { DcvRecordOut } from "pulumi-nicsrs";
import { PowerDnsRecord } from "../../powerdns/record";

const config = new pulumi.Config();

// An async program: the number of records is read from the certificate stack before any resource
// is declared, so `pulumi preview` shows each record.
export = async () => {
  const certStack = new pulumi.StackReference(config.require("certStack"));
  const details = await certStack.getOutputDetails("dcvRecords");
  const records = (details.value ?? details.secretValue) as DcvRecordOut[] | undefined;
  if (!records) {
    throw new Error(`the stack ${config.require("certStack")} has no dcvRecords output yet: run its \`pulumi up\` first`);
  }
  const published = records.map(
    (r) =>
      new PowerDnsRecord(`dcv-${r.domain}`, {
        apiUrl: config.require("apiUrl"),
        apiKey: config.requireSecret("apiKey"),
        zone: config.require("zone"),
        name: r.name,
        type: r.type,
        value: r.value,
      }),
  );
  return { recordFqdns: published.map((p) => p.name) };
};
