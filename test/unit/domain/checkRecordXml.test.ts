import { checkRecordFromXml, checkRecordXml, escapeXmlText, unescapeXmlText } from "../../../src/domain/checkRecordXml";

describe("checkRecordXml", () => {
  it("wraps the JSON in the balansCheck element of the record's namespace, & < > escaped", () => {
    expect(checkRecordXml('{"t":"A & B <x>"}')).toBe('<balansCheck xmlns="urn:balans:check:1">{"t":"A &amp; B &lt;x&gt;"}</balansCheck>');
  });

  it("escapes & first, so an existing entity-looking text survives the round trip", () => {
    expect(escapeXmlText("&lt;")).toBe("&amp;lt;");
    expect(checkRecordFromXml(checkRecordXml('{"t":"&lt; & ä"}'))).toBe('{"t":"&lt; & ä"}');
  });
});

describe("checkRecordFromXml", () => {
  const json = '{"version":1,"checks":[{"date":"2024-11-15","rows":[{"k":"f|Blad|T|Åtgärd \\"1\\"","s":"overdue"}]}]}';

  it("gives back exactly the JSON written (Swedish letters, quotes, backslashes)", () => {
    expect(checkRecordFromXml(checkRecordXml(json))).toBe(json);
  });

  it("reads a part a host serialised again: declaration, prefix, attributes, entities for quotes and numeric references", () => {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<b:balansCheck xmlns:b="urn:balans:check:1">{&quot;a&quot;:&#34;&#xE4;&#229;&quot;}</b:balansCheck>';
    expect(checkRecordFromXml(xml)).toBe('{"a":"äå"}');
  });

  it("reads CDATA as it is", () => {
    expect(checkRecordFromXml('<balansCheck xmlns="urn:balans:check:1"><![CDATA[{"a":"<&>"}]]></balansCheck>')).toBe('{"a":"<&>"}');
  });

  it("gives \"\" for an empty element and null for other XML", () => {
    expect(checkRecordFromXml('<balansCheck xmlns="urn:balans:check:1"/>')).toBe("");
    expect(checkRecordFromXml("<other>x</other>")).toBeNull();
    expect(checkRecordFromXml("<balansCheckList>x</balansCheckList>")).toBeNull();
  });

  it("leaves an unknown entity as written", () => {
    expect(unescapeXmlText("&nbsp;&amp;")).toBe("&nbsp;&");
  });
});
