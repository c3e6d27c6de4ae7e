/**
 * The summary sheet's native charts as DrawingML parts, written whole: one drawing part (where
 * each chart sits on the sheet) and one chart part per chart, as the Excel adapter makes them:
 * - `SummarySheetPlan.chart`: a clustered bar chart of the distribution per party
 *   (`charts.add("BarClustered", …)`): a title, one series named after the year, no legend;
 * - each of `SummarySheetPlan.charts` (issue 10): a clustered column chart
 *   (`charts.add("ColumnClustered", …)`), one series per value range, named in a legend.
 * The cached values come from the plan's own cells, so a viewer that does not recalculate shows
 * the same bars.
 */
import { xmlEscape } from "./patchXml";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export interface ChartSeriesData {
  /** Series name (the year, or e.g. "Fördelat"). */
  name: string;
  /** Absolute reference with sheet, e.g. `'Balans summering'!$C$20:$C$22`. */
  valuesRef: string;
  values: (number | null)[];
}

export interface ChartSpec {
  title: string;
  /** `bar`: horizontal bars (the per-party chart); `col`: vertical columns (the years). */
  direction: "bar" | "col";
  legend: boolean;
  /** Absolute reference with sheet, e.g. `'Balans summering'!$A$5:$A$9`. */
  categoriesRef: string;
  categories: string[];
  series: ChartSeriesData[];
  /** Excel number format of the values, for the axis labels. */
  numFmt: string;
}

/** Zero-based cell corners of the chart on the sheet. */
export interface ChartAnchor {
  fromCol: number;
  fromRow: number;
  toCol: number;
  toRow: number;
}

/** One chart in the drawing: where it sits, the drawing's relationship id of its chart part, its title. */
export interface DrawingChart {
  anchor: ChartAnchor;
  chartRelId: string;
  title: string;
}

/** The drawing part: each chart anchored between two cells. */
export function drawingXml(charts: readonly DrawingChart[]): string {
  const corner = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map(
    (c, i) =>
      `<xdr:twoCellAnchor editAs="oneCell">${corner("from", c.anchor.fromCol, c.anchor.fromRow)}${corner("to", c.anchor.toCol, c.anchor.toRow)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Diagram ${i + 1}" descr="${xmlEscape(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${c.chartRelId}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
  );
  return DECLARATION + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`;
}

/** The chart part: a clustered bar or column chart. */
export function chartXml(s: ChartSpec): string {
  const v = (text: string) => `<c:v>${xmlEscape(text)}</c:v>`;
  const count = Math.max(s.categories.length, ...s.series.map((x) => x.values.length));
  const strPts = s.categories.map((c, i) => `<c:pt idx="${i}">${v(c)}</c:pt>`).join("");
  const cat = `<c:cat><c:strRef><c:f>${xmlEscape(s.categoriesRef)}</c:f><c:strCache><c:ptCount val="${count}"/>${strPts}</c:strCache></c:strRef></c:cat>`;
  const series = s.series
    .map((x, i) => {
      const numPts = x.values.map((n, j) => (n === null ? "" : `<c:pt idx="${j}">${v(String(n))}</c:pt>`)).join("");
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${v(x.name)}</c:tx><c:invertIfNegative val="0"/>${cat}` +
        `<c:val><c:numRef><c:f>${xmlEscape(x.valuesRef)}</c:f><c:numCache><c:formatCode>${xmlEscape(s.numFmt)}</c:formatCode><c:ptCount val="${count}"/>${numPts}</c:numCache></c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  // Horizontal bars put the categories on the left and the values at the bottom; columns the reverse.
  const [catPos, valPos] = s.direction === "bar" ? ["l", "b"] : ["b", "l"];
  return (
    DECLARATION +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:t>${xmlEscape(s.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${s.direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series +
    '<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>' +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${xmlEscape(s.numFmt)}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    "</c:plotArea>" +
    (s.legend ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : "") +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}
