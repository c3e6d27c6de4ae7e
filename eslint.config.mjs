import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import boundaries from "./eslint-rules/boundaries.mjs";

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "coverage/**", "test/output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { globals: { ...globals.browser, ...globals.node, Office: "readonly", Excel: "readonly" } },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/load-object-before-read": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Security: nothing from a workbook may become markup or code.
    files: ["src/**"],
    plugins: { react },
    rules: {
      "react/no-danger": "error",
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Render text with React; never assign HTML." },
        { property: "outerHTML", message: "Render text with React; never assign HTML." },
        { property: "insertAdjacentHTML", message: "Render text with React; never assign HTML." },
      ],
    },
  },
  {
    files: ["src/domain/**"],
    rules: { "no-restricted-globals": ["error", "Excel", "Office", "document", "window"] },
  },
  {
    // Layer boundaries, checked on the resolved path (no `../` depth or detour walks around them).
    files: ["src/**"],
    plugins: { balans: boundaries },
    rules: {
      "balans/import-boundaries": [
        "error",
        {
          zones: [
            {
              from: "src/domain",
              allowDirs: ["src/domain"],
              allowPackages: ["decimal.js", "date-fns"],
              message: "src/domain is pure: it imports only src/domain, decimal.js and date-fns",
            },
            { from: "src", forbidDirs: ["test", "bench"], message: "src never imports test/ or bench/ (fakes and test helpers stay out of the product)" },
            { from: "src/taskpane", forbidDirs: ["src/file"], message: "src/taskpane never imports src/file (the pane reaches a workbook through a WorkbookPort)" },
          ],
        },
      ],
    },
  },
  {
    // Only the Excel adapter runs Excel batches: no Excel.run, Excel["run"], globalThis.Excel,
    // and no alias of Excel (const X = Excel, const { run } = Excel, f(Excel)) anywhere else.
    // Types such as Excel.Range stay allowed.
    files: ["src/**"],
    ignores: ["src/excel/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...[
          "MemberExpression[object.name='Excel'][property.name='run']",
          "MemberExpression[object.name='Excel'][computed=true]",
          "MemberExpression[property.name='Excel']",
          "MemberExpression[computed=true][property.value='Excel']",
          "VariableDeclarator[init.type='Identifier'][init.name='Excel']",
          "AssignmentExpression[right.type='Identifier'][right.name='Excel']",
          "CallExpression > Identifier.arguments[name='Excel']",
          "Property > Identifier.value[name='Excel']",
          "ArrayExpression > Identifier[name='Excel']",
        ].map((selector) => ({ selector, message: "Only src/excel may use Excel.run (one Excel.run per action, in the Excel adapter)." })),
      ],
    },
  },
  {
    // Rules of hooks (and the React Compiler's checks) for the pane and the preview.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/preview/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The pane and the preview reach a workbook only through a WorkbookPort (src/app/port.ts).
    files: ["src/preview/**", "src/taskpane/components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/excel/*", "**/commands/*"] }] },
  },
  { files: ["**/*.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
