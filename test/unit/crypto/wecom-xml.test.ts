import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { XmlParseError, parseFlatXml, parseXmlElement } from "../../../src/adapters/wecom/xml.js";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/wecom/${path}`, import.meta.url), "utf8");

const vectors = JSON.parse(fixture("callback-vectors.json")) as { post: { body: string; plaintext: string } };
// The fixture opens with a `<!-- _source ... -->` note, which is not part of the payload WeCom sends.
const templateCardEvent = fixture("template-card-event.xml").replace(/^<!--[\s\S]*?-->\s*/, "");

describe("parseFlatXml on real payloads", () => {
  it("reads the official encrypted POST envelope", () => {
    const f = parseFlatXml(vectors.post.body);
    expect(Object.keys(f)).toEqual(["ToUserName", "Encrypt", "AgentID"]);
    expect(f.ToUserName).toBe("wx5823bf96d3bd56c7");
    expect(f.AgentID).toBe("218");
    expect(f.Encrypt).toMatch(/^RypEvHKD8QQK.*E7Q==$/);
  });

  it("reads the decrypted text message, CDATA and plain text nodes alike", () => {
    expect(parseFlatXml(vectors.post.plaintext)).toEqual({
      ToUserName: "wx5823bf96d3bd56c7",
      FromUserName: "mycreate",
      CreateTime: "1409659813",
      MsgType: "text",
      Content: "hello",
      MsgId: "4561255354251345929",
      AgentID: "218",
    });
  });

  it("reads template_card_event leaves and leaves nested SelectedItems to parseXmlElement", () => {
    const f = parseFlatXml(templateCardEvent);
    expect(f).toEqual({
      ToUserName: "toUser",
      FromUserName: "FromUser",
      CreateTime: "123456789",
      MsgType: "event",
      Event: "template_card_event",
      EventKey: "key111",
      TaskId: "taskid111",
      CardType: "text_notice",
      ResponseCode: "ResponseCode",
      AgentID: "1",
    });
    const tree = parseXmlElement(templateCardEvent);
    const items = tree.children.find((c) => c.name === "SelectedItems")?.children ?? [];
    expect(items.map((i) => i.children.find((c) => c.name === "QuestionKey")?.text)).toEqual(["QuestionKey1", "QuestionKey2"]);
    const options = items[1]?.children.find((c) => c.name === "OptionIds")?.children.map((o) => o.text);
    expect(options).toEqual(["OptionId3", "OptionId4"]);
  });
});

describe("parseFlatXml text handling", () => {
  it("accepts a BOM and an XML declaration", () => {
    expect(parseFlatXml('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<xml><A>1</A></xml>\n')).toEqual({ A: "1" });
  });

  it("drops layout whitespace around CDATA but keeps whitespace inside it", () => {
    expect(parseFlatXml("<xml><Encrypt>\n    <![CDATA[ab+/=]]>\n</Encrypt><C><![CDATA[ x ]]></C></xml>")).toEqual({ Encrypt: "ab+/=", C: " x " });
  });

  it("decodes the five XML entities and character references in text, nothing in CDATA", () => {
    expect(parseFlatXml("<xml><T>&lt;a&gt; &amp; &quot;&apos; &#20013;&#x6587;</T><C><![CDATA[&lt;<b>]]></C></xml>")).toEqual({
      T: `<a> & "' 中文`,
      C: "&lt;<b>",
    });
  });

  it("joins text and CDATA pieces in order, and reads empty and self-closing elements as ''", () => {
    expect(parseFlatXml("<xml><M>a<![CDATA[<b>]]>c</M><E></E><S/><S2 /></xml>")).toEqual({ M: "a<b>c", E: "", S: "", S2: "" });
  });

  it("keeps a __proto__ element as plain data", () => {
    const f = parseFlatXml("<xml><__proto__>x</__proto__></xml>");
    expect(Object.getPrototypeOf(f)).toBeNull();
    expect(f["__proto__"]).toBe("x");
  });
});

describe("parseFlatXml refuses malformed or unsafe input", () => {
  const bad: [string, string][] = [
    ["empty input", ""],
    ["plain text", "hello"],
    ["JSON", '{"xml":1}'],
    ["unclosed root", "<xml><A>1</A>"],
    ["unclosed child", "<xml><A>1</xml>"],
    ["mismatched end tag", "<xml><A>1</B></xml>"],
    ["two roots", "<xml></xml><xml></xml>"],
    ["trailing text", "<xml></xml>junk"],
    ["wrong root name", "<root><A>1</A></root>"],
    ["duplicate element", "<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>"],
    ["duplicate of a nested element", "<xml><A><B/></A><A>1</A></xml>"],
    ["DOCTYPE with entity (XXE)", '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><A>&x;</A></xml>'],
    ["entity expansion (billion laughs)", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><xml><A>&lol2;</A></xml>'],
    ["undeclared entity", "<xml><A>&nbsp;</A></xml>"],
    ["bare ampersand", "<xml><A>a & b</A></xml>"],
    ["ampersand without semicolon", "<xml><A>&amp</A></xml>"],
    ["comment", "<xml><!-- c --><A>1</A></xml>"],
    ["processing instruction inside", "<xml><?php echo 1 ?><A>1</A></xml>"],
    ["attributes", '<xml><A type="x">1</A></xml>'],
    ["unterminated CDATA", "<xml><A><![CDATA[abc</A></xml>"],
    ["]]> in text", "<xml><A>a]]>b</A></xml>"],
    ["mixed text and elements", "<xml><A>text<B>1</B></A></xml>"],
    ["mixed CDATA and elements", "<xml><A><![CDATA[x]]><B>1</B></A></xml>"],
    ["control character", "<xml><A>a\u0001b</A></xml>"],
    ["reference to a forbidden character", "<xml><A>&#0;</A></xml>"],
    ["reference beyond Unicode", "<xml><A>&#x110000;</A></xml>"],
    ["bad element name", "<xml><1A>1</1A></xml>"],
    ["space after <", "<xml>< A>1</A></xml>"],
    ["nesting too deep", `<xml>${"<a>".repeat(40)}${"</a>".repeat(40)}</xml>`],
  ];
  it.each(bad)("%s", (_label, xml) => {
    expect(() => parseFlatXml(xml)).toThrow(XmlParseError);
  });

  it("reports where it stopped", () => {
    try {
      parseFlatXml("<xml><A>1</B></xml>");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(XmlParseError);
      expect((error as XmlParseError).offset).toBeGreaterThan(0);
      expect((error as Error).message).toMatch(/does not close <A>/);
    }
  });
});
