/**
 * The summary sheet's native chart as DrawingML parts, written whole: a drawing part (where the
 * chart sits on the sheet) and a chart part (a clustered bar chart of the distribution per
 * party), as the Excel adapter makes with `charts.add("BarClustered", …)`: a title, one series
 * named after the year, no legend. The cached values come from the plan's own cells, so a viewer
 * that does not recalculate shows the same bars.
 */
import { xmlEscape } from "./patchXml";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export interface ChartSeries {
  title: string;
  /** Series name (the year). */
  seriesName: string;
  /** Absolute references with sheet, e.g. `'Balans summering'!$A$5:$A$9`. */
  categoriesRef: string;
  valuesRef: string;
  categories: string[];
  values: (number | null)[];
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

/** The drawing part: one chart anchored between two cells; `chartRelId` is the drawing's rel to the chart part. */
export function drawingXml(anchor: ChartAnchor, chartRelId: string, title: string): string {
  const corner = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    DECLARATION +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${corner("from", anchor.fromCol, anchor.fromRow)}${corner("to", anchor.toCol, anchor.toRow)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1" descr="${xmlEscape(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

/** The chart part: a clustered bar chart with one series. */
export function chartXml(s: ChartSeries): string {
  const v = (text: string) => `<c:v>${xmlEscape(text)}</c:v>`;
  const strPts = s.categories.map((c, i) => `<c:pt idx="${i}">${v(c)}</c:pt>`).join("");
  const numPts = s.values
    .map((n, i) => (n === null ? "" : `<c:pt idx="${i}">${v(String(n))}</c:pt>`))
    .join("");
  const count = Math.max(s.categories.length, s.values.length);
  return (
    DECLARATION +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:t>${xmlEscape(s.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx>${v(s.seriesName)}</c:tx><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${xmlEscape(s.categoriesRef)}</c:f><c:strCache><c:ptCount val="${count}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(s.valuesRef)}</c:f><c:numCache><c:formatCode>${xmlEscape(s.numFmt)}</c:formatCode><c:ptCount val="${count}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>' +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>' +
    `<c:numFmt formatCode="${xmlEscape(s.numFmt)}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}
