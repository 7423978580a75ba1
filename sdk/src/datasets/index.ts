import type { DatasetInput } from "../core/dataset.js";
import { foxHunt } from "./fox-hunt/data.js";
import { mostWanted } from "./most-wanted/data.js";
import { partners } from "./partners/data.js";
import { skyNet } from "./sky-net/data.js";
import { spp } from "./spp/data.js";
import { timeline } from "./timeline/data.js";
import { treaties } from "./treaties/data.js";

/** Every dataset, in the order the add-in and the exports list them. */
export const DATASETS: DatasetInput[] = [skyNet, foxHunt, treaties, spp, mostWanted, timeline, partners];
