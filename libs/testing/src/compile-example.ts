import ts from 'typescript';
import { parseClaim } from './parse-claim';

/** A claim found in an example: where it is, what it says, what kind of check it compiles to. */
export interface ClaimSite {
  /** 1-based line of the claim comment inside the example */
  readonly line: number;
  /** the comment's text, without `//` */
  readonly text: string;
  /** `value` or `throws` (a claim on a value), `print` (the line a console.log prints) */
  readonly kind: 'value' | 'throws' | 'print';
}

/** One name an example imports: `import { imported as local } from module`. */
export interface ImportedName {
  readonly module: string;
  /** the exported name, `default`, or `*` for a namespace import */
  readonly imported: string;
  readonly local: string;
}

/** An example compiled to JavaScript: the body defines `async function __example__()`. */
export interface CompiledExample {
  readonly js: string;
  readonly claims: readonly ClaimSite[];
  readonly imports: readonly ImportedName[];
  /** modules imported for their side effects or types only are listed too, to be loaded */
  readonly modules: readonly string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The comment a statement ends with on its line, or, on the next line, one that starts with →. */
function claimComment(code: string, end: number): { text: string; pos: number } | null {
  let i = end;
  while (code[i] === ' ' || code[i] === '\t') i++;
  if (code.startsWith('//', i)) {
    const stop = code.indexOf('\n', i);
    return { text: code.slice(i + 2, stop < 0 ? undefined : stop).trim(), pos: i };
  }
  if (code[i] === '\r') i++;
  if (code[i] !== '\n') return null;
  i++;
  while (code[i] === ' ' || code[i] === '\t') i++;
  if (!code.startsWith('//', i)) return null;
  const stop = code.indexOf('\n', i);
  const text = code.slice(i + 2, stop < 0 ? undefined : stop).trim();
  return text.startsWith('→') ? { text, pos: i } : null;
}

/** Expression statements that show a value (not assignments, increments, yield, delete, void). */
function showsValue(e: ts.Expression): boolean {
  if (ts.isBinaryExpression(e)) {
    const k = e.operatorToken.kind;
    return !(k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment);
  }
  if (ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) {
    return e.operator !== ts.SyntaxKind.PlusPlusToken && e.operator !== ts.SyntaxKind.MinusMinusToken;
  }
  return !(ts.isYieldExpression(e) || ts.isDeleteExpression(e) || ts.isVoidExpression(e));
}

const STARTS_CLAIM = /^(→|≈|<|>|≤|≥)/;

/**
 * Compiles an example (TypeScript, possibly with imports and top-level await) into the body of
 * `async function __example__()`, with every claim turned into a call of `__claim` or `__print`.
 *
 * Claims are comments on statements of the example itself (not inside functions it defines):
 * - an expression statement followed by `// claim` on its line, or by a line `// → claim`:
 *   its value satisfies the claim (`console.log(…)`: the printed line equals the comment);
 * - a declaration `const name = …;` followed by `// → claim` (or `// ≈ …`, `// < …`, …):
 *   the declared value satisfies the claim; other comments on declarations are commentary.
 * Throws, naming the line, when a claim does not parse.
 */
export function compileExample(code: string): CompiledExample {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const syntax = (sf as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (syntax.length > 0) {
    const d = syntax[0];
    throw new Error(`line ${lineOf(d.start ?? 0)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  const edits: Edit[] = [];
  const claims: ClaimSite[] = [];
  const imports: ImportedName[] = [];
  const modules: string[] = [];

  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const module = (st.moduleSpecifier as ts.StringLiteral).text;
      modules.push(module);
      const clause = st.importClause;
      if (clause !== undefined && !clause.isTypeOnly) {
        if (clause.name !== undefined) imports.push({ module, imported: 'default', local: clause.name.text });
        const b = clause.namedBindings;
        if (b !== undefined && ts.isNamespaceImport(b)) imports.push({ module, imported: '*', local: b.name.text });
        if (b !== undefined && ts.isNamedImports(b)) {
          for (const el of b.elements) {
            if (!el.isTypeOnly) imports.push({ module, imported: (el.propertyName ?? el.name).text, local: el.name.text });
          }
        }
      }
      edits.push({ start: st.getStart(sf), end: st.end, text: '' });
      continue;
    }
    if (ts.isExportAssignment(st) || ts.isExportDeclaration(st)) {
      throw new Error(`line ${lineOf(st.getStart(sf))}: an example exports nothing but declarations`);
    }
    for (const m of ts.canHaveModifiers(st) ? (ts.getModifiers(st) ?? []) : []) {
      if (m.kind === ts.SyntaxKind.ExportKeyword) edits.push({ start: m.getStart(sf), end: m.end + 1, text: '' });
    }
  }

  const claim = (at: number, text: string, kind: ClaimSite['kind']): number => {
    claims.push({ line: lineOf(at), text, kind });
    return claims.length - 1;
  };
  const fail = (at: number, text: string, e: unknown): never => {
    throw new Error(`line ${lineOf(at)}: cannot read the claim "${text}": ${(e as Error).message}`);
  };

  const visit = (st: ts.Statement): void => {
    if (ts.isBlock(st)) st.statements.forEach(visit);
    else if (ts.isIfStatement(st)) {
      visit(st.thenStatement);
      if (st.elseStatement !== undefined) visit(st.elseStatement);
    } else if (ts.isIterationStatement(st, false)) visit(st.statement);
    else if (ts.isLabeledStatement(st)) visit(st.statement);
    else if (ts.isTryStatement(st)) {
      visit(st.tryBlock);
      if (st.catchClause !== undefined) visit(st.catchClause.block);
      if (st.finallyBlock !== undefined) visit(st.finallyBlock);
    } else if (ts.isSwitchStatement(st)) st.caseBlock.clauses.forEach((c) => c.statements.forEach(visit));
    else if (ts.isExpressionStatement(st) && showsValue(st.expression)) {
      const c = claimComment(code, st.end);
      if (c === null) return;
      const e = st.expression;
      const source = e.getText(sf);
      if (ts.isCallExpression(e) && e.expression.getText(sf) === 'console.log') {
        const printed = c.text.replace(/^→\s?/, '');
        const id = claim(c.pos, printed, 'print');
        const args = e.arguments.map((a) => a.getText(sf)).join(', ');
        edits.push({ start: st.getStart(sf), end: st.end, text: `await __print(${id}, async () => [${args}]);` });
        return;
      }
      let parsed;
      try {
        parsed = parseClaim(c.text);
      } catch (err) {
        return fail(c.pos, c.text, err);
      }
      const id = claim(c.pos, c.text, parsed.kind);
      const expectation = parsed.kind === 'value' ? `() => (${parsed.expectation})` : JSON.stringify(parsed.message);
      edits.push({ start: st.getStart(sf), end: st.end, text: `await __claim(${id}, async () => (${source}), ${expectation});` });
    } else if (ts.isVariableStatement(st)) {
      const c = claimComment(code, st.end);
      if (c === null || !STARTS_CLAIM.test(c.text)) return;
      const decls = st.declarationList.declarations;
      if (decls.length !== 1 || !ts.isIdentifier(decls[0].name)) {
        fail(c.pos, c.text, new Error('a claim on a declaration needs one declared name'));
      }
      const name = (decls[0].name as ts.Identifier).text;
      let parsed;
      try {
        parsed = parseClaim(c.text);
      } catch (err) {
        return fail(c.pos, c.text, err);
      }
      if (parsed.kind === 'throws') fail(c.pos, c.text, new Error('a declaration cannot claim to throw'));
      const id = claim(c.pos, c.text, 'value');
      edits.push({ start: st.end, end: st.end, text: ` await __claim(${id}, async () => ${name}, () => (${parsed.expectation}));` });
    }
  };
  sf.statements.forEach(visit);

  let rewritten = code;
  for (const e of edits.sort((x, y) => y.start - x.start)) {
    rewritten = rewritten.slice(0, e.start) + e.text + rewritten.slice(e.end);
  }
  const out = ts.transpileModule(`async function __example__() {\n${rewritten}\n}\n`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false },
    reportDiagnostics: true,
  });
  const d = out.diagnostics?.[0];
  if (d !== undefined) throw new Error(`does not compile: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  return { js: out.outputText.replace(/^export \{\};?\s*$/m, ''), claims, imports, modules };
}
