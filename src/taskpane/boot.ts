/**
 * Start-up decisions of the task pane page, kept apart from index.tsx so that they can be
 * tested without Office: whether office.js answers in time, and whether the host is Excel.
 */

/** What `Office.onReady()` resolves with (host and platform may be null outside Office). */
export interface OfficeReadyInfo {
  host: string | null;
  platform: string | null;
}

interface OfficeLike {
  onReady: () => Promise<{ host: unknown; platform: unknown }>;
}

/** How long the page waits for office.js before it shows the preview. @default 2000 */
export const OFFICE_READY_TIMEOUT_MS = 2000;

/** The global `Office`, or undefined when office.js is not loaded (guarded for a bare page). */
export function globalOffice(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

/**
 * Resolves with Office's ready info, or null when office.js is absent, fails, or does not
 * answer within `timeoutMs` (if office.js cannot load, `onReady` never resolves). Never rejects.
 */
export function waitForOffice(
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
  office: OfficeLike | undefined = globalOffice(),
): Promise<OfficeReadyInfo | null> {
  if (office === undefined || typeof office.onReady !== "function") return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (info: OfficeReadyInfo | null): void => {
      clearTimeout(timer);
      resolve(info);
    };
    let ready: Promise<{ host: unknown; platform: unknown }>;
    try {
      ready = office.onReady();
    } catch {
      done(null);
      return;
    }
    Promise.resolve(ready).then(
      (info) =>
        done(
          info
            ? {
                host: info.host === null || info.host === undefined ? null : String(info.host),
                platform: info.platform === null || info.platform === undefined ? null : String(info.platform),
              }
            : null,
        ),
      () => done(null),
    );
  });
}

/** True when the page runs inside Excel (Office.HostType.Excel is the string "Excel"). */
export function isExcelHost(info: OfficeReadyInfo | null): boolean {
  return info !== null && info.host === "Excel";
}
