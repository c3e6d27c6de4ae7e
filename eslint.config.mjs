import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import react from "eslint-plugin-react";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/output/**"] },
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
    rules: {
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window"],
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "@fluentui/*", "exceljs", "fs", "node:*", "../excel/*", "../taskpane/*", "../commands/*", "../file/*"] }],
    },
  },
  {
    // The pane and the preview reach a workbook only through a WorkbookPort (src/app/port.ts).
    files: ["src/preview/**", "src/taskpane/components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/excel/*", "**/commands/*"] }] },
  },
  { files: ["**/*.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);
