// Vite config of the Excel add-in: builds dist/ (taskpane.html + assets, functions.js, functions.json, icons,
// support.html, production manifest.xml) and serves it over HTTPS on port 3000 (`vite` = dev, `vite preview` = dist).
import { parseNumber } from "office-addin-cli";
import { defaultClientConditions, defineConfig, type PreviewOptions, type UserConfig } from "vite";
import { PATHS, isNoise, paneReleaseLazy, scriptsLoadedAfterList, parseBaseUrl, skynetAddin } from "./scripts/addin-build.js";
import { devCertificates } from "./scripts/dev-certs.js";

export default defineConfig(async ({ command, isPreview }): Promise<UserConfig> => {
  const base = parseBaseUrl(process.env.ADDIN_BASE_URL);
  if (!base.ok) throw new Error(base.message);
  let server: PreviewOptions | undefined;
  if (command === "serve") {
    const port = parseNumber(process.env.npm_package_config_dev_server_port, "npm_package_config_dev_server_port must be a number") ?? 3000;
    const certs = await devCertificates({ install: !process.env.CI });
    for (const note of certs.notes) console.warn(`[skynet-addin] ${note}`);
    server = {
      port,
      strictPort: true,
      https: { ca: certs.ca, cert: certs.cert, key: certs.key },
      cors: true,
      headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": isPreview ? "no-cache" : "no-store" },
    };
  }
  return {
    root: PATHS.taskpaneRoot,
    base: "./",
    publicDir: false,
    clearScreen: false,
    resolve: { conditions: ["source", ...defaultClientConditions] },
    build: {
      outDir: PATHS.dist,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: true,
      rollupOptions: {
        input: { taskpane: `${PATHS.taskpaneRoot}/taskpane.html` },
        onLog: (level, log, handler) => (isNoise(log) ? undefined : handler(level, log)),
      },
    },
    server,
    preview: server,
    plugins: [paneReleaseLazy, skynetAddin({ baseUrl: base.url }), scriptsLoadedAfterList],
  };
});
