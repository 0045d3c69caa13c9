// Shared inputs for the provider tests.
export const administrator = {
  firstName: "Ada",
  lastName: "Lovelace",
  job: "Engineer",
  email: "ada@example.com",
  mobile: "+44 20 7946 0000",
  address: "1 Analytical Way",
  city: "London",
  state: "London",
  postCode: "N1 9GU",
  country: "GB",
  organization: "Example Ltd",
};

export const organization = {
  organizationName: "Example Ltd",
  organizationCity: "London",
  organizationMobile: "+44 20 7946 0000",
  organizationAddress: "1 Analytical Way",
  organizationCountry: "GB",
  organizationPostCode: "N1 9GU",
};

export function baseInputs(): Record<string, unknown> {
  return {
    productCode: "positivessl-multi-domain",
    years: 1,
    domains: ["www.example.com", "api.example.com"],
    administrator: { ...administrator },
    refIdSeed: "test/dev/web",
  };
}

/** A Certificate's state as create leaves it once issued: the inputs echoed plus the order's outputs. */
export function issuedState(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...baseInputs(),
    certId: "261201abcdefghij",
    status: "COMPLETE",
    placedAt: "2026-12-01T00:00:00.000Z",
    notBefore: "2026-12-01T00:00:00.000Z",
    notAfter: "2027-06-19T00:00:00.000Z",
    subscriptionEndsAt: "2027-12-01T00:00:00.000Z",
    ...over,
  };
}
