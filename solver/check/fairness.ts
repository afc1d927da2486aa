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

/** One finding per level whose counts differ: the spread, naming who works least and most. */
export function fairnessFindings(ctx: CheckContext, measure: FairnessMeasure): { subjects: { level: string }; amount: number; message: string }[] {
  const pay = new Map(payOf(ctx).map((h) => [h.staff, h]));
  const countOf = (id: string): number => (measure === "weekends" ? pay.get(id)!.weekendsWorked : pay.get(id)!.nights);
  const findings = [];
  for (const { level, members } of fairnessGroups(ctx)) {
    const line = fairnessLine(ctx, level, members, measure);
    if (line.spread <= 0) continue;
    const who = (count: number): string => members.filter((m) => countOf(m.member.id) === count).map((m) => m.member.name).join(", ");
    findings.push({
      subjects: { level },
      amount: line.spread,
      message: `${members[0]!.level.name} ${measure} range from ${line.min} (${who(line.min)}) to ${line.max} (${who(line.max)}): a spread of ${line.spread}`,
    });
  }
  return findings;
}
