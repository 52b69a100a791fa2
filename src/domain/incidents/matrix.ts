// The risk matrix (风险矩阵): likelihood × impact gives the severity. Pure, and shown to people as a grid so
// they see why an incident got its severity.
import { IMPACTS, LIKELIHOODS, type Impact, type Likelihood, type Severity } from "./vocabulary.js";

const MATRIX: Readonly<Record<Likelihood, Readonly<Record<Impact, Severity>>>> = {
  high: { minor: "SEV3", moderate: "SEV2", severe: "SEV1" },
  medium: { minor: "SEV4", moderate: "SEV3", severe: "SEV2" },
  low: { minor: "SEV4", moderate: "SEV4", severe: "SEV3" },
};

/** The severity for a likelihood and an impact. */
export function severityOf(likelihood: Likelihood, impact: Impact): Severity {
  return MATRIX[likelihood][impact];
}

/** One row of the grid for display: the likelihood and the severity under each impact, with the chosen cell. */
export interface MatrixRow {
  likelihood: Likelihood;
  cells: { impact: Impact; severity: Severity; chosen: boolean }[];
}

/** The whole grid, rows high → low, columns minor → severe; `chosen` marks the given cell, if any. */
export function matrixRows(chosen?: { likelihood: Likelihood; impact: Impact }): MatrixRow[] {
  return LIKELIHOODS.map((likelihood) => ({
    likelihood,
    cells: IMPACTS.map((impact) => ({
      impact,
      severity: MATRIX[likelihood][impact],
      chosen: chosen?.likelihood === likelihood && chosen.impact === impact,
    })),
  }));
}
