/**
 * Repair after a call-out: whom to call for one open shift of a stored schedule, best first, and who may
 * not take it and why (src/repair/candidates.ts). It shows every person's hours, rules and pay, and whose
 * leave or requests fall on the shift (with the leave's reason), so it is a manager's read, as analyzing a
 * schedule is: an hr or staff token gets 403. The ranking is worked out in the checker's worker threads
 * (`inChecker`), off the event loop.
 */
import { z } from "zod";
import { IdSchema, IsoDateSchema, RULE_IDS } from "../../models/index.js";
import { invalid, notFound } from "../problem.js";
import { operation, type Operation } from "../operation.js";
import { inChecker, noLongerFits, rulesInput, siteOr404 } from "./common.js";

const CandidatesQuerySchema = z.strictObject({
  date: IsoDateSchema.meta({ description: "The date the open shift starts on (YYYY-MM-DD), within the site's horizon" }),
  shift: IdSchema.meta({ description: "The open shift's template id; the template must run on that date (its weekday, and not a shift the spring-forward gap leaves no time)" }),
});

const Num = z.number();
const Person = { staff: z.string(), name: z.string(), level: z.string().meta({ description: "Level id" }) };

const CandidateRankingSchema = z
  .object({
    shift: z.object({ date: z.string(), template: z.string(), name: z.string(), area: z.string(), paidHours: Num }),
    calledOut: z.array(z.string()).meta({ description: "Staff ids the schedule has on this shift while on approved leave that date (the call-out): everyone is judged against the schedule without them" }),
    alreadyOn: z.array(z.string()).meta({ description: "Staff ids already working this shift on this date: neither candidates nor excluded" }),
    candidates: z
      .array(
        z.object({
          ...Person,
          totalChange: Num.meta({ description: "The checker's weighted total with the shift added minus without (those in calledOut off the shift in both): the ranking key, lowest first" }),
          laborDollarsChange: Num.meta({ description: "Labor dollars added: pay, differentials and overtime premium" }),
          overtimeHoursAdded: Num.meta({ description: "Overtime hours added under the person's overtime rule" }),
          coverageGainedStaffHours: Num.meta({ description: "Uncovered staff-hours of demand the shift covers" }),
          rules: z
            .array(z.object({ rule: z.enum(RULE_IDS), penaltyChange: Num, violationsChange: Num }))
            .meta({ description: "Soft rules the shift newly breaks (penaltyChange > 0) or mends (< 0), in registry order" }),
        }),
      )
      .meta({ description: "Who may take the shift without breaking a hard rule, best first" }),
    excluded: z
      .array(
        z.object({
          ...Person,
          rule: z.enum(RULE_IDS).meta({ description: "The first hard rule (registry order) the shift would break, or break further" }),
          message: z.string().meta({ description: "The checker's message for that violation" }),
          alsoBreaks: z.array(z.enum(RULE_IDS)),
        }),
      )
      .meta({ description: "Who may not take the shift, and why" }),
  })
  .meta({ id: "CandidateRanking" });

export const candidateOperations: Operation[] = [
  operation({
    method: "get", path: "/sites/{siteId}/schedules/{scheduleId}/candidates", tag: "schedules", permission: "schedule:analyze",
    summary: "Whom to call for one open shift (a template on a date) of a schedule, best first by the checker's weighted total, and who may not take it with the hard rule they would break",
    query: CandidatesQuerySchema,
    responses: { 200: { description: "The ranking", schema: CandidateRankingSchema } },
    handle: async ({ deps, params, query }) => {
      const site = siteOr404(deps.store, params.siteId!);
      const record = deps.store.schedules.get(site.id, params.scheduleId!);
      if (!record) throw notFound(`no schedule ${params.scheduleId} at site ${site.id}`);
      const ranked = await inChecker(deps, { op: "candidates", input: rulesInput(deps.store, site), assignments: record.assignments, date: query.date as string, shift: query.shift as string });
      if (ranked.ok) return { status: 200, body: ranked.value };
      if (ranked.misfit === "open-shift") throw invalid("the open shift does not fit the site's planning data", ranked.problems);
      throw noLongerFits(record, "nobody can be ranked for its open shift", ranked.problems);
    },
  }),
];
