/**
 * What a reader of a whole department's schedule who may not read people's leave or requests (an hr
 * token: api/auth.ts) is shown of the checker's explanation. Input: the planning input the schedule was
 * explained against and the explanation. Output: the explanation without what names a person's leave or
 * requests. The figures (total, rule counts and penalties, the requests granted of all) stay, so the reader
 * sees the same totals as the manager; only the lines that quote a person's own data go.
 */
import type { Explanation, PlanningInput, Violation } from "../../models/index.js";
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
