/** One element as {@link checkWellFormedXml} saw it. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Names of the enclosing elements, outermost first. */
  readonly ancestors: readonly string[];
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

/**
 * A small XML well-formedness check for tests (no DTDs, no CDATA): one root element, every
 * start tag closed in order, attributes quoted and not repeated, `&` only in entity
 * references, no stray `<` or `>` in text. Throws with the offset of the first problem;
 * returns every element with its attributes, in document order.
 */
export function checkWellFormedXml(text: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML at offset ${i}: ${what} (…${text.slice(Math.max(0, i - 30), i + 30)}…)`);
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  while (i < text.length) {
    const c = text[i];
    if (c === '<') {
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
        continue;
      }
      if (text[i + 1] === '/') {
        const m = new RegExp(`</(${NAME})\\s*>`, 'y');
        m.lastIndex = i;
        const r = m.exec(text);
        if (r === null) fail('bad end tag');
        const open = stack.pop();
        if (open !== r?.[1]) fail(`end tag </${r?.[1]}> does not close <${open}>`);
        i = m.lastIndex;
        continue;
      }
      const m = new RegExp(`<(${NAME})`, 'y');
      m.lastIndex = i;
      const r = m.exec(text);
      if (r === null) fail('bad start tag');
      const name = (r as RegExpExecArray)[1];
      if (stack.length === 0) {
        roots++;
        if (roots > 1) fail('more than one root element');
      }
      let j = m.lastIndex;
      const attributes: Record<string, string> = {};
      for (;;) {
        ATTRIBUTE.lastIndex = j;
        const a = ATTRIBUTE.exec(text);
        if (a === null) break;
        if (Object.hasOwn(attributes, a[1])) fail(`attribute '${a[1]}' repeated`);
        const value = a[2] ?? a[3];
        checkText(value, fail);
        attributes[a[1]] = value;
        j = ATTRIBUTE.lastIndex;
      }
      while (/\s/.test(text[j] ?? '')) j++;
      elements.push({ name, attributes, ancestors: [...stack] });
      if (text.startsWith('/>', j)) {
        i = j + 2;
      } else if (text[j] === '>') {
        stack.push(name);
        i = j + 1;
      } else {
        i = j;
        fail(`unexpected character in tag <${name}>`);
      }
      continue;
    }
    const next = text.indexOf('<', i);
    const end = next < 0 ? text.length : next;
    const chunk = text.slice(i, end);
    if (stack.length === 0 && chunk.trim() !== '') fail('text outside the root element');
    checkText(chunk, fail);
    if (chunk.includes('>')) fail("'>' in text");
    i = end;
  }
  if (stack.length > 0) fail(`unclosed <${stack[stack.length - 1]}>`);
  if (roots !== 1) fail('no root element');
  return elements;
}

function checkText(s: string, fail: (what: string) => never): void {
  for (let k = s.indexOf('&'); k >= 0; k = s.indexOf('&', k + 1)) {
    ENTITY.lastIndex = k;
    if (!ENTITY.test(s)) fail(`bare '&' in "${s.slice(k, k + 12)}"`);
  }
}
