/**
 * Fairness figures: weekends and nights worked per person, compared within a career-ladder level among
 * regular staff (PRN and agency staff are excluded: they work when asked).
 */
import type { FairnessLine } from "../../models/index.js";
import type { CheckContext, StaffView } from "./context.js";
import { payOf } from "./pay.js";

export type FairnessMeasure = "weekends" | "nights";

/** Regular staff grouped by level, in input order; levels with fewer than two people are left out. */
export function fairnessGroups(ctx: CheckContext): { level: string; members: StaffView[] }[] {
  const groups = new Map<string, StaffView[]>();
  for (const view of ctx.staff) {
    if (view.member.employment !== "staff" || view.member.fte <= 0) continue;
    const list = groups.get(view.level.id) ?? [];
    list.push(view);
    groups.set(view.level.id, list);
  }
  return [...groups].filter(([, members]) => members.length > 1).map(([level, members]) => ({ level, members }));
}

export function fairnessLine(ctx: CheckContext, level: string, members: StaffView[], measure: FairnessMeasure): FairnessLine {
  const pay = payOf(ctx);
  const index = new Map(ctx.staff.map((v, i) => [v, i]));
  const counts = members.map((m) => {
    const hours = pay[index.get(m)!]!;
    return measure === "weekends" ? hours.weekendsWorked : hours.nights;
  });
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return { level, measure, min, max, spread: max - min };
}

export function fairnessLines(ctx: CheckContext): FairnessLine[] {
  return fairnessGroups(ctx).flatMap(({ level, members }) => [
    fairnessLine(ctx, level, members, "weekends"),
    fairnessLine(ctx, level, members, "nights"),
  ]);
}
