/**
 * Start-up decisions of the task pane page, kept apart from index.tsx so that they can be
 * tested without Office.
 *
 * Inside Office the page waits for `Office.onReady` as long as it takes: on a cold start over a
 * slow link office.js downloads more than a megabyte of its own scripts first, and a page that
 * gave up after a few seconds would end up as the preview inside Excel with no way back.
 * The preview is chosen only when office.js is absent (a plain page, the CDN blocked) or when
 * it answers that there is no host (`info.host` null: a browser tab outside Office).
 */

/** What `Office.onReady()` resolves with (host and platform may be null outside Office). */
export interface OfficeReadyInfo {
  host: string | null;
  platform: string | null;
}

interface OfficeLike {
  onReady: () => Promise<{ host: unknown; platform: unknown } | null | undefined>;
}

/** How the start-up ended. */
export type OfficeStart =
  /** office.js is not loaded (or has no onReady): the page runs outside Office. */
  | { kind: "no-office" }
  /** office.js answered that there is no Office host. */
  | { kind: "no-host"; info: OfficeReadyInfo }
  /** office.js answered with a host (Excel, or another Office application). */
  | { kind: "host"; info: OfficeReadyInfo }
  /** `Office.onReady` threw or rejected. */
  | { kind: "failed"; error: unknown };

/** After this long without an answer from office.js the page says it is still waiting. @default 10000 */
export const OFFICE_SLOW_NOTICE_MS = 10_000;

/** The global `Office`, or undefined when office.js is not loaded (guarded for a bare page). */
export function globalOffice(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Waits for office.js, without a time limit, and says how the start-up ended. Never rejects.
 * `onSlow` is called once when office.js has not answered after `slowAfterMs`; waiting goes on.
 */
export function waitForOffice(
  office: OfficeLike | undefined = globalOffice(),
  onSlow?: () => void,
  slowAfterMs: number = OFFICE_SLOW_NOTICE_MS,
): Promise<OfficeStart> {
  if (office === undefined || office === null || typeof office.onReady !== "function") {
    return Promise.resolve({ kind: "no-office" });
  }
  return new Promise((resolve) => {
    const timer = onSlow === undefined ? undefined : setTimeout(onSlow, slowAfterMs);
    const done = (start: OfficeStart): void => {
      if (timer !== undefined) clearTimeout(timer);
      resolve(start);
    };
    let ready: ReturnType<OfficeLike["onReady"]>;
    try {
      ready = office.onReady();
    } catch (error) {
      done({ kind: "failed", error });
      return;
    }
    Promise.resolve(ready).then(
      (raw) => {
        const info: OfficeReadyInfo = { host: text(raw?.host), platform: text(raw?.platform) };
        done(info.host === null ? { kind: "no-host", info } : { kind: "host", info });
      },
      (error: unknown) => done({ kind: "failed", error }),
    );
  });
}

/** True when the page runs inside Excel (Office.HostType.Excel is the string "Excel"). */
export function isExcelHost(info: OfficeReadyInfo | null): boolean {
  return info !== null && info.host === "Excel";
}

/** What the page does at the end of the start-up. */
export type StartupRoute = "excel" | "preview" | "other-host" | "failed";

/** Where a start-up goes: the add-in inside Excel, the preview only outside Office. */
export function routeFor(start: OfficeStart): StartupRoute {
  switch (start.kind) {
    case "no-office":
    case "no-host":
      return "preview";
    case "host":
      return isExcelHost(start.info) ? "excel" : "other-host";
    case "failed":
      return "failed";
  }
}

/**
 * Set by the start-up check (src/startup/platformCheck.js) when this engine cannot run
 * Balans; the bundles then start nothing, the check's message stays.
 */
export function platformUnsupported(): boolean {
  try {
    const flag = (globalThis as { __balansUnsupported?: unknown }).__balansUnsupported;
    return typeof flag === "string" && flag !== "";
  } catch {
    return false;
  }
}
