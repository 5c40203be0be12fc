import { describe, expect, it } from 'vitest';
import { replaceSection, RESULTS_END, RESULTS_START } from './replace-section';

const doc = ['# Bench', '', 'intro', RESULTS_START, 'old table', 'old line', RESULTS_END, '', '## After', 'kept'].join('\n');

describe('replaceSection', () => {
  it('replaces only the text between the markers (the doc example)', () => {
    expect(replaceSection('a\n<!-- results:start -->\nold\n<!-- results:end -->\nb', 'new')).toBe(
      'a\n<!-- results:start -->\n\nnew\n\n<!-- results:end -->\nb',
    );
  });

  it('keeps everything outside the markers byte for byte', () => {
    const out = replaceSection(doc, '| a |\n| - |\n');
    expect(out).toBe(['# Bench', '', 'intro', RESULTS_START, '', '| a |\n| - |', '', RESULTS_END, '', '## After', 'kept'].join('\n'));
    expect(out).not.toContain('old table');
  });

  it('is idempotent: replacing twice with the same content changes nothing', () => {
    const once = replaceSection(doc, 'body');
    expect(replaceSection(once, 'body')).toBe(once);
  });

  it('works with custom markers', () => {
    expect(replaceSection('pre <s> mid </s> post', 'new', '<s>', '</s>')).toBe('pre <s>\n\nnew\n\n</s> post');
  });

  it('rejects missing, repeated or misordered markers', () => {
    expect(() => replaceSection('no markers', 'x')).toThrow(/marker '<!-- results:start -->' exactly once, found 0/);
    expect(() => replaceSection(`${RESULTS_START}\n${RESULTS_START}\n${RESULTS_END}`, 'x')).toThrow(/exactly once, found 2/);
    expect(() => replaceSection(`${RESULTS_START}\n`, 'x')).toThrow(/marker '<!-- results:end -->' exactly once, found 0/);
    expect(() => replaceSection(`${RESULTS_END}\n${RESULTS_START}`, 'x')).toThrow(/must come after/);
  });
});
