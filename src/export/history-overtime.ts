/**
 * Why a person's overtime can exceed what their paid hours show: a workweek or pay period that starts
 * before the horizon counts the hours worked before it (the person's history, `historyHours` of the
 * explanation's lines), which the schedule's paid hours leave out. One line per such week or period, for
 * the CLI's hours table and the schedule page.
 */
import type { PlanningInput, StaffHours } from "../../models/index.js";
import { num } from "../reports/fte/words.js";

/** A line for each week (weekly40) or pay period (8/80) whose history hours count toward a person's overtime. */
export function historyOvertimeNotes(input: PlanningInput, staff: readonly StaffHours[]): string[] {
  const members = new Map(input.staff.map((m) => [m.id, m]));
  return staff.flatMap((s) => {
    const member = members.get(s.staff);
    if (!member || s.overtimeHours <= 0) return [];
    const [lines, span] = member.overtimeRule === "weekly40" ? [s.perWeek, "workweek"] : [s.perPayPeriod, "pay period"];
    return lines
      .filter((line) => line.historyHours > 0)
      .map(
        (line) =>
          `${member.name}: the ${span} that includes ${line.firstDate} has ${num(line.historyHours)} h worked before the horizon and ${num(line.hours)} h in it; ` +
          "overtime counts both, paid hours only the latter",
      );
  });
}
