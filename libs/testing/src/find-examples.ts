/** An example found in a file: its code and the line (1-based) of its first line in that file. */
export interface FoundExample {
  readonly code: string;
  readonly line: number;
  /** the declaration the doc comment documents (`export function name`, …), or null */
  readonly documents: string | null;
  /** for a README block: its fence marker (`runnable`, `fragment`) or '' when it has none */
  readonly marker: string;
}

const DECLARATION =
  /^\s*export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;

/**
 * Every `@example` of the doc comments of a TypeScript source, with the exported declaration its
 * comment documents. An example runs from the line after `@example` to the next tag or the end
 * of the comment; ``` fences inside it are dropped, and an opening fence ```ts fragment marks an
 * example that is shown but not run (`marker`).
 */
export function findDocExamples(source: string): FoundExample[] {
  const found: FoundExample[] = [];
  const comment = /\/\*\*[\s\S]*?\*\//g;
  for (let m = comment.exec(source); m !== null; m = comment.exec(source)) {
    const firstLine = source.slice(0, m.index).split('\n').length;
    const documents = DECLARATION.exec(source.slice(m.index + m[0].length))?.[1] ?? null;
    const lines = m[0].split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''));
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i])) continue;
      let end = i + 1;
      while (end < lines.length && !/^@\w/.test(lines[end])) end++;
      const body = lines.slice(i + 1, end);
      while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
      const fence = body.find((l) => l.trim() !== '');
      const marker = fence !== undefined ? (/^```\w*\s+(\S+)/.exec(fence.trim())?.[1] ?? '') : '';
      const code = body.map((l) => (/^```/.test(l.trim()) ? '' : l)).join('\n');
      found.push({ code, line: firstLine + i + 1, documents, marker });
      i = end - 1;
    }
  }
  return found;
}

/** Every ```ts (or ```typescript) block of a Markdown text, with the word after the language. */
export function findReadmeExamples(markdown: string): FoundExample[] {
  const found: FoundExample[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(ts|typescript)\b\s*(.*)$/.exec(lines[i]);
    if (open === null) {
      if (/^`{3,}/.test(lines[i])) {
        // another language's block: skip to its end
        const fence = /^`{3,}/.exec(lines[i])?.[0] ?? '```';
        for (i++; i < lines.length && !lines[i].startsWith(fence); i++);
      }
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith(open[1])) end++;
    found.push({ code: lines.slice(i + 1, end).join('\n'), line: i + 2, documents: null, marker: open[3].trim() });
    i = end;
  }
  return found;
}
