import type { Unit } from "./schema.js";

/** The units that are money: stored in whole units of the currency, shown in billions. */
export const MONEY_UNITS = ["CNY", "USD"] as const;
export type Currency = (typeof MONEY_UNITS)[number];

/** True for a money unit (CNY, USD). */
export const isMoneyUnit = (unit: Unit | string | null | undefined): unit is Currency => unit === "CNY" || unit === "USD";
