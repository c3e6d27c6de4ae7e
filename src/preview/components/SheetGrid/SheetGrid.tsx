import * as React from "react";
import { mergeClasses, Tab, TabList } from "@fluentui/react-components";
import type { Language } from "../../../taskpane/i18n";
import type { PreviewPort } from "../../PreviewPort";
import type { PreviewStrings } from "../../previewStrings";
import { columnLetter } from "../../../domain/columnLetter";
import { buildSheetView, type GridCell, MAX_GRID_ROWS } from "../../sheetView";
import { useSheetGridStyles } from "./SheetGrid.styles";

/** A cell the grid scrolls into view (what an action wrote); a new nonce scrolls again. */
export interface GridReveal {
  sheet: string;
  /** A1 address, e.g. "I2". */
  address: string;
  nonce: number;
}

export interface SheetGridProps {
  port: PreviewPort;
  language: Language;
  strings: PreviewStrings;
  /** @default MAX_GRID_ROWS */
  maxRows?: number;
  /** Scrolls to this cell when it is on the sheet shown. */
  reveal?: GridReveal | null;
}

/**
 * The workbook as Excel shows it: the shown sheet's used range as a table with column letters
 * and row numbers, and the sheet tabs below. Re-renders whenever the port's workbook changes.
 */
export function SheetGrid({ port, language, strings, maxRows = MAX_GRID_ROWS, reveal = null }: SheetGridProps): React.JSX.Element {
  const styles = useSheetGridStyles();
  const view = React.useSyncExternalStore(port.subscribe, port.getView);
  const worksheet = view.sheet === null ? undefined : port.workbook.worksheets.find((ws) => ws.name === view.sheet);
  // `view` changes with every change of the workbook: build again then.
  const sheet = React.useMemo(
    () => (worksheet === undefined ? null : buildSheetView(worksheet, { language, maxRows, focusRow: view.selectedRow })),
    [worksheet, view, language, maxRows],
  );
  const selectedRef = React.useRef<HTMLTableRowElement | null>(null);
  const scrollerRef = React.useRef<HTMLDivElement | null>(null);
  const selectRow = React.useCallback((s: string, row: number) => void port.selectRow(s, row), [port]);

  // Go to row: the row's first cell with content (where Excel's selection of the row starts),
  // centred vertically and brought into view horizontally.
  React.useEffect(() => {
    if (view.selectedRow === null) return;
    const row = selectedRef.current;
    if (!row) return;
    const target = Array.from(row.querySelectorAll("td")).find((td) => (td.textContent ?? "") !== "") ?? row;
    target.scrollIntoView?.({ block: "center", inline: "nearest" });
  }, [view]);

  // After an action: the cell it wrote (the status column's header), or the top of a new sheet.
  const shownSheet = sheet?.name ?? null;
  React.useEffect(() => {
    if (reveal === null || reveal.sheet !== shownSheet) return;
    const scroller = scrollerRef.current;
    if (!scroller) return;
    if (reveal.address === "A1") {
      scroller.scrollTop = 0;
      scroller.scrollLeft = 0;
      return;
    }
    const cell = scroller.querySelector(`td[data-address="${reveal.address}"]`);
    cell?.scrollIntoView?.({ block: "nearest", inline: "center" });
  }, [reveal, shownSheet]);

  const tabs = port.workbook.worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden");

  return (
    <div className={styles.root}>
      {sheet === null ? (
        <p className={styles.empty}>{strings.noSheets}</p>
      ) : (
        <div
          ref={scrollerRef}
          className={styles.scroller}
          role="region"
          aria-label={strings.sheetRegionLabel(sheet.name)}
          // A scrolling region must be reachable by keyboard.
          tabIndex={0}
        >
          {sheet.rows.length === 0 ? (
            <p className={styles.empty}>{strings.emptySheet}</p>
          ) : (
            // A fixed layout needs a width: then the columns get exactly their widths, as in Excel.
            <table
              className={styles.table}
              data-sheet={sheet.name}
              style={{ width: `${ROW_HEADER_PX + sheet.columns.reduce((sum, c) => sum + c.widthPx, 0)}px` }}
            >
              <colgroup>
                <col style={{ width: `${ROW_HEADER_PX}px` }} />
                {sheet.columns.map((c) => (
                  <col key={c.col} style={{ width: `${c.widthPx}px` }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th className={styles.corner} scope="col">
                    <span style={visuallyHidden}>{strings.rowHeader}</span>
                  </th>
                  {sheet.columns.map((c) => (
                    <th key={c.col} className={styles.columnHeader} scope="col">
                      {c.letter}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((r) => {
                  const selected = r.row === view.selectedRow;
                  return (
                    <tr
                      key={r.row}
                      data-row={r.row}
                      data-selected={selected ? "true" : undefined}
                      ref={selected ? selectedRef : undefined}
                      style={r.heightPx === null ? undefined : { height: `${r.heightPx}px` }}
                    >
                      <th scope="row" className={mergeClasses(styles.rowHeader, selected && styles.rowHeaderSelected)}>
                        {r.row}
                      </th>
                      {r.cells.map((c) => (
                        <GridCellView key={c.col} cell={c} selected={selected} onSelectRow={selectRow} />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className={styles.footer}>
        <TabList
          className={styles.tabs}
          size="small"
          aria-label={strings.sheetTabsLabel}
          selectedValue={view.sheet ?? ""}
          onTabSelect={(_e, data) => port.showSheet(String(data.value))}
        >
          {tabs.map((ws) => (
            <Tab key={ws.id} value={ws.name}>
              {ws.name}
            </Tab>
          ))}
        </TabList>
        {sheet !== null && sheet.rows.length > 0 && sheet.rows.length < sheet.totalRows ? (
          <span className={styles.rowsNote} role="note">
            {strings.rowsShown(sheet.rows.length, sheet.totalRows, sheet.firstRow, sheet.lastRow)}
          </span>
        ) : null}
        {sheet !== null && sheet.columns.length > 0 && sheet.columns.length < sheet.totalColumns ? (
          <span className={styles.rowsNote} role="note">
            {strings.columnsShown(columnLetter(sheet.columns.length), columnLetter(sheet.totalColumns))}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Width of the row numbers' column. */
const ROW_HEADER_PX = 48;

const visuallyHidden: React.CSSProperties = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};

const GridCellView = React.memo(function GridCellView({
  cell,
  selected,
  onSelectRow,
}: {
  cell: GridCell;
  selected: boolean;
  onSelectRow: (sheet: string, row: number) => void;
}): React.JSX.Element {
  const styles = useSheetGridStyles();
  const { look } = cell;
  const style: React.CSSProperties = {};
  if (look.background !== null) style.backgroundColor = look.background;
  if (look.color !== null) style.color = look.color;
  if (look.bold) style.fontWeight = 700;
  if (look.italic) style.fontStyle = "italic";
  if (look.underline || look.strike) style.textDecorationLine = [look.underline ? "underline" : "", look.strike ? "line-through" : ""].join(" ").trim();
  if (look.align !== null) style.textAlign = look.align;
  const link = cell.link;
  return (
    <td
      className={mergeClasses(styles.cell, look.wrap && styles.wrap, selected && styles.selectedCell)}
      style={style}
      data-address={cell.address}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
      title={cell.text.length > 12 ? cell.text : undefined}
    >
      {link !== null && cell.text !== "" ? (
        <button type="button" className={styles.cellLink} onClick={() => onSelectRow(link.sheet, link.row)}>
          {cell.text}
        </button>
      ) : (
        cell.text
      )}
    </td>
  );
});
