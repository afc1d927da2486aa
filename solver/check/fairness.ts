/**
 * Fairness figures: weekends and nights worked per person, compared within a career-ladder level among
 * regular staff (PRN and agency staff are excluded: they work when asked) who could work one.
 */
import type { FairnessLine } from "../../models/index.js";
import type { CheckContext, StaffView } from "./context.js";
import { payOf } from "./pay.js";
import { qualifiedFor, unavailableOn } from "../../models/index.js";

export type FairnessMeasure = "weekends" | "nights";

/**
 * Whether `view` is compared on `measure`: they could work one, by their approved leave, their employment
 * dates and what they may work (`unavailableOn`). A weekend: some weekend day of the horizon is off their
 * leave and inside their employment. A night: some night shift of the horizon is one they are qualified
 * for, their contract allows (not `maxShiftsPerTemplate` 0) and on such a day. Someone on leave all month,
 * a leaver gone before it, or a day-only pharmacist, has 0 of it by no one's choice:
 * compared, they made the spread (and its price) whatever the schedule did.
 */
function couldWork(ctx: CheckContext, view: StaffView, measure: FairnessMeasure): boolean {
  const free = (date: string): boolean => !unavailableOn(view.member, date);
  if (measure === "weekends") return ctx.grid.days.some((d) => d.isWeekend && free(d.date));
  return ctx.grid.shifts.some((s) => s.night && free(s.date) && view.member.contract.maxShiftsPerTemplate[s.template] !== 0 && qualifiedFor(ctx, view, s.template));
}

/**
 * Regular staff compared on `measure`, grouped by level, in input order: those who could work one
 * (`couldWork`); levels with fewer than two such people are left out.
 */
export function fairnessGroups(ctx: CheckContext, measure: FairnessMeasure): { level: string; members: StaffView[] }[] {
  const groups = new Map<string, StaffView[]>();
  for (const view of ctx.staff) {
    if (view.member.employment !== "staff" || view.member.fte <= 0 || !couldWork(ctx, view, measure)) continue;
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
  const measures: FairnessMeasure[] = ["weekends", "nights"];
  const lines = measures.flatMap((measure) => fairnessGroups(ctx, measure).map(({ level, members }) => fairnessLine(ctx, level, members, measure)));
  // By level in input order, weekends before nights within one, as they were listed.
  const order = new Map<string, number>(ctx.staff.map((v, i): [string, number] => [v.level.id, i]).reverse());
  return lines.sort((a, b) => order.get(a.level)! - order.get(b.level)! || measures.indexOf(a.measure) - measures.indexOf(b.measure));
}

/** One finding per level whose counts differ: the spread, naming who works least and most. */
export function fairnessFindings(ctx: CheckContext, measure: FairnessMeasure): { subjects: { level: string }; amount: number; message: string }[] {
  const pay = new Map(payOf(ctx).map((h) => [h.staff, h]));
  const countOf = (id: string): number => (measure === "weekends" ? pay.get(id)!.weekendsWorked : pay.get(id)!.nights);
  const findings = [];
  for (const { level, members } of fairnessGroups(ctx, measure)) {
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
