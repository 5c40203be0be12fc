import ts from 'typescript';

/** A claim comment compiled to code that runs inside the example. */
export interface ParsedClaim {
  /** `value`: the expression's value matches; `throws`: the expression throws a message containing `message` */
  readonly kind: 'value' | 'throws';
  /** for `value`: JavaScript (TypeScript) building the Expectation with the builders `__E` */
  readonly expectation: string;
  /** for `throws`: the text the error message must contain */
  readonly message: string;
}

/** Where commentary starts, at bracket depth 0: none of these can continue a claimed value. */
const COMMENTARY = [' — ', ' = ', ': ', ', ', '; '];
/**
 * A parenthesis after a space starts commentary when what precedes it ends an operand (`2 (two)`,
 * `f(x) (note)`), since a call has no space before its parenthesis; after an operator it opens
 * a group of the value (`1 / (2 * x)`).
 */
const ENDS_OPERAND = /[\w$)\]}'"`…]/;

const TYPED = /\b(Float64Array|Float32Array|Int8Array|Int16Array|Int32Array|Uint8Array|Uint8ClampedArray|Uint16Array|Uint32Array)\s*(?:\(\d+\)\s*)?\[/;

/** The value part of a claim: up to the first commentary separator outside brackets and quotes. */
export function claimValueText(text: string): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && COMMENTARY.some((s) => text.startsWith(s, i))) return text.slice(0, i).trim();
    else if (depth === 0 && text.startsWith(' (', i) && ENDS_OPERAND.test(text.slice(0, i).trimEnd().slice(-1))) {
      return text.slice(0, i).trim();
    }
  }
  return text.trim();
}

/** `Float64Array [1, 2]` (as Node prints it) → `__typed("Float64Array", [1, 2])`. */
function typedArrays(text: string): string {
  let out = text;
  for (let m = TYPED.exec(out); m !== null; m = TYPED.exec(out)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < out.length && close < 0; i++) {
      if (out[i] === '[') depth++;
      else if (out[i] === ']' && --depth === 0) close = i;
    }
    if (close < 0) throw new Error(`unbalanced [ after ${m[1]}`);
    out = `${out.slice(0, m.index)}__typed(${JSON.stringify(m[1])}, ${out.slice(open, close + 1)})${out.slice(close + 1)}`;
  }
  return out;
}

interface NumberLiteral {
  value: number;
  text: string;
  lead: boolean;
}

function numberLiteral(node: ts.Expression, sf: ts.SourceFile): NumberLiteral | null {
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    const inner = numberLiteral(node.operand, sf);
    return inner === null ? null : { value: -inner.value, text: `-${inner.text}`, lead: inner.lead };
  }
  if (ts.isNumericLiteral(node)) {
    const text = node.getText(sf);
    return { value: Number(text.replace(/_/g, '')), text, lead: false };
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === '__lead') {
    const text = (node.arguments[0] as ts.StringLiteral).text;
    return { value: Number(text), text, lead: true };
  }
  return null;
}

