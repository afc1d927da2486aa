/**
 * Slot over: no slot-demand line (a template on a date needing N people) gets more than N people.
 *
 * Policy: the people assigned to that shift instance are counted against the line's `required`; each
 * person beyond it is one unit. A person over weighs the line's own over weight (`slotDemand[].overWeight`),
 * else the rule's (`rules.coverage.slot-over.weight`, else the `slotOverPerPerson` weight), in the checker
 * and the model alike: a line that names its price keeps it whatever the rule's.
 *
 * Soft: an extra person is waste, not a danger. Default weight `slotOverPerPerson` (10): more than an
 * overstaffed staff-hour (a whole extra shift is unwanted), far less than a person short.
 */
import type { Finding, RuleDefinition } from "./types.js";
import { slotHeadcounts } from "./coverage-findings.js";
import { binaryReach, buildBand } from "../model/bands.js";
import { shiftTerms } from "../model/coverage.js";

export const slotOver: RuleDefinition = {
  id: "coverage.slot-over",
  title: "Slot demand not exceeded",
  policy: "Each shift with a headcount requirement gets no more than that many people.",
  hardByDefault: false,
  monotone: true,
  unit: "person",
  weightKey: "slotOverPerPerson",
  defaults: {},
  check(ctx, rule) {
    const findings: Finding[] = [];
    for (const { slot, people } of slotHeadcounts(ctx)) {
      if (people <= slot.required) continue;
      findings.push({
        subjects: { template: slot.template, date: slot.date },
        amount: people - slot.required,
        message: `${slot.template} on ${slot.date} has ${people} people for ${slot.required} required: ${people - slot.required} over`,
        weight: slot.overWeight ?? rule.weight,
      });
    }
    return findings;
  },
  // Per slot line, n = Σ x of its shift instance (one column per person): soft, an excess column
  // ≥ n − required at the line's over weight (its own, else the rule's); hard, n ≤ required.
  build(ctx, rule) {
    for (const slot of ctx.demand.slots) {
      const terms = shiftTerms(ctx, slot);
      const subjects = { template: slot.template, date: slot.date };
      buildBand(ctx, rule, `${rule.id}[${slot.shift}]`, subjects, slot.overWeight ?? rule.weight, { terms, max: slot.required, reach: binaryReach(terms) });
    }
  },
};
