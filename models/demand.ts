/**
 * Staffing demand: what `src/demand` derives and the solver and checker read.
 */
import type { RoleFamily } from "./primitives.js";

/** Required people per interval for one area and role family. */
export interface DemandSeries {
  area: string;
  roleFamily: RoleFamily;
  /** max(floor, workload need) per interval. */
  required: number[];
  /** The floor part alone per interval. */
  floor: number[];
  /** The workload part alone per interval (people, before rounding up). */
  workloadPeople: number[];
}

export interface SlotRequirement {
  /** Shift instance key `${template}@${date}`. */
  shift: string;
  template: string;
  date: string;
  required: number;
  /** The line's own penalty per person short, when it sets one; else the rule's weight. */
  underWeight?: number;
  /** The line's own penalty per person over, when it sets one; else the rule's weight. */
  overWeight?: number;
}

export interface Demand {
  series: DemandSeries[];
  slots: SlotRequirement[];
}
