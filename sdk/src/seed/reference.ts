/** The seed article's reference date: its "on Wednesday" is Wednesday 1 April 2015 (see seeds/*.meta.json). */
export const SEED_REFERENCE_DATE = "2015-04-01";

/** Repo-relative path of the seed copy. */
export const SEED_PATH = "seeds/sky-net-fox-hunt-2015.txt";

/** Source id of the seed article. */
export const SEED_SOURCE = "seed";
