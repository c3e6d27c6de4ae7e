/**
 * The preview page's workbook: which one is open (a {@link PreviewPort} per workbook), opening
 * an .xlsx the user chose, going back to the sample, downloading, and the page's messages.
 * Every failure ends in a message; the workbook shown stays as it was.
 */
import * as React from "react";
import { readXlsx } from "../../../file/readXlsx";
import { downloadBytes, downloadName, readFileBytes } from "../../browserFiles";
import { createSamplePort, PreviewPort } from "../../PreviewPort";

/** Name of the downloaded file when the workbook has no file name (the sample before it is named). */
export const DOWNLOAD_NAME = "balans-forhandsvisning.xlsx";

export type PageMessage =
  | { kind: "open-failed"; file: string; notXlsx: boolean; detail: string | null }
  | { kind: "unsupported"; parts: string[] }
  | { kind: "download-failed"; detail: string | null };

export interface OpenWorkbook {
  port: PreviewPort;
  /** Changes with every workbook opened (the pane starts afresh for it). */
  seq: number;
}

export interface PreviewWorkbookState {
  current: OpenWorkbook;
  /** The name of the file being read, or null. */
  reading: string | null;
  downloading: boolean;
  message: PageMessage | null;
  openFile: (file: File) => Promise<void>;
  loadSample: () => void;
  download: () => Promise<void>;
  dismissMessage: () => void;
}

export interface UsePreviewWorkbookInput {
  /** The first workbook; the sample when absent. */
  initialPort?: PreviewPort | undefined;
  sampleName: string;
}

function detailOf(err: unknown): string | null {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === "string" && err.trim() !== "") return err;
  return null;
}

export function usePreviewWorkbook({ initialPort, sampleName }: UsePreviewWorkbookInput): PreviewWorkbookState {
  const [current, setCurrent] = React.useState<OpenWorkbook>(() => ({ port: initialPort ?? createSamplePort(sampleName), seq: 0 }));
  const [reading, setReading] = React.useState<string | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const [message, setMessage] = React.useState<PageMessage | null>(null);
  const openSeq = React.useRef(0);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const show = React.useCallback((port: PreviewPort) => {
    setCurrent((c) => ({ port, seq: c.seq + 1 }));
  }, []);

  const openFile = React.useCallback(
    async (file: File): Promise<void> => {
      openSeq.current += 1;
      const mine = openSeq.current;
      setReading(file.name);
      setMessage(null);
      try {
        const bytes = await readFileBytes(file);
        const result = await readXlsx(bytes);
        if (!mounted.current || mine !== openSeq.current) return;
        // The original bytes are kept: Balans's writes are patched into them (nothing else changes).
        show(new PreviewPort(result.workbook, file.name, { bytes, fileName: file.name }));
        // Charts, drawings and other parts the grid cannot show are kept in the package (the
        // download is the patched original), so nothing needs a warning.
      } catch (err) {
        if (!mounted.current || mine !== openSeq.current) return;
        setMessage({ kind: "open-failed", file: file.name, notXlsx: !/\.xls[xm]$/i.test(file.name), detail: detailOf(err) });
      } finally {
        if (mounted.current && mine === openSeq.current) setReading(null);
      }
    },
    [show],
  );

  const loadSample = React.useCallback((): void => {
    openSeq.current += 1;
    setReading(null);
    setMessage(null);
    show(createSamplePort(sampleName));
  }, [show, sampleName]);

  const download = React.useCallback(async (): Promise<void> => {
    setDownloading(true);
    try {
      const port = current.port;
      const bytes = await port.packageBytes();
      downloadBytes(bytes, port.fileName === null ? DOWNLOAD_NAME : downloadName(port.fileName, DOWNLOAD_NAME));
    } catch (err) {
      if (mounted.current) setMessage({ kind: "download-failed", detail: detailOf(err) });
    } finally {
      if (mounted.current) setDownloading(false);
    }
  }, [current]);

  const dismissMessage = React.useCallback(() => setMessage(null), []);

  return { current, reading, downloading, message, openFile, loadSample, download, dismissMessage };
}
