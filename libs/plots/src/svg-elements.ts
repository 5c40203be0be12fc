import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One element of an XML document, as {@link svgElements} lists it. */
export interface XmlElement {
  readonly name: string;
  /** attribute values with entities decoded */
  readonly attributes: Readonly<Record<string, string>>;
  /** names of the enclosing elements, outermost first */
  readonly ancestors: readonly string[];
  /** the element's own text, entities decoded (tspans' text belongs to the tspans) */
  readonly text: string;
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Reads an SVG (or any XML) document back: checks that it is well-formed (fast-xml-parser's
 * XMLValidator) and lists its elements in document order with their attributes, ancestors and
 * text, so that a program or a test can check what a plot shows (its title, axis labels, series)
 * without a browser.
 *
 * @param xml - the document
 * @returns its elements, outermost first
 * @throws Error with the line and column of the first problem when `xml` is not well-formed
 * @example
 * const svg = svgLinePlot({ title: 'decay', xLabel: 't', yLabel: 'x', series: [{ name: 'x', x: [0, 1, 2], y: [1, 0.5, 0.25] }] });
 * svgElements(svg).find((e) => e.name === 'title')?.text; // 'decay'
 * svgElements('<svg><g></svg>'); // throws "not well-formed XML at line 1"
 */
export function svgElements(xml: string): XmlElement[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseAttributeValue: false, parseTagValue: false, trimValues: false });
  const out: XmlElement[] = [];
  const visit = (nodes: Node[], ancestors: string[]): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@');
      if (name === undefined || name === '#text' || name.startsWith('?')) continue;
      const children = node[name] as Node[];
      const text = children.filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
      out.push({ name, attributes: { ...(node[':@'] ?? {}) }, ancestors, text });
      visit(children, [...ancestors, name]);
    }
  };
  visit(parser.parse(xml) as Node[], []);
  return out;
}
