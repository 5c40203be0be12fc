/** Marker that opens the generated results section of tools/bench/README.md. */
export const RESULTS_START = '<!-- results:start -->';
/** Marker that closes it. */
export const RESULTS_END = '<!-- results:end -->';

/**
 * Replaces the text between two marker lines with `content`, keeping the markers and
 * everything outside them; used to rewrite the results section of the README on every run.
 *
 * @param text - the whole document
 * @param content - the new section body (surrounding blank lines are added)
 * @param start - opening marker (default {@link RESULTS_START}), must occur exactly once
 * @param end - closing marker (default {@link RESULTS_END}), exactly once, after `start`
 * @example
 * replaceSection('a\n<!-- results:start -->\nold\n<!-- results:end -->\nb', 'new');
 * // → 'a\n<!-- results:start -->\n\nnew\n\n<!-- results:end -->\nb'
 */
export function replaceSection(text: string, content: string, start = RESULTS_START, end = RESULTS_END): string {
  const count = (m: string) => text.split(m).length - 1;
  if (count(start) !== 1) {
    throw new Error(`replaceSection: argument 'text' must contain the marker '${start}' exactly once, found ${count(start)}`);
  }
  if (count(end) !== 1) {
    throw new Error(`replaceSection: argument 'text' must contain the marker '${end}' exactly once, found ${count(end)}`);
  }
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (j < i + start.length) {
    throw new Error(`replaceSection: the marker '${end}' must come after '${start}' in argument 'text'`);
  }
  return `${text.slice(0, i + start.length)}\n\n${content.trim()}\n\n${text.slice(j)}`;
}
