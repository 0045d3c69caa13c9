// The four resources of the native provider: their type token, their lifecycle implementation (the
// very modules the dynamic providers load) and their secret outputs (from the field tables).
import * as certificate from "../cert-impl";
import * as smime from "../sectigo-smime-impl";
import * as ssl from "../sectigo-ssl-impl";
import * as validation from "../validation-impl";
import { secretNames } from "../schema/field-table";
import { RESOURCE_TABLES } from "../schema/tables";

type Props = Record<string, unknown>;

/** The exported lifecycle functions of a provider/*-impl module (`delete` may be absent). */
export interface Lifecycle {
  check(olds: Props, news: Props): Promise<{ inputs?: Props; failures?: { property: string; reason: string }[] }>;
  diff(id: string, olds: Props, news: Props): Promise<{ changes?: boolean; replaces?: string[]; stables?: string[]; deleteBeforeReplace?: boolean }>;
  create(inputs: Props): Promise<{ id: string; outs: Props }>;
  read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }>;
  update(id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  delete?(id: string, props: Props): Promise<void>;
}

const IMPLEMENTATIONS: Record<string, Lifecycle> = {
  "nicsrs:index:Certificate": certificate as unknown as Lifecycle,
  "nicsrs:index:CertificateValidation": validation as unknown as Lifecycle,
  "nicsrs:sectigo:SslCertificate": ssl as unknown as Lifecycle,
  "nicsrs:sectigo:SmimeCertificate": smime as unknown as Lifecycle,
};

export interface NativeResource {
  token: string;
  impl: Lifecycle;
  secretOutputs: string[];
}

export const NATIVE_RESOURCES: Record<string, NativeResource> = Object.fromEntries(
  RESOURCE_TABLES.map((t) => [t.token, { token: t.token, impl: IMPLEMENTATIONS[t.token], secretOutputs: secretNames(t.outputs) }]),
);

/** The resource type of a URN (`urn:pulumi:stack::project::[parent$]type::name`). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

export function resourceFor(urn: string): NativeResource {
  const r = NATIVE_RESOURCES[typeOfUrn(urn)];
  if (!r) throw new Error(`unknown resource type ${typeOfUrn(urn)} (this provider has ${Object.keys(NATIVE_RESOURCES).join(", ")})`);
  return r;
}

/**
 * The stable half of the derived refId, as the dynamic resource class makes it: project/stack/name
 * for a resource without parent (so both hosts derive the same refIds); with a parent, the URN.
 */
export function refIdSeedOf(urn: string): string {
  const [head, project, qualified, ...rest] = urn.split("::");
  const stack = head.replace(/^urn:pulumi:/, "");
  return qualified.includes("$") ? `${project}/${stack}/${urn}` : `${project}/${stack}/${rest.join("::")}`;
}
