/* Balans: webpack build of the task pane, the ribbon's function file and its message dialog.
 * Shaped like Microsoft's Office-Addin-TaskPane-React template, with these differences:
 * - ts-loader compiles with module "esnext" so that Fluent UI is tree-shaken (with
 *   "commonjs" the pane came out at 17 MiB); transpileOnly: `npm run typecheck` checks types.
 * - devtool "source-map" in both modes: no eval, so the pages' CSP needs no 'unsafe-eval'.
 * - Dev certificates are read from ~/.office-addin-dev-certs directly when they exist
 *   (office-addin-dev-certs' getHttpsServerOptions() throws where the CA cannot be trusted);
 *   without them the dev server speaks plain http.
 * - A budget check: the task pane's initial JS must stay under 300 KiB gzipped, and nothing
 *   from src/preview/ may be in it (that code is for a lazy import()).
 * - src/startup/platformCheck.js (plain ES5) is copied as dist/platform-check.js: every page
 *   loads it first, and it shows a message on engines below the platform floor.
 * - Production: BALANS_URL_PROD is the hosting address in dist/manifest.xml. Without it the
 *   manifest keeps https://localhost:3000/ and the build warns (so CI and the tests can build);
 *   a placeholder host such as contoso.com fails the build.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";

/** Gzipped budget for the JavaScript the task pane loads before it can show anything. */
const TASKPANE_GZIP_BUDGET = 300 * 1024;

/** Key, certificate and CA made by `npx office-addin-dev-certs install`, or null if absent. */
function readDevCerts() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  try {
    return {
      key: fs.readFileSync(path.join(dir, "localhost.key")),
      cert: fs.readFileSync(path.join(dir, "localhost.crt")),
      ca: fs.readFileSync(path.join(dir, "ca.crt")),
    };
  } catch {
    return null;
  }
}

/** Hosts from Microsoft's samples and the documentation: never a real add-in's address. */
const PLACEHOLDER_HOSTS = /(^|\.)(contoso\.com|example\.(com|org|net)|your-host)$/i;

/**
 * Where the production manifest points. BALANS_URL_PROD (an https:// URL) is the hosting
 * address; without it the manifest keeps the development address https://localhost:3000/ (good
 * for sideloading from `npm start`, for CI and for the tests) and the build says so loudly.
 * A placeholder host (contoso.com, example.com) or a non-https URL fails the build.
 * @returns {{ url: string, fromEnv: boolean }}
 */
function productionUrl(value = process.env.BALANS_URL_PROD) {
  const raw = (value || "").trim();
  if (raw === "") return { url: urlDev, fromEnv: false };
  const url = raw.endsWith("/") ? raw : `${raw}/`;
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    // reported below
  }
  if (!/^https:\/\/[^/]+\//.test(url) || host === "") {
    throw new Error(`BALANS_URL_PROD must be an https:// URL (Office requires it), got "${raw}"`);
  }
  if (PLACEHOLDER_HOSTS.test(host)) {
    throw new Error(`BALANS_URL_PROD points at a placeholder host (${host}): set it to the address where dist/ is published`);
  }
  return { url, fromEnv: true };
}

/** The warning a production build without BALANS_URL_PROD prints (and writes into dist/manifest.xml). */
const LOCALHOST_MANIFEST_WARNING =
  "BALANS_URL_PROD is not set: dist/manifest.xml points at https://localhost:3000/ (sideloading from `npm start` only). " +
  "For the organisation build with BALANS_URL_PROD=https://your-host/ npm run build.";

/** The manifest for `url`: the development address replaced, and a comment when it stays localhost. */
function productionManifest(xml, url) {
  const replaced = xml.split(urlDev).join(url);
  if (url !== urlDev) return replaced;
  const note = `<!-- ${LOCALHOST_MANIFEST_WARNING.replace(/--/g, "- -")} -->\n`;
  return replaced.replace(/(<\?xml[^>]*\?>\s*)/, `$1${note}`);
}

/** Adds a build warning (shown by webpack in the build's output) when the manifest stays localhost. */
class LocalhostManifestWarningPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalhostManifestWarningPlugin", (compilation) => {
      compilation.warnings.push(new compiler.webpack.WebpackError(LOCALHOST_MANIFEST_WARNING));
    });
  }
}

/**
 * Measures the task pane's initial JavaScript (gzipped) and fails the build when it is over
 * budget (production) or contains modules from src/preview/ (any mode).
 */
