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
