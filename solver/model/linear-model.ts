/**
 * A mixed-integer linear model as plain data: columns with bounds, costs and integrality, rows in
 * compressed sparse row form. Plain typed arrays, so a model crosses into a worker thread by structured
 * clone and goes into HiGHS without a text format in between.
 */

export interface Term {
  column: number;
  coefficient: number;
}

export interface LinearModel {
  readonly numCols: number;
  readonly numRows: number;
  readonly colNames: readonly string[];
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly colCost: Float64Array;
  /** 1 for an integer column. */
  readonly colInteger: Uint8Array;
  readonly rowNames: readonly string[];
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** CSR: the terms of row r are entries rowStarts[r] … rowStarts[r+1]−1. */
  readonly rowStarts: Int32Array;
  readonly rowColumns: Int32Array;
  readonly rowCoefficients: Float64Array;
  /** Constant added to the objective. */
  readonly offset: number;
}

export interface ColumnSpec {
  name: string;
  lower?: number;
  upper?: number;
  cost?: number;
  integer?: boolean;
}

/** Collects columns and rows; `build()` packs them into a LinearModel. */
export class ModelBuilder {
  private readonly colNames: string[] = [];
  private readonly colLower: number[] = [];
  private readonly colUpper: number[] = [];
  private readonly colCost: number[] = [];
  private readonly colInteger: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowStarts: number[] = [0];
  private readonly rowColumns: number[] = [];
  private readonly rowCoefficients: number[] = [];
  private offset = 0;

  get columnCount(): number {
    return this.colNames.length;
  }

  get rowCount(): number {
    return this.rowNames.length;
  }

  addColumn(spec: ColumnSpec): number {
    this.colNames.push(spec.name);
    this.colLower.push(spec.lower ?? 0);
    this.colUpper.push(spec.upper ?? Infinity);
    this.colCost.push(spec.cost ?? 0);
    this.colInteger.push(spec.integer ? 1 : 0);
    return this.colNames.length - 1;
  }

  /** A binary column. */
  addBinary(name: string, cost = 0): number {
    return this.addColumn({ name, lower: 0, upper: 1, cost, integer: true });
  }

  addCost(column: number, cost: number): void {
    this.colCost[column]! += cost;
  }

  addOffset(amount: number): void {
    this.offset += amount;
  }

  fixColumn(column: number, value: number): void {
    this.colLower[column] = value;
    this.colUpper[column] = value;
  }

  /** lower ≤ Σ terms ≤ upper; terms on the same column are merged, zero terms dropped. */
  addRow(name: string, terms: readonly Term[], lower: number, upper: number): number {
    const merged = new Map<number, number>();
    for (const t of terms) merged.set(t.column, (merged.get(t.column) ?? 0) + t.coefficient);
    for (const [column, coefficient] of merged) {
      if (coefficient === 0) continue;
      this.rowColumns.push(column);
      this.rowCoefficients.push(coefficient);
    }
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowStarts.push(this.rowColumns.length);
    return this.rowNames.length - 1;
  }

  build(): LinearModel {
    return {
      numCols: this.colNames.length,
      numRows: this.rowNames.length,
      colNames: this.colNames,
      colLower: Float64Array.from(this.colLower),
      colUpper: Float64Array.from(this.colUpper),
      colCost: Float64Array.from(this.colCost),
      colInteger: Uint8Array.from(this.colInteger),
      rowNames: this.rowNames,
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStarts: Int32Array.from(this.rowStarts),
      rowColumns: Int32Array.from(this.rowColumns),
      rowCoefficients: Float64Array.from(this.rowCoefficients),
      offset: this.offset,
    };
  }
}

/** Objective value of a column vector. */
export function objectiveOf(model: LinearModel, values: ArrayLike<number>): number {
  let total = model.offset;
  for (let j = 0; j < model.numCols; j++) total += model.colCost[j]! * values[j]!;
  return total;
}

/** The first violated bound, row or integrality (beyond `tolerance`), or undefined when the vector is feasible. */
export function firstInfeasibility(model: LinearModel, values: ArrayLike<number>, tolerance = 1e-6): string | undefined {
  for (let j = 0; j < model.numCols; j++) {
    const v = values[j]!;
    if (!Number.isFinite(v)) return `column ${model.colNames[j]} is ${v}`;
    if (v < model.colLower[j]! - tolerance || v > model.colUpper[j]! + tolerance) return `column ${model.colNames[j]} = ${v} outside its bounds`;
    if (model.colInteger[j] && Math.abs(v - Math.round(v)) > tolerance) return `column ${model.colNames[j]} = ${v} is not integral`;
  }
  for (let r = 0; r < model.numRows; r++) {
    let activity = 0;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) activity += model.rowCoefficients[k]! * values[model.rowColumns[k]!]!;
    if (activity < model.rowLower[r]! - tolerance || activity > model.rowUpper[r]! + tolerance) return `row ${model.rowNames[r]} = ${activity} outside [${model.rowLower[r]}, ${model.rowUpper[r]}]`;
  }
  return undefined;
}