class TaskpaneBudgetPlugin {
  constructor({ entry, budget, enforce }) {
    this.entry = entry;
    this.budget = budget;
    this.enforce = enforce;
  }

  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("TaskpaneBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "TaskpaneBudgetPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE },
        () => {
          const entrypoint = compilation.entrypoints.get(this.entry);
          if (!entrypoint) return;
          const previewDir = `${path.sep}src${path.sep}preview${path.sep}`;
          let raw = 0;
          let gzip = 0;
          for (const chunk of entrypoint.chunks) {
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const resource = module.resource || (module.rootModule && module.rootModule.resource) || "";
              if (resource.includes(previewDir)) {
                compilation.errors.push(
                  new WebpackError(
                    `${path.relative(compiler.context, resource)} is in the task pane's initial JS: ` +
                      "import src/preview/ lazily, with import().",
                  ),
                );
              }
            }
            for (const file of chunk.files) {
              if (!file.endsWith(".js")) continue;
              const source = compilation.getAsset(file).source.buffer();
              raw += source.length;
              gzip += zlib.gzipSync(source, { level: 9 }).length;
            }
          }
          const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
          const budget = `budget ${kib(this.budget)} gzip${this.enforce ? "" : ", checked in production builds only"}`;
          const line = `${this.entry} initial JS: ${kib(raw)} raw, ${kib(gzip)} gzip (${budget})`;
          compilation.getLogger("TaskpaneBudgetPlugin").info(line);
          if (this.enforce && gzip > this.budget) {
            compilation.errors.push(new WebpackError(`${line}: over budget`));
          }
        },
      );
    });
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  // BALANS_DEV_HTTP=1 (set by `npm start -- --http`) serves plain http even when certificates exist.
  const certs = serving && !process.env.BALANS_DEV_HTTP ? readDevCerts() : null;
  const prod = dev ? null : productionUrl();
  if (prod !== null && !prod.fromEnv) {
    const line = "!".repeat(100);
    console.warn(`\n${line}\n  WARNING: ${LOCALHOST_MANIFEST_WARNING}\n${line}\n`);
  }

  const html = (name, template, chunk) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [chunk], hash: true, minify: false });

  return {
    mode: dev ? "development" : "production",
    // webpack's own runtime code in ES2020 syntax too (see platform-check.js for the floor).
    target: ["web", "es2020"],
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      message: "./src/commands/message.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // "esnext" keeps import/export for webpack to tree-shake; tsconfig's noEmit is for tsc only.
              // target ES2020 (tsconfig says ES2022 for the type-check): the syntax of the
              // platform floor (WebView2, Safari 16.4); useDefineForClassFields keeps ES2022's
              // class-field semantics.
              compilerOptions: {
                module: "esnext",
                target: "es2020",
                useDefineForClassFields: true,
                noEmit: false,
                sourceMap: true,
              },
            },
          },
        },
        {
          // The engine and app modules have no import-time side effects (src/domain/ is pure by
          // lint rule), so what an entry does not use is dropped even behind domain/index's
          // `export *` (the function file needs only defaultOptions/todayIso from it).
          test: /[\\/]src[\\/](domain|app)[\\/].*\.tsx?$/,
          sideEffects: false,
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      splitChunks: {
        // Only code behind import() is split off: the entry points stay one file each, and the
        // preview (src/preview/ and what only it uses, such as exceljs) stays out of the pane's
        // initial JS.
        chunks: "async",
        cacheGroups: {
          preview: {
            test: /[\\/]src[\\/]preview[\\/]/,
            name: "preview",
            chunks: "async",
            enforce: true,
            priority: 20,
          },
        },
      },
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          // Plain ES5, copied as it is: it must parse in every engine Office may use.
          { from: "src/startup/platformCheck.js", to: "platform-check.js" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return prod === null ? content : productionManifest(content.toString(), prod.url);
            },
          },
        ],
      }),
      html("taskpane", "./src/taskpane/taskpane.html", "taskpane"),
      html("commands", "./src/commands/commands.html", "commands"),
      html("message", "./src/commands/message.html", "message"),
      new TaskpaneBudgetPlugin({ entry: "taskpane", budget: TASKPANE_GZIP_BUDGET, enforce: !dev }),
      ...(prod !== null && !prod.fromEnv ? [new LocalhostManifestWarningPlugin()] : []),
    ],
    performance: {
      // Raw sizes (webpack cannot hint on gzip; TaskpaneBudgetPlugin enforces the gzip budget).
      hints: dev ? false : "warning",
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: certs ? { type: "https", options: certs } : { type: "http" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: false,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

// For test/unit/manifest.test.ts.
module.exports.productionUrl = productionUrl;
module.exports.productionManifest = productionManifest;
module.exports.LOCALHOST_MANIFEST_WARNING = LOCALHOST_MANIFEST_WARNING;
