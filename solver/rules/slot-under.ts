/**
 * Slot under: every slot-demand line (a template on a date needing N people) gets at least N people.
 *
 * Policy: the people assigned to that shift instance are counted against the line's `required`; each
 * person missing is one unit. Lines on dates the template does not run are dropped when demand is
 * derived. A person short weighs the line's own under weight (`slotDemand[].underWeight`), else the
 * rule's (`rules.coverage.slot-under.weight`, else the `slotUnderPerPerson` weight), in the checker and
 * the model alike: a line that names its price keeps it whatever the rule's.
 *
 * Soft, never hard (an input setting it hard is refused): like interval coverage, a short slot is a gap to
 * report, not a reason to return no schedule.
 * Default weight `slotUnderPerPerson` (300) matches an uncovered forecast staff-hour's: a missing person is
 * missing work; the Curtois–Qu benchmark sets its own weight per line.
 */
import { COVERAGE_IS_SOFT, type Finding, type RuleDefinition } from "./types.js";
import { slotHeadcounts } from "./coverage-findings.js";
import { binaryReach, buildBand } from "../model/bands.js";
import { shiftTerms } from "../model/coverage.js";

export const slotUnder: RuleDefinition = {
  id: "coverage.slot-under",
  title: "Slot demand filled",
  policy: "Each shift with a headcount requirement gets at least that many people.",
  hardByDefault: false,
  alwaysSoft: COVERAGE_IS_SOFT,
  unit: "person",
  weightKey: "slotUnderPerPerson",
  defaults: {},
  check(ctx, rule) {
    const findings: Finding[] = [];
    for (const { slot, people } of slotHeadcounts(ctx)) {
      if (people >= slot.required) continue;
      findings.push({
        subjects: { template: slot.template, date: slot.date },
        amount: slot.required - people,
        message: `${slot.template} on ${slot.date} has ${people} of ${slot.required} people required: ${slot.required - people} short`,
        weight: slot.underWeight ?? rule.weight,
      });
    }
    return findings;
  },
  // Per slot line, n = Σ x of its shift instance (one column per person): soft, a shortfall column
  // ≥ required − n at the line's under weight (its own, else the rule's).
  build(ctx, rule) {
    for (const slot of ctx.demand.slots) {
      if (slot.required <= 0) continue;
      const terms = shiftTerms(ctx, slot);
      const subjects = { template: slot.template, date: slot.date };
      buildBand(ctx, rule, `${rule.id}[${slot.shift}]`, subjects, slot.underWeight ?? rule.weight, { terms, min: slot.required, reach: binaryReach(terms) });
    }
  },
};
