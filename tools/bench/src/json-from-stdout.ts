/**
 * The JSON value a script printed as the last non-empty line of its stdout. Lines before it
 * (a library's message at import, such as QuTiP 4.7's "Calibrating OpenMP threshold...") are
 * not part of the result and are skipped; a last line that is not JSON is an error that quotes
 * the end of the output.
 *
 * @param text - the script's whole stdout
 * @param caller - the function named in the error message
 * @example
 * jsonFromStdout('Calibrating OpenMP threshold...\n{"cases":[]}\n', 'parse'); // { cases: [] }
 */
export function jsonFromStdout(text: string, caller: string): unknown {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const last = lines[lines.length - 1] ?? '';
  try {
    return JSON.parse(last);
  } catch {
    const tail = text.length > 300 ? `…${text.slice(-300)}` : text;
    throw new Error(`${caller}: argument 'text' must end with a line of JSON (the script's result), got '${tail}'`);
  }
}
