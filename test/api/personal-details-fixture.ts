/**
 * A site whose people have what an hr token may not read (api/auth.ts): Ann's approved leave, with a
 * medical reason and a first date that appears nowhere else (the horizon is 2026-03-02 to 04), and Ben's
 * and Cat's requests. Used where a test checks that an answer leaves them out.
 */
import type { PlanningInput } from "../../models/index.js";
import { testSite } from "./harness.js";

export const REASON = "FMLA: oncology infusion";
export const LEAVE_START = "2026-02-27";

/** The test world as site `id`, Ann on leave 2026-02-27…03-03, Ben asking for E8 on 03-02, Cat for 03-04 off. */
export function siteWithPersonalDetails(id: string): PlanningInput {
  const base = testSite(id);
  return {
    ...base,
    staff: base.staff.map((s) => {
      if (s.id === "A") return { ...s, leave: [{ start: LEAVE_START, end: "2026-03-03", reason: REASON }] };
      if (s.id === "B") return { ...s, requests: [{ kind: "shift-on" as const, date: "2026-03-02", template: "E8", weight: 3 }] };
      if (s.id === "C") return { ...s, requests: [{ kind: "day-off" as const, date: "2026-03-04", weight: 2 }] };
      return s;
    }),
  };
}