function build(node: ts.Expression, sf: ts.SourceFile, approx: boolean): string {
  const num = numberLiteral(node, sf);
  if (num !== null) {
    const rule = num.lead ? 'lead' : approx ? 'round' : 'exact';
    return `__E.num(${num.value}, ${JSON.stringify(num.text)}, '${rule}')`;
  }
  const items = (elements: readonly ts.Expression[], typed: string | null): string => {
    const more = elements.length > 0 && isMore(elements[elements.length - 1]);
    const listed = more ? elements.slice(0, -1) : elements;
    if (listed.some(isMore)) throw new Error('… stands only at the end of an array');
    return `__E.arr([${listed.map((e) => build(e, sf, approx)).join(', ')}], ${more}, ${typed === null ? 'null' : JSON.stringify(typed)})`;
  };
  if (ts.isArrayLiteralExpression(node)) return items(node.elements, null);
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === '__typed') {
    const name = (node.arguments[0] as ts.StringLiteral).text;
    return items((node.arguments[1] as ts.ArrayLiteralExpression).elements, name);
  }
  if (ts.isObjectLiteralExpression(node)) {
    const entries: string[] = [];
    for (const p of node.properties) {
      if (ts.isShorthandPropertyAssignment(p)) {
        if (p.name.text === '__more') continue; // `…`: further keys, not claimed
        if (approx) throw new Error(`≈ needs number literals, got the name ${p.name.text}`);
        entries.push(`[${JSON.stringify(p.name.text)}, __E.val(${p.name.text})]`);
      } else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name))) {
        entries.push(`[${JSON.stringify(p.name.text)}, ${build(p.initializer, sf, approx)}]`);
      } else {
        throw new Error(`cannot claim the property ${p.getText(sf)}`);
      }
    }
    return `__E.obj([${entries.join(', ')}])`;
  }
  if (isMore(node)) throw new Error('… stands only at the end of an array or object');
  const literal =
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword;
  if (approx && !literal) {
    throw new Error(`≈ compares printed digits and needs number literals, got ${node.getText(sf)}`);
  }
  return `__E.val((${node.getText(sf)}))`;
}

function isMore(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && node.text === '__more';
}

/** Parses `text` as one expression; throws with the parser's message when it is not one. */
function parseExpression(text: string): { node: ts.Expression; sf: ts.SourceFile } {
  const sf = ts.createSourceFile('claim.ts', `(${text}\n)`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) {
    throw new Error(`not an expression: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, ' ')}`);
  }
  const st = sf.statements[0];
  if (sf.statements.length !== 1 || !ts.isExpressionStatement(st) || !ts.isParenthesizedExpression(st.expression)) {
    throw new Error('not a single expression');
  }
  return { node: st.expression.expression, sf };
}

const COMPARE: [string, string][] = [
  ['<=', '≤'],
  ['>=', '≥'],
  ['≤', '≤'],
  ['≥', '≥'],
  ['<', '<'],
  ['>', '>'],
];

/**
 * Compiles the text of a claim comment (without `//`). Grammar, in words:
 * an optional `→`, then `throws "text"`, or `≈ value`, or a comparison `< value` (also `≤ > ≥`,
 * `<= >=`), or a value; commentary may follow the value after ` — `, ` = `, `: `, `, `, `; ` or,
 * after an operand, ` (` (all outside brackets). A value is any JavaScript expression in the example's scope, where also
 * `Float64Array [1, 2]` (Node's way of printing) is a typed array of that type, digits followed by
 * `…` are the leading digits of a number, and `…` as last element of an array or object means
 * "more that is not claimed".
 */
export function parseClaim(comment: string): ParsedClaim {
  let text = claimValueText(comment.trim().replace(/^→\s*/, ''));
  if (text === '') throw new Error('the claim states no value');
  if (/^throws\s/.test(text)) {
    const { node } = parseExpression(text.slice('throws'.length).trim());
    if (!ts.isStringLiteral(node)) throw new Error('throws takes a quoted piece of the error message');
    return { kind: 'throws', expectation: '', message: node.text };
  }
  let approx = false;
  let op: string | null = null;
  if (text.startsWith('≈')) {
    approx = true;
    text = text.slice(1).trim();
  } else {
    const c = COMPARE.find(([s]) => text.startsWith(s));
    if (c !== undefined) {
      op = c[1];
      text = text.slice(c[0].length).trim();
    }
  }
  text = typedArrays(text)
    .replace(/(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)…/g, '__lead("$1")')
    .replace(/…/g, '__more');
  const { node, sf } = parseExpression(text);
  if (op !== null) return { kind: 'value', expectation: `__E.cmp('${op}', (${node.getText(sf)}))`, message: '' };
  return { kind: 'value', expectation: build(node, sf, approx), message: '' };
}
