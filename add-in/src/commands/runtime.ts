// Entry of functions.js, the script the manifest names and the taskpane page loads (the shared runtime):
// the startup behaviour, then the custom functions, which register themselves with CustomFunctions.associate.
import { keepRuntimeLoaded } from "./commands.js";
import "../functions/functions.js";

void keepRuntimeLoaded();
