import { z } from "zod";
import { Event, Id, Observation, Partner, ReleaseVersion, Series } from "./schema.js";

/** A chart a dataset offers: one or more series against their periods. */
export const ChartDefinition = z
  .object({
    id: Id,
    title: z.string().min(1),
    type: z.enum(["column", "line"]),
    series: z.array(Id).min(1),
  })
  .strict();
export type ChartDefinition = z.infer<typeof ChartDefinition>;

/** A record taken out of a dataset in a release, and why. */
export const Removal = z
  .object({ id: Id, release: ReleaseVersion, reason: z.string().min(10, "a reason is a few words saying why the record left") })
  .strict();
export type Removal = z.infer<typeof Removal>;

const base = {
  id: Id,
  title: z.string().min(1),
  /** Short name for its sheet and tab (Excel allows 31 characters); the title is used when absent. */
  sheet: z.string().min(1).max(31).optional(),
  description: z.string().min(1),
  /** Records removed in some release, each with its reason (they stay listed here for the changelog). */
  removed: z.array(Removal).optional(),
};

export const ObservationDataset = z
  .object({
    ...base,
    kind: z.literal("observations"),
    series: z.array(Series).min(1),
    observations: z.array(Observation).min(1),
    charts: z.array(ChartDefinition).default([]),
  })
  .strict();

export const EventDataset = z.object({ ...base, kind: z.literal("events"), events: z.array(Event).min(1) }).strict();

export const PartnerDataset = z.object({ ...base, kind: z.literal("partners"), partners: z.array(Partner).min(1) }).strict();

/** One dataset: a folder under `datasets/`, validated against this schema when the catalogue is built. */
export const Dataset = z.discriminatedUnion("kind", [ObservationDataset, EventDataset, PartnerDataset]);
export type Dataset = z.infer<typeof Dataset>;
export type DatasetInput = z.input<typeof Dataset>;
export type ObservationDataset = z.infer<typeof ObservationDataset>;

/** Identity helper that type-checks a dataset definition where it is written. */
export const defineDataset = <T extends DatasetInput>(d: T): T => d;
