import type { Partner, PartnerRole, Precision } from "../../core/schema.js";

/** A partner record; its id is the ISO code and role, so a country appears once per role. */
export const partner = (iso2: string, country: string, role: PartnerRole, detail: string, when: { start: string; precision: Precision }, quote: string): Omit<Partner, "source"> => ({
  id: `${iso2.toLowerCase()}.${role}`,
  country,
  iso2,
  role,
  detail,
  date: when.start,
  precision: when.precision,
  quote,
});
