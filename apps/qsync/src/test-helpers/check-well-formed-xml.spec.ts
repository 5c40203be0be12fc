import { describe, expect, it } from 'vitest';
import { checkWellFormedXml } from './check-well-formed-xml';

describe('checkWellFormedXml (test helper)', () => {
  it('accepts a small document and reports its elements with attributes and ancestors', () => {
    const els = checkWellFormedXml('<?xml version="1.0"?>\n<svg a="1"><g b=\'x &amp; y\'><path d="M0 0"/></g><!-- c --><text>a &lt; b</text></svg>\n');
    expect(els.map((e) => e.name)).toEqual(['svg', 'g', 'path', 'text']);
    expect(els[1].attributes).toEqual({ b: 'x &amp; y' });
    expect(els[2].ancestors).toEqual(['svg', 'g']);
  });

  it.each([
    ['<a><b></a></b>', 'does not close'],
    ['<a>', 'unclosed'],
    ['<a/><b/>', 'more than one root'],
    ['<a x="1" x="2"/>', 'repeated'],
    ['<a x=1/>', 'unexpected character'],
    ['<a>R & D</a>', "bare '&'"],
    ['<a t="&foo;"/>', "bare '&'"],
    ['<a>1 > 0</a>', "'>' in text"],
    ['text<a/>', 'outside the root'],
    ['', 'no root'],
  ])('refuses %j (%s)', (xml, why) => {
    expect(() => checkWellFormedXml(xml)).toThrow(why);
  });
});
