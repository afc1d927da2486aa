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
  let free = 0;
  let offset = model.offset;
  for (let j = 0; j < model.numCols; j++) {
    if (Number.isNaN(fixed[j]!)) newIndex[j] = free++;
    else offset += model.colCost[j]! * fixed[j]!;
  }
  const columns = new Int32Array(free);
  for (let j = 0; j < model.numCols; j++) if (newIndex[j]! >= 0) columns[newIndex[j]!] = j;
  // The matrix in typed arrays of the whole model's sizes, cut to what is kept at the end: a month's
  // neighbourhoods are restricted several times a second, and growing plain arrays cost most of the time.
  const rowKept = new Int32Array(model.numRows);
  const rowLower = new Float64Array(model.numRows);
  const rowUpper = new Float64Array(model.numRows);
  const rowStarts = new Int32Array(model.numRows + 1);
  const rowColumns = new Int32Array(model.rowColumns.length);
  const rowCoefficients = new Float64Array(model.rowColumns.length);
  let rowCount = 0;
  let nonzeros = 0;
  const { rowStarts: starts, rowColumns: matrixColumns, rowCoefficients: coefficients } = model;
  for (let r = 0; r < model.numRows; r++) {
    let constant = 0;
    const first = nonzeros;
    for (let k = starts[r]!, end = starts[r + 1]!; k < end; k++) {
      const j = matrixColumns[k]!;
      const a = coefficients[k]!;
      const i = newIndex[j]!;
      if (i >= 0) {
        rowColumns[nonzeros] = i;
        rowCoefficients[nonzeros++] = a;
      } else constant += a * fixed[j]!;
    }
    // A row of fixed columns only that holds goes; one that does not stays, empty, and makes the
    // restricted model infeasible (fixed values need not come from a solution: a search's first schedule).
    const slack = 1e-9 * Math.max(1, Math.abs(constant));
    if (nonzeros === first && constant >= model.rowLower[r]! - slack && constant <= model.rowUpper[r]! + slack) continue;
    rowKept[rowCount] = r;
    rowLower[rowCount] = model.rowLower[r]! - constant;
    rowUpper[rowCount] = model.rowUpper[r]! - constant;
    rowStarts[++rowCount] = nonzeros;
  }
  const pick = <T extends Float64Array | Uint8Array>(values: T, out: T): T => {
    columns.forEach((j, i) => (out[i] = values[j]!));
    return out;
  };
  return {
    columns,
    model: {
      numCols: free,
      numRows: rowCount,
      colNames: Array.from(columns, (j) => model.colNames[j]!),
      colLower: pick(model.colLower, new Float64Array(free)),
      colUpper: pick(model.colUpper, new Float64Array(free)),
      colCost: pick(model.colCost, new Float64Array(free)),
      colInteger: pick(model.colInteger, new Uint8Array(free)),
      rowNames: Array.from(rowKept.subarray(0, rowCount), (r) => model.rowNames[r]!),
      rowLower: rowLower.slice(0, rowCount),
      rowUpper: rowUpper.slice(0, rowCount),
      rowStarts: rowStarts.slice(0, rowCount + 1),
      rowColumns: rowColumns.slice(0, nonzeros),
      rowCoefficients: rowCoefficients.slice(0, nonzeros),
      offset,
    },
  };
}

/** A solution of the whole model: the restricted solution's values where free, the fixed ones elsewhere. */
export function expandSolution(restricted: Restricted, fixed: Float64Array, values: Float64Array): Float64Array {
  const whole = fixed.slice();
  for (let i = 0; i < restricted.columns.length; i++) whole[restricted.columns[i]!] = values[i]!;
  return whole;
}
