/**
 * How the what-if solves its counts and weighs what they return: one after another, each from the schedule
 * for one hire fewer, keeping that schedule when the solve finds nothing cheaper, then each count from the
 * schedule for one hire more less a hire when that is cheaper, with each solve's uncertainty in dollars
 * beside every saving. The optimizer is a stand-in that returns what each test chooses, so nothing
 * depends on how fast a solve is.
 */
import { describe, expect, it } from "vitest";
import type { PlanningInput, Schedule } from "../../../models/index.js";
import type { OptimizeOptions, OptimizeOutcome } from "../../../src/optimize.js";
import type { Prepared } from "../../../src/pipeline.js";
import { resolveHire, type ResolvedHire } from "../../../src/reports/fte/settings.js";
import { runWhatIf, type WhatIfOptions } from "../../../src/reports/fte/what-if.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { a } from "../../fixtures/world.js";
import { outcomeOf, timedOut } from "./stand-in.js";

/** Two days; two IV technicians needed 07:00–17:00, and only Cat (tech2) is sterile-trained. */
function ivShort(): PlanningInput {
  return smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00", weekdays: [1] }] });
}

function ivHire(input: PlanningInput): ResolvedHire {
  const hire = resolveHire(input, { level: "tech2", fte: 1, pattern: "IV10" });
  if (!hire.ok) throw new Error(JSON.stringify(hire.problems));
  return hire.value;
}

// Monday's floor: Cat, and with her a hire (who works at most 80 h × 2/14 = 11.4 h over the two days).
const catOnIv: Schedule = { assignments: [a("C", "2026-03-02", "IV10")] };
const hireOnIv: Schedule = { assignments: [...catOnIv.assignments, a("whatif-hire-1", "2026-03-02", "IV10")] };

function options(input: PlanningInput, maxHires: number, optimizer: WhatIfOptions["optimizer"]): WhatIfOptions {
  return { hire: ivHire(input), maxHires, uncoveredStaffHourDollars: { pharmacist: 0, technician: 40 }, benefitsLoad: 0.25, optimizer };
}

