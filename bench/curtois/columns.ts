/**
 * A Curtois–Qu instance as the roster column generation's problem (`solver/columns/`), and its rosters
 * back as roster assignments for the evaluator. Input: a parsed `CurtoisInstance`. Output: a
 * `RosterProblem` (shifts in the instance's order, option `shifts` = off) — the benchmark's nine rules
 * are exactly what `RosterRules` holds, so nothing is left out; rosters → `RosterAssignment[]`.
 */
import type { RosterProblem } from "../../solver/columns/generate.js";
import type { Roster, RosterRules } from "../../solver/columns/roster-rules.js";
import type { CurtoisInstance } from "./instance.js";
import type { RosterAssignment } from "./parse-roster.js";

export function rosterProblemOf(instance: CurtoisInstance): RosterProblem {
  const H = instance.horizon;
  const S = instance.shifts.length;
  const O = S + 1;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const forbiddenNext = new Uint8Array(S * S);
  instance.shifts.forEach((s, i) => s.forbiddenNext.forEach((t) => (forbiddenNext[i * S + shiftIndex.get(t)!] = 1)));
  const people = instance.staff.map((member): RosterRules => {
    const dayOff = new Uint8Array(H);
    for (const off of instance.daysOff) if (off.employee === member.id) off.days.forEach((d) => (dayOff[d] = 1));
    const requestCost = new Float64Array(H * O);
    // A shift-on request costs its weight on every other option of its day, off included.
    for (const r of instance.shiftOnRequests) {
      if (r.employee !== member.id) continue;
      const s = shiftIndex.get(r.shift)!;
      for (let o = 0; o < O; o++) if (o !== s) requestCost[r.day * O + o]! += r.weight;
    }
    for (const r of instance.shiftOffRequests) if (r.employee === member.id) requestCost[r.day * O + shiftIndex.get(r.shift)!]! += r.weight;
    return {
      days: H,
      shifts: S,
      lengthMinutes: instance.shifts.map((s) => s.lengthMinutes),
      forbiddenNext,
      maxPerShift: instance.shifts.map((s) => member.maxShifts[s.id] ?? Infinity),
      minMinutes: member.minTotalMinutes,
      maxMinutes: member.maxTotalMinutes,
      maxConsecutiveDays: member.maxConsecutiveShifts,
      minConsecutiveDays: member.minConsecutiveShifts,
      minConsecutiveDaysOff: member.minConsecutiveDaysOff,
      maxWeekends: member.maxWeekends,
      dayOff,
      requestCost,
      // Day 0 is a Monday.
      firstWeekday: 0,
    };
  });
  const cover = instance.cover.map((c) => ({ day: c.day, shift: shiftIndex.get(c.shift)!, required: c.requirement, underWeight: c.weightUnder, overWeight: c.weightOver }));
  return { days: H, shifts: S, people, cover };
}

/** Rosters (one per instance employee, in order) as the evaluator's assignments. */
export function rosterAssignments(instance: CurtoisInstance, rosters: readonly Roster[]): RosterAssignment[] {
  return rosters.flatMap((roster, p) =>
    Array.from(roster).flatMap((o, day) => (o < instance.shifts.length ? [{ employee: instance.staff[p]!.id, day, shift: instance.shifts[o]!.id }] : [])),
  );
}
