import type { ObservationInput, Period, SeriesInput } from "./schema.js";

export interface ObservationExtras {
  coverage?: ObservationInput["coverage"];
  qualifier?: ObservationInput["qualifier"];
  quote?: string;
  note?: string;
  conflict?: string;
  corroboratedBy?: string[];
  /** Disambiguates two observations of one series and period (kept conflicts). */
  idSuffix?: string;
}

/** Returns a writer of observations for these series: the unit comes from the series, the id from series and period. */
export function observationWriter(series: readonly SeriesInput[]) {
  const units = new Map(series.map((s) => [s.id, s.unit]));
  return (seriesId: string, value: number, period: Period, source: string, extras: ObservationExtras = {}): ObservationInput => {
    const unit = units.get(seriesId);
    if (!unit) throw new Error(`observationWriter: series "${seriesId}" is not among ${[...units.keys()].join(", ")}`);
    const { idSuffix, coverage = "full", qualifier = "exact", ...rest } = extras;
    return {
      id: `${seriesId}.${period.start}.${period.end}${idSuffix ? `.${idSuffix}` : ""}`,
      series: seriesId,
      value,
      unit,
      period,
      coverage,
      qualifier,
      source,
      ...rest,
    };
  };
}

/** Returns a writer of series for one dataset: ids are prefixed with the dataset id, agency and kind default as given. */
export function seriesWriter(defaults: Pick<SeriesInput, "dataset" | "agency" | "kind">) {
  return (id: string, title: string, description: string, unit: SeriesInput["unit"], measure: string, extra: Partial<SeriesInput> = {}): SeriesInput => ({
    id: `${defaults.dataset}.${id}`,
    title,
    description,
    unit,
    measure,
    ...defaults,
    ...extra,
  });
}
