import "@testing-library/jest-dom";
import { TextDecoder, TextEncoder } from "node:util";

// jsdom has no TextDecoder/TextEncoder, which every browser the pane runs in has (the .xlsx
// reader and writer of the preview use them).
Object.assign(globalThis, { TextDecoder, TextEncoder });
