// The shape of a field table: one entry per input or output of a resource, with everything the
// Pulumi package schema and the dynamic providers (defaults, diff keys, secret and declared outputs,
// check messages) derive from it. Pure data: no Pulumi, no zod.

/** A field's type: a primitive, a list or string-keyed map of one, or one of the object types in ./object-types. */
export type FieldType =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | { readonly array: FieldType }
  | { readonly map: FieldType }
  | { readonly ref: string };

export interface Field {
  readonly type: FieldType;
  readonly description: string;
  /** The value the provider uses when the input is absent. */
  readonly default?: string | number | boolean;
  /** Allowed values of a string or number (told in the description and the schema). */
  readonly allowed?: readonly (string | number)[];
  /** What a check failure says is allowed, when `allowed` does not say it (e.g. "an integer from 1 to 6"). */
  readonly allowedText?: string;
  readonly required?: true;
  /** Stored encrypted in state; never shown in plain text. */
  readonly secret?: true;
  /** A change to this input replaces the resource (a new order). */
  readonly replaceOnChanges?: true;
  /** Never changes on an in-place update (the engine keeps its outputs known in preview). */
  readonly stable?: true;
  /** Matters only when the resource is created; later changes are kept in state and change nothing. */
  readonly createOnly?: true;
}

export type Fields = Readonly<Record<string, Field>>;
/** Fields, or entries that only carry some facts (the hidden inputs). */
export type FieldFacts = Readonly<Record<string, Partial<Field>>>;

export interface ResourceTable<I extends Fields = Fields, O extends Fields = Fields> {
  /** Pulumi type token of the native provider, e.g. "nicsrs:index:Certificate". */
  readonly token: string;
  readonly description: string;
  readonly inputs: I;
  readonly outputs: O;
}

export interface ObjectType {
  readonly description: string;
  readonly properties: Fields;
}

/** Builds a field keeping the literal types of `extra` (defaults and allowed values stay typed). */
export const field =
  <T extends FieldType>(type: T) =>
  <const E extends Partial<Field>>(description: string, extra?: E): { readonly type: T; readonly description: string } & E =>
    ({ type, description, ...extra }) as { readonly type: T; readonly description: string } & E;

/** `"a", "b" or "c"`: allowed values as a check failure shows them. */
export const quoteList = (xs: readonly (string | number)[]): string =>
  xs.map((x) => (typeof x === "string" ? JSON.stringify(x) : String(x))).join(", ").replace(/, ([^,]*)$/, " or $1");

/** The text a check failure shows for what the field allows. */
export const allowedTextOf = (f: Pick<Field, "allowed" | "allowedText"> | undefined): string | undefined =>
  f?.allowedText ?? (f?.allowed ? quoteList(f.allowed) : undefined);

export const secretNames = (fields: FieldFacts): string[] => Object.keys(fields).filter((k) => fields[k].secret);
export const replaceNames = (fields: FieldFacts): string[] => Object.keys(fields).filter((k) => fields[k].replaceOnChanges);
export const stableNames = (fields: FieldFacts): string[] => Object.keys(fields).filter((k) => fields[k].stable);
/** The field names of a table, typed. */
export const namesOf = <F extends FieldFacts>(fields: F): (keyof F & string)[] => Object.keys(fields);
export const createOnlyNames = (fields: FieldFacts): string[] => Object.keys(fields).filter((k) => fields[k].createOnly);
export const requiredNames = (fields: FieldFacts): string[] => Object.keys(fields).filter((k) => fields[k].required);
export const defaultsOf = (fields: Fields): Record<string, string | number | boolean> =>
  Object.fromEntries(Object.entries(fields).flatMap(([k, f]) => (f.default === undefined ? [] : [[k, f.default]])));
