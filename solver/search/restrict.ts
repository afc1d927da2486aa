/**
 * A model with some columns fixed, reduced before it reaches the engine: fixed columns leave the matrix
 * (their part moves into the row bounds and the objective's offset) and rows left without a column go,
 * unless the fixed values break them.
 * A neighbourhood of a month's model keeps a fifth of its columns; handing HiGHS the small model saves
 * its presolve the work of removing the rest, on every neighbourhood.
 * Also, for fix-and-optimize (`neighbourhoods.ts`): which columns a neighbourhood fixes around an incumbent
 * (`fixedOutside`, `mergedFixing`), where a month's search starts (`seedValues`), a model's LP relaxation
 * (`relaxed`) and a schedule as a warm start (`asStart`).
 */
import type { LinearModel } from "../model/linear-model.js";
import type { AssignmentColumns, Neighbourhood } from "./list.js";

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

/** Each column's rows (the model stores its matrix by row), made once per model. */
const rowsOfColumns = new WeakMap<LinearModel, { starts: Int32Array; rows: Int32Array }>();

function rowsByColumn(model: LinearModel): { starts: Int32Array; rows: Int32Array } {
  let index = rowsOfColumns.get(model);
  if (index) return index;
  const starts = new Int32Array(model.numCols + 1);
  for (const j of model.rowColumns) starts[j + 1]!++;
  for (let j = 0; j < model.numCols; j++) starts[j + 1]! += starts[j]!;
  const next = starts.slice(0, model.numCols);
  const rows = new Int32Array(model.rowColumns.length);
  for (let r = 0; r < model.numRows; r++) {
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) rows[next[model.rowColumns[k]!]!++] = r;
  }
  index = { starts, rows };
  rowsOfColumns.set(model, index);
  return index;
}

/**
 * Each column's fixed value (NaN: free). Assignment columns outside the neighbourhood keep the incumbent's
 * value. With `fixFar`, so do the other columns (slacks, penalties, overtime, indicators) that no free
 * assignment reaches through rows: their rows cannot change here, and taking them out shrinks a month's
 * 2-day neighbourhood from 21,834 columns to 2,717. Every solution of what is left is one of the whole
 * model, since the incumbent's own values solve it. (Models solved alongside HiGHS keep them free: on
 * Curtois–Qu instance 5, whose neighbourhoods are small anyway, an earlier version that freed only the
 * columns sharing a row with a free assignment made the schedules at 60 s worse, 1340 and 1437 against
 * 1245–1248.)
 */
export function fixedOutside(model: LinearModel, a: AssignmentColumns, incumbent: Float64Array, n: Neighbourhood, fixFar: boolean): Float64Array {
  const fixed = new Float64Array(model.numCols).fill(NaN);
  const assignment = new Uint8Array(model.numCols);
  const near = new Uint8Array(model.numCols);
  const { starts, rows } = rowsByColumn(model);
  const reach: number[] = [];
  for (let i = 0; i < a.columns.length; i++) {
    const j = a.columns[i]!;
    assignment[j] = 1;
    if (!n.free(i)) fixed[j] = Math.round(incumbent[j]!);
    else reach.push(j);
  }
  // Other columns reached from a free assignment through rows and other such columns (a weekend indicator,
  // then the level's fairness maximum over it; a period's paid hours, then its band's slack) stay free.
  // Each row is walked once: a cover row holds every assignment of its interval, and walking it again for
  // each of them took a month's 1-day window 36 ms, against 2 ms.
  const rowSeen = new Uint8Array(model.numRows);
  while (reach.length > 0) {
    const j = reach.pop()!;
    for (let k = starts[j]!; k < starts[j + 1]!; k++) {
      const r = rows[k]!;
      if (rowSeen[r]) continue;
      rowSeen[r] = 1;
      for (let m = model.rowStarts[r]!; m < model.rowStarts[r + 1]!; m++) {
        const c = model.rowColumns[m]!;
        if (near[c] || assignment[c]) continue;
        near[c] = 1;
        reach.push(c);
      }
    }
  }
  for (let j = 0; fixFar && j < model.numCols; j++) {
    if (assignment[j] || near[j]) continue;
    fixed[j] = model.colInteger[j] ? Math.round(incumbent[j]!) : incumbent[j]!;
  }
  return fixed;
}

/**
 * What merging a neighbourhood's solution (`values`) into the incumbent fixes: every assignment column,
 * inside the neighbourhood at the solution's value and outside at the incumbent's; with `fixFar`, also the
 * other columns no assignment of the neighbourhood reaches. What those assignments reach (slacks, hours,
 * indicators) is left to be solved for.
 */
export function mergedFixing(model: LinearModel, a: AssignmentColumns, incumbent: Float64Array, n: Neighbourhood, values: Float64Array, fixFar: boolean): Float64Array {
  const fixed = fixedOutside(model, a, incumbent, n, fixFar);
  for (let i = 0; i < a.columns.length; i++) if (n.free(i)) fixed[a.columns[i]!] = Math.round(values[a.columns[i]!]!);
  return fixed;
}

/**
 * Where a month's search starts: the warm start's values, 0 elsewhere (nobody working), each within its
 * column's bounds (a locked assignment's column is fixed at 1).
 */
export function seedValues(model: LinearModel, warmStart?: { indices: Int32Array; values: Float64Array }): Float64Array {
  const start = new Float64Array(model.numCols);
  warmStart?.indices.forEach((j, i) => (start[j] = warmStart.values[i]!));
  return start.map((v, j) => Math.min(model.colUpper[j]!, Math.max(model.colLower[j]!, v)));
}

/** The LP relaxation of a model: every column continuous. */
export const relaxed = (model: LinearModel): LinearModel => ({ ...model, colInteger: new Uint8Array(model.numCols) });

/** Every column's value, as a warm start. */
export const asStart = (values: Float64Array): { indices: Int32Array; values: Float64Array } => ({
  indices: Int32Array.from({ length: values.length }, (_, i) => i),
  values,
});
