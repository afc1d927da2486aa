/**
 * A model with some columns fixed, reduced before it reaches the engine: fixed columns leave the matrix
 * (their part moves into the row bounds and the objective's offset) and rows left without a column go,
 * unless the fixed values break them.
 * A neighbourhood of a month's model keeps a fifth of its columns; handing HiGHS the small model saves
 * its presolve the work of removing the rest, on every neighbourhood.
 */
import type { LinearModel } from "../model/linear-model.js";

export interface Restricted {
  model: LinearModel;
  /** Column of the whole model for each column of the restricted one. */
  columns: Int32Array;
}

/** `fixed[j]` is the value column j is fixed at, or NaN when it stays free. */
export function restrictModel(model: LinearModel, fixed: Float64Array): Restricted {
  const newIndex = new Int32Array(model.numCols).fill(-1);
  const columns: number[] = [];
  let offset = model.offset;
  for (let j = 0; j < model.numCols; j++) {
    if (Number.isNaN(fixed[j]!)) {
      newIndex[j] = columns.length;
      columns.push(j);
    } else offset += model.colCost[j]! * fixed[j]!;
  }
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rowNames: string[] = [];
  const rowStarts: number[] = [0];
  const rowColumns: number[] = [];
  const rowCoefficients: number[] = [];
  for (let r = 0; r < model.numRows; r++) {
    let constant = 0;
    const first = rowColumns.length;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) {
      const j = model.rowColumns[k]!;
      const a = model.rowCoefficients[k]!;
      if (newIndex[j]! >= 0) {
        rowColumns.push(newIndex[j]!);
        rowCoefficients.push(a);
      } else constant += a * fixed[j]!;
    }
    // A row of fixed columns only that holds goes; one that does not stays, empty, and makes the
    // restricted model infeasible (fixed values need not come from a solution: a search's first schedule).
    const slack = 1e-9 * Math.max(1, Math.abs(constant));
    if (rowColumns.length === first && constant >= model.rowLower[r]! - slack && constant <= model.rowUpper[r]! + slack) continue;
    rowLower.push(model.rowLower[r]! - constant);
    rowUpper.push(model.rowUpper[r]! - constant);
    rowNames.push(model.rowNames[r]!);
    rowStarts.push(rowColumns.length);
  }
  const pick = <T extends Float64Array | Uint8Array>(values: T, make: (n: number) => T): T => {
    const out = make(columns.length);
    columns.forEach((j, i) => (out[i] = values[j]!));
    return out;
  };
  return {
    columns: Int32Array.from(columns),
    model: {
      numCols: columns.length,
      numRows: rowNames.length,
      colNames: columns.map((j) => model.colNames[j]!),
      colLower: pick(model.colLower, (n) => new Float64Array(n)),
      colUpper: pick(model.colUpper, (n) => new Float64Array(n)),
      colCost: pick(model.colCost, (n) => new Float64Array(n)),
      colInteger: pick(model.colInteger, (n) => new Uint8Array(n)),
      rowNames,
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      rowStarts: Int32Array.from(rowStarts),
      rowColumns: Int32Array.from(rowColumns),
      rowCoefficients: Float64Array.from(rowCoefficients),
      offset,
    },
  };
}

/** A solution of the whole model: the restricted solution's values where free, the fixed ones elsewhere. */
export function expandSolution(restricted: Restricted, fixed: Float64Array, values: Float64Array): Float64Array {
  const whole = Float64Array.from(fixed, (v) => (Number.isNaN(v) ? 0 : v));
  restricted.columns.forEach((j, i) => (whole[j] = values[i]!));
  return whole;
}
