/**
 * Pairs of one person's shifts that may not both be worked (too little rest, an overlap), and the rows
 * that forbid or price them. Hard, with `shift.one-per-day` hard: for each later shift, one row per earlier
 * day — Σ x[earlier shifts of that day that clash] + x[later] ≤ 1 — valid because a day then holds at most
 * one shift, and tighter than one row per pair. Otherwise two shifts may share a date, so a row per pair,
 * same-date pairs included (earlier start first). Soft: a penalty per clashing pair worked.
 */
import type { RuleId, ShiftInstance } from "../../models/index.js";
import { penaltyBinary, penalizeColumn, type BuildContext, type ShiftVar, type StaffVars } from "./build-context.js";

/** How much `earlier` and `later` clash (0 = not at all); the unit is the rule's. */
export type Clash = (earlier: ShiftInstance, later: ShiftInstance) => number;

/**
 * How many days back an earlier shift can clash with a later one when the clash reaches `reachMinutes`
 * past the earlier shift's end (rest; 0 for an overlap). A shift lasts at most 24 h and a local day is
 * 23–25 h, so an earlier shift of day d ends before day d + 2 (and an hour); the later one must start
 * before that end + reach: back ≤ 1 + ⌈(reach + 120) / 1440⌉ (2 for overlaps and up to 10 h of rest,
 * 5 for 75 h).
 */
export function pairReachDays(reachMinutes: number): number {
  return 1 + Math.ceil((reachMinutes + 120) / 1440);
}

/**
 * `clash` reaches `reachMinutes` past an earlier shift's end (a rest minimum; 0, the default, when only
 * overlaps clash): pairs that far apart in days are related too.
 */
export function buildPairRule(ctx: BuildContext, rule: { id: RuleId; hard: boolean; weight: number }, clash: Clash, reachMinutes = 0): void {
  // A day's clashing shifts share one row only when a day holds at most one shift.
  const oneADay = ctx.oneShiftADay;
  const reachDays = pairReachDays(reachMinutes);
  for (const person of ctx.staff) {
    person.byDay.forEach((laterVars, day) => {
      laterVars.forEach((later, j) => {
        // Back 0 is the later shift's own date: only shifts there that start before it (or at the same
        // minute and come first) are earlier, so each same-date pair is met once, in start order.
        for (let back = oneADay ? 1 : 0; back <= reachDays && day - back >= 0; back++) {
          const candidates = back === 0 ? laterVars.filter((v, i) => startsFirst(v, i, later, j)) : person.byDay[day - back]!;
          const clashing = candidates.filter((v) => clash(v.shift, later.shift) > 0);
          if (clashing.length === 0) continue;
          if (rule.hard && !oneADay) {
            for (const earlier of clashing) ctx.builder.addRow(`${rule.id}[${person.member.id},${earlier.shift.key},${later.shift.key}]`, [earlier, later].map((v) => ({ column: v.column, coefficient: 1 })), -Infinity, 1);
          } else if (rule.hard) {
            ctx.builder.addRow(`${rule.id}[${person.member.id},${later.shift.key},${day - back}]`, [...clashing, later].map((v) => ({ column: v.column, coefficient: 1 })), -Infinity, 1);
          } else {
            for (const earlier of clashing) pricePair(ctx, rule, person, earlier, later, clash(earlier.shift, later.shift));
          }
        }
        if (!rule.hard) {
          const amount = person.history.reduce((sum, h) => sum + clash(h, later.shift), 0);
          if (amount > 0) penalizeColumn(ctx, rule.id, { staff: person.member.id, date: later.shift.date }, later.column, amount * rule.weight);
        }
      });
    });
  }
}

/** Whether `v` (at index `i` of its date's shifts) comes before `w` (at `j`): by start, then by index. */
function startsFirst(v: ShiftVar, i: number, w: ShiftVar, j: number): boolean {
  return v.shift.startMinute < w.shift.startMinute || (v.shift.startMinute === w.shift.startMinute && i < j);
}

function pricePair(ctx: BuildContext, rule: { id: RuleId; weight: number }, person: StaffVars, earlier: ShiftVar, later: ShiftVar, amount: number): void {
  const both = penaltyBinary(ctx, rule.id, { staff: person.member.id, date: later.shift.date, template: later.shift.template }, amount * rule.weight);
  // both ≥ x[earlier] + x[later] − 1
  ctx.builder.addRow(`${rule.id}[${person.member.id},${earlier.shift.key},${later.shift.key}]`, [
    { column: earlier.column, coefficient: 1 },
    { column: later.column, coefficient: 1 },
    { column: both, coefficient: -1 },
  ], -Infinity, 1);
}

/** Whether a horizon shift clashes with the person's history (used by `forbids` when the rule is hard). */
export function clashesWithHistory(person: StaffVars, shift: ShiftInstance, clash: Clash): boolean {
  return person.history.some((h) => clash(h, shift) > 0);
}

/**
 * Clique rows for rules whose clash is "the second shift starts before the first one's end + `gapMinutes`"
 * (rest, with overlap included): each shift occupies [start, end + gap), any two shifts whose occupancy
 * overlaps clash, and an interval graph's clash rows are exactly its maximal cliques — one row per point
 * where occupancies pile up: Σ x ≤ 1. These rows admit the same integer schedules as the pair rows and
 * give the LP relaxation the convex hull of each person's conflicts.
 */
export function buildOccupancyCliques(ctx: BuildContext, rule: { id: RuleId }, gapMinutes: number): void {
  for (const person of ctx.staff) {
    const vars = person.byDay.flat();
    type Event = { at: number; kind: 0 | 1; v: ShiftVar };
    // Ends sort before starts at the same minute: [start, end + gap) is half-open.
    const events: Event[] = vars.flatMap((v) => [
      { at: v.shift.startMinute, kind: 1 as const, v },
      { at: v.shift.endMinute + gapMinutes, kind: 0 as const, v },
    ]);
    events.sort((a, b) => a.at - b.at || a.kind - b.kind);
    const open = new Set<ShiftVar>();
    let grew = false;
    for (const event of events) {
      if (event.kind === 1) {
        open.add(event.v);
        grew = true;
        continue;
      }
      if (grew && open.size > 1) {
        const first = [...open][0]!;
        ctx.builder.addRow(`${rule.id}[${person.member.id},${first.shift.key}…${open.size}]`, [...open].map((v) => ({ column: v.column, coefficient: 1 })), -Infinity, 1);
      }
      grew = false;
      open.delete(event.v);
    }
  }
}
