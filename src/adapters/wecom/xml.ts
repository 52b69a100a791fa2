// A small strict reader for WeChat/WeCom callback XML (`<xml><ToUserName><![CDATA[..]]></ToUserName>..</xml>`).
// Deliberately not a general XML parser: no DOCTYPE, entity declarations, comments, processing instructions or
// attributes (none appear in these payloads, and DOCTYPE/ENTITY are how XXE and entity-expansion attacks start).
// Text may use the five predefined entities and numeric character references; nothing else is expanded.

/** One element of a parsed document: its text (CDATA and character data joined) and its child elements. */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

/** Thrown for any input this reader does not accept; `offset` is the position in the string. */
export class XmlParseError extends Error {
  override readonly name = "XmlParseError";
  constructor(message: string, readonly offset: number) {
    super(`${message} (at offset ${offset})`);
  }
}

const MAX_DEPTH = 16;
const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
// Characters XML 1.0 forbids outright (C0 controls other than tab, LF, CR, and the two non-characters).
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Parses a whole document (optional BOM and `<?xml ...?>` declaration, one root element) into a tree. */
export function parseXmlElement(xml: string): XmlElement {
  const bad = FORBIDDEN_CHAR.exec(xml);
  if (bad) throw new XmlParseError("character not allowed in XML", bad.index);
  return new Reader(xml).document();
}

/**
 * Parses a flat envelope into `{ ChildName: text }`. The root must be `<xml>`; duplicate child names are refused
 * (which <Encrypt> would be the signed one?). Children that themselves hold elements (e.g. SelectedItems) are
 * checked for well-formedness but left out: use {@link parseXmlElement} for those.
 */
export function parseFlatXml(xml: string): Record<string, string> {
  const root = parseXmlElement(xml);
  if (root.name !== "xml") throw new XmlParseError(`root element is <${root.name}>, expected <xml>`, 0);
  // No prototype: a child named __proto__ or constructor stays plain data.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const seen = new Set<string>();
  for (const child of root.children) {
    if (seen.has(child.name)) throw new XmlParseError(`duplicate element <${child.name}>`, 0);
    seen.add(child.name);
    if (child.children.length === 0) out[child.name] = child.text;
  }
  return out;
}

class Reader {
  private pos = 0;
  constructor(private readonly src: string) {}

  document(): XmlElement {
    if (this.src.startsWith("\uFEFF")) this.pos = 1;
    this.skipSpace();
    if (this.src.startsWith("<?xml", this.pos) && /[\s?]/.test(this.src[this.pos + 5] ?? "")) {
      const end = this.src.indexOf("?>", this.pos);
      if (end < 0) this.fail("unterminated XML declaration");
      this.pos = end + 2;
      this.skipSpace();
    }
    const root = this.element(0);
    this.skipSpace();
    if (this.pos !== this.src.length) this.fail("content after the root element");
    return root;
  }

  private element(depth: number): XmlElement {
    if (depth > MAX_DEPTH) this.fail("elements nested too deeply");
    if (this.src[this.pos] !== "<") this.fail("expected '<'");
    this.pos++;
    const name = this.name();
    this.skipSpace();
    if (this.src.startsWith("/>", this.pos)) {
      this.pos += 2;
      return { name, text: "", children: [] };
    }
    if (this.src[this.pos] !== ">") this.fail(`bad start tag <${name}> (attributes are not supported)`);
    this.pos++;

    const children: XmlElement[] = [];
    const texts: string[] = [];
    const cdata: string[] = [];
    const parts: string[] = []; // text and CDATA in document order
    for (;;) {
      if (this.pos >= this.src.length) this.fail(`unclosed element <${name}>`);
      if (this.src.startsWith("<![CDATA[", this.pos)) {
        const end = this.src.indexOf("]]>", this.pos + 9);
        if (end < 0) this.fail("unterminated CDATA section");
        const value = this.src.slice(this.pos + 9, end);
        cdata.push(value);
        parts.push(value);
        this.pos = end + 3;
      } else if (this.src.startsWith("</", this.pos)) {
        this.pos += 2;
        const closing = this.name();
        if (closing !== name) this.fail(`</${closing}> does not close <${name}>`);
        this.skipSpace();
        if (this.src[this.pos] !== ">") this.fail("bad end tag");
        this.pos++;
        break;
      } else if (this.src.startsWith("<!", this.pos) || this.src.startsWith("<?", this.pos)) {
        this.fail("comments, DOCTYPE, declarations and processing instructions are not allowed");
      } else if (this.src[this.pos] === "<") {
        children.push(this.element(depth + 1));
      } else {
        const next = this.src.indexOf("<", this.pos);
        const end = next < 0 ? this.src.length : next;
        const value = this.text(this.src.slice(this.pos, end));
        texts.push(value);
        parts.push(value);
        this.pos = end;
      }
    }

    const hasText = texts.some((t) => t.trim() !== "");
    if (children.length > 0) {
      if (hasText || cdata.length > 0) this.fail(`<${name}> mixes text and elements`);
      return { name, text: "", children };
    }
    // Whitespace around a CDATA section is layout (`<Encrypt>\n  <![CDATA[..]]>\n</Encrypt>`), not data.
    const text = cdata.length > 0 && !hasText ? cdata.join("") : parts.join("");
    return { name, text, children };
  }

  private text(raw: string): string {
    if (raw.includes("]]>")) this.fail("']]>' outside a CDATA section");
    let out = "";
    let i = 0;
    for (;;) {
      const amp = raw.indexOf("&", i);
      if (amp < 0) return out + raw.slice(i);
      out += raw.slice(i, amp);
      REFERENCE.lastIndex = amp;
      const m = REFERENCE.exec(raw);
      if (!m) this.fail("'&' that is not one of &lt; &gt; &amp; &quot; &apos; or a character reference", amp);
      if (m[1] !== undefined) out += PREDEFINED[m[1]] ?? "";
      else out += this.codePoint(m[2] !== undefined ? Number(m[2]) : parseInt(m[3] ?? "", 16), amp);
      i = amp + m[0].length;
    }
  }

  private codePoint(cp: number, at: number): string {
    const ok =
      cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) this.fail("character reference to a character not allowed in XML", at);
    return String.fromCodePoint(cp);
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail("expected an element name");
    this.pos += m[0].length;
    return m[0];
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && " \t\r\n".includes(this.src[this.pos] ?? "x")) this.pos++;
  }

  private fail(message: string, textOffset?: number): never {
    throw new XmlParseError(message, textOffset === undefined ? this.pos : this.pos + textOffset);
  }
}
