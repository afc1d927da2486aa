/**
 * What a reader of a whole department's schedule who may not read people's leave or requests (an hr
 * token: api/auth.ts) is shown of the checker's explanation. Input: the planning input the schedule was
 * explained against and the explanation. Output: the explanation without what names a person's leave or
 * requests. The figures (total, rule counts and penalties, the requests granted of all) stay, so the reader
 * sees the same totals as the manager; only the lines that quote a person's own data go.
 */
import type { Conflict, Explanation, PlanningInput, Violation } from "../../models/index.js";
import type { FteReport } from "../reports/fte/report.js";
import { REQUEST_RULES } from "../../solver/explain.js";
import { onLeaveMessage } from "../../solver/rules/approved-leave.js";

/**
 * How much of each person's approved leave and requests a reader of the whole schedule is shown: `shown`
 * (a manager: everything), `withheld` (no leave reasons or dates, no request listed).
 */
export type PersonalDetails = "shown" | "withheld";

/**
 * `explanation` as a reader who may not read people's leave or requests is shown it: a shift on approved
 * leave is named (it breaks a hard rule) without the leave's reason or dates, and no violation of a request
 * rule is listed. The schedule page leaves out the leave it marks in its grid too (schedule-html.ts).
 */
export function withholdPersonalDetails(input: PlanningInput, explanation: Explanation): Explanation {
  const names = new Map(input.staff.map((s) => [s.id, s.name]));
  const shiftNames = new Map(input.shiftTemplates.map((t) => [t.id, t.name]));
  const violations = explanation.violations.flatMap((v): Violation[] => {
    if (REQUEST_RULES.has(v.rule)) return [];
    if (v.rule !== "leave.approved") return [v];
    const { staff = "", template = "", date = "" } = v.subjects;
    return [{ ...v, message: onLeaveMessage(names.get(staff) ?? staff, shiftNames.get(template) ?? template, template, date) }];
  });
  return { ...explanation, violations };
}

/** A conflict's leave side as a reader who may not read people's leave is shown it: no reason, no dates. */
const LEAVE_WITHHELD = "approved leave";

/**
 * `report` as a reader who may not read people's leave is shown it: where a what-if count had no schedule,
 * the conflicts the optimizer named give a person's approved leave without its reason or dates, in every
 * line that quotes them (the conflicts, the recommendation, the findings), and so in every format rendered
 * from it. A conflict's other sides (contract figures, locks, history) are the report's to show.
 */
export function withholdFteReportDetails(report: FteReport): FteReport {
  const leaveSides = new Set(report.whatIf.rows.flatMap((row) => (row.conflicts ?? []).flatMap(leaveSideOf)));
  if (leaveSides.size === 0) return report;
  // Every string of the report, through its JSON: each side appears escaped as JSON writes it.
  let text = JSON.stringify(report);
  const escaped = (s: string): string => JSON.stringify(s).slice(1, -1);
  for (const side of leaveSides) text = text.split(escaped(side)).join(escaped(LEAVE_WITHHELD));
  return JSON.parse(text) as FteReport;
}

/** The side a conflict gives a person's approved leave, when it names reasons and dates. */
function leaveSideOf(conflict: Conflict): string[] {
  const at = conflict.rules.indexOf("leave.approved");
  const side = at === -1 ? undefined : conflict.sides[at];
  return side !== undefined && side !== LEAVE_WITHHELD ? [side] : [];
}
