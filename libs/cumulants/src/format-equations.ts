import { polyText } from './coefficient';
import type { CumulantTerm, MomentVariable } from './cumulant-equations';

/** @internal The text (one equation per line) or LaTeX (align* rows) of a system of moment equations. */
export function formatEquations(
  moments: readonly MomentVariable[],
  equations: readonly (readonly CumulantTerm[])[],
  parameters: readonly string[],
  factorName: (v: number, conj: boolean, latex: boolean) => string,
  latex: boolean,
): string {
  return equations
    .map((terms, i) => {
      const lhs = latex ? `\\frac{d}{dt}\\langle ${moments[i].latex} \\rangle &=` : `d⟨${moments[i].name}⟩/dt =`;
      const body = terms
        .map((t) => {
          const c = polyText(t.coefficient, parameters, latex);
          const wrapped = t.coefficient.size > 1 ? `(${c})` : c;
          const prod = t.factors.map((v, j) => factorName(v, t.conjugate[j], latex)).join(latex ? ' ' : '');
          if (prod === '') return wrapped;
          return wrapped === '1' ? prod : wrapped === '-1' ? `-${prod}` : `${wrapped}${latex ? ' ' : '·'}${prod}`;
        })
        .join(' + ')
        .replace(/\+ -/g, '- ');
      return `${lhs} ${body === '' ? '0' : body}`;
    })
    .join(latex ? ' \\\\\n' : '\n');
}