describe("the what-if's solves", () => {
  it("run one after another, each from the schedule for one hire fewer", async () => {
    const input = ivShort();
    let running = 0;
    let most = 0;
    const starts: (Schedule | undefined)[] = [];
    const returned: Schedule[] = [];
    const optimizer = async (prepared: Prepared, o: OptimizeOptions): Promise<OptimizeOutcome> => {
      most = Math.max(most, ++running);
      starts.push(o.warmStart);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      const schedule = { assignments: prepared.input.staff.some((s) => s.id === "whatif-hire-1") ? hireOnIv.assignments : catOnIv.assignments };
      returned.push(schedule);
      return outcomeOf(prepared, schedule);
    };
    await runWhatIf(input, options(input, 2, optimizer));
    expect(most).toBe(1);
    expect(starts).toEqual([undefined, returned[0], returned[1]]);
  });

  it("keep the schedule for one hire fewer, the new hire idle, when the solve finds nothing cheaper", async () => {
    const input = ivShort();
    const optimizer = async (prepared: Prepared): Promise<OptimizeOutcome> => (prepared.input.staff.length === input.staff.length ? outcomeOf(prepared, catOnIv) : timedOut());
    const { view } = await runWhatIf(input, options(input, 1, optimizer));
    const [none, one] = view.rows;
    expect(one).toMatchObject({ status: "feasible", keptPreviousSchedule: true, marginalSaving: 0 });
    expect(one!.figures!.uncoveredStaffHours).toBe(none!.figures!.uncoveredStaffHours);
    expect(one!.figures!.hireDollars).toBe(0);
  });

  it("credit a hire with what its shifts covered, not with what count 1's search found for today's staff and count 0's did not", async () => {
    const input = ivShort();
    // Count 0's search finds nobody working (20 uncovered IV hours); count 1's finds Cat on IV as well as
    // the hire: the hire's own shift covers 10 of those hours, Cat's the other 10.
    const optimizer = async (prepared: Prepared): Promise<OptimizeOutcome> =>
      outcomeOf(prepared, prepared.input.staff.length === input.staff.length ? { assignments: [] } : hireOnIv, { status: "feasible", bound: undefined, gap: undefined });
    const { view, baseline } = await runWhatIf(input, options(input, 1, optimizer));
    const [none, one] = view.rows;
    // 10 h × $40, not the 20 h the two searches differ by.
    expect(one!.marginalSaving).toBeCloseTo(400, 6);
    // Count 1's schedule less the hire (Cat on IV) is a schedule for today's staff, cheaper than count 0's own.
    expect(none).toMatchObject({ fromOneHireMore: true, status: "feasible" });
    expect(baseline).toEqual(catOnIv);
    expect(none!.figures!.uncoveredByArea["iv-room"]).toBeCloseTo(10, 6);
    // The hire's own: one IV10 shift of 10 h less a 30-minute unpaid break, at $25.
    expect(one!.figures!.idleHires).toBe(0);
    expect(one!.figures!.hireHours).toBeCloseTo(9.5, 9);
    expect(one!.figures!.hireDollars).toBeCloseTo(9.5 * 25, 6);
    // Neither search found a bound: the saving is labelled, not bare.
    expect(one).toMatchObject({ savingWithinUncertainty: true, savingNote: "Within the solver's uncertainty: the solve for 0 and 1 hire(s) found no bound on its cost, so the saving cannot be told from nothing." });
  });

  it("credit a hire who worked no shift with nothing, whatever count 0's search found", async () => {
    const input = ivShort();
    // Count 1's search finds Cat on IV and leaves the hire idle; count 0's found nobody working, or claims
    // a price below what the checker gives count 1's schedule (so that one is not taken for count 0).
    for (const claimed of [undefined, 0]) {
      const optimizer = async (prepared: Prepared): Promise<OptimizeOutcome> =>
        prepared.input.staff.length === input.staff.length ? outcomeOf(prepared, { assignments: [] }, claimed === undefined ? {} : { objective: claimed, bound: claimed }) : outcomeOf(prepared, catOnIv);
      const { view } = await runWhatIf(input, options(input, 1, optimizer));
      const one = view.rows[1]!;
      expect(one.marginalSaving).toBe(0);
      expect(one.figures).toMatchObject({ hireHours: 0, hireDollars: 0, idleHires: 1 });
      expect(one.savingNote).toBe("The hire worked no shift in the schedule found, so hire 1 saves nothing.");
    }
  });

  it("carry a schedule found for more hires down to every fewer count, the hires after the one taken out renumbered", async () => {
    const input = ivShort();
    // Only count 2's search finds anything: Cat and hire 2 on IV, hire 1 idle.
    const found: Schedule = { assignments: [...catOnIv.assignments, a("whatif-hire-2", "2026-03-02", "IV10")] };
    const optimizer = async (prepared: Prepared): Promise<OptimizeOutcome> => outcomeOf(prepared, prepared.input.staff.length === input.staff.length + 2 ? found : { assignments: [] });
    const { view } = await runWhatIf(input, options(input, 2, optimizer));
    const [none, one, two] = view.rows;
    expect([none!.fromOneHireMore, one!.fromOneHireMore, two!.fromOneHireMore]).toEqual([true, true, undefined]);
    expect(one!.figures).toMatchObject({ idleHires: 0, uncoveredStaffHours: 0 });
    expect(none!.figures!.uncoveredStaffHours).toBeCloseTo(10, 6);
    expect(one!.marginalSaving).toBeCloseTo(400, 6);
    expect(two!.marginalSaving).toBe(0);
  });

  it("report each solve's distance from the best possible, objective − bound, in dollars", async () => {
    const input = ivShort();
    const optimizer = async (prepared: Prepared): Promise<OptimizeOutcome> => {
      const o = outcomeOf(prepared, catOnIv);
      return { ...o, status: "feasible", bound: o.objective! - 750, gap: 750 / o.objective! };
    };
    const { view } = await runWhatIf(input, options(input, 0, optimizer));
    expect(view.rows[0]!.uncertaintyDollars).toBeCloseTo(750, 6);
    expect(view.rows[0]!.bound).toBeCloseTo(view.rows[0]!.objective! - 750, 6);
  });

  it("mark a saving smaller than the two rows' uncertainty as within it, and recommend nothing on it", async () => {
    const input = ivShort();
    // The hire covers 10 uncovered technician hours ($40 each): $400 over the horizon, while each solve
    // may be $1,000 from the best possible.
    const optimizer = async (prepared: Prepared): Promise<OptimizeOutcome> => {
      const o = outcomeOf(prepared, prepared.input.staff.length === input.staff.length ? catOnIv : hireOnIv);
      return { ...o, status: "feasible", bound: o.objective! - 1000, gap: 1000 / o.objective! };
    };
    const { view } = await runWhatIf(input, options(input, 1, optimizer));
    const one = view.rows[1]!;
    expect(one.marginalSaving).toBeCloseTo(400, 6);
    expect(one).toMatchObject({ savingWithinUncertainty: true });
    // 2 days: × 182 a year.
    expect(one.marginalSavingUncertaintyPerYear).toBeCloseTo(2000 * 182, 6);
    expect(view.recommendedHires).toBeUndefined();
    expect(view.noRecommendation).toBe(
      "hire 1 saves $72,800 a year, give or take $364,000: the schedules for 0 and 1 hire(s) are together up to that much a year from the best possible (each solve's objective − bound), so whether the saving reaches the position's $65,000 a year cannot be told. Run again with a longer time limit.",
    );
  });

  it("count the pay of staff with FTE 0 as PRN pay, which a hire can save", async () => {
    const base = ivShort();
    const input = { ...base, staff: [...base.staff, { ...base.staff.find((s) => s.id === "D")!, id: "P", name: "Pat", fte: 0 }] };
    const optimizer = async (prepared: Prepared): Promise<OptimizeOutcome> => outcomeOf(prepared, { assignments: [...catOnIv.assignments, a("P", "2026-03-02", "T12")] });
    const { view } = await runWhatIf(input, options(input, 0, optimizer));
    const f = view.rows[0]!.figures!;
    // T12: 12 h less a 30-minute unpaid break at Dan's $21.
    expect(f.agencyHours).toBeCloseTo(11.5, 9);
    expect(f.agencyDollars).toBeCloseTo(11.5 * 21, 6);
    expect(f.overtimeHours).toBe(0);
  });
});
