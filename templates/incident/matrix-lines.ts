// The risk matrix as text lines, the chosen cell in brackets.
import type { Locale } from "../../src/domain/locale.js";
import type { MatrixRow } from "../../src/domain/incidents/matrix.js";
import { IMPACT_NAMES, LIKELIHOOD_NAMES, incidentCopy } from "./incident-copy.js";

/** "high: minor SEV3 · moderate SEV2 · [severe SEV1]" per row, after a heading line. */
export function matrixLines(rows: MatrixRow[], locale: Locale): string[] {
  return [
    incidentCopy[locale].matrixHead,
    ...rows.map((r) => {
      const cells = r.cells.map((c) => {
        const cell = `${IMPACT_NAMES[locale][c.impact]} ${c.severity}`;
        return c.chosen ? `[${cell}]` : cell;
      });
      return `${LIKELIHOOD_NAMES[locale][r.likelihood]}: ${cells.join(" · ")}`;
    }),
  ];
}
