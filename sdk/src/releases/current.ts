// Written by `npm run build`: the release bundled with the SDK and the add-in.
import release from "./2026.11.1.json" with { type: "json" };

export default release;
