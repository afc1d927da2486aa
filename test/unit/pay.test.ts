import { describe, expect, it } from "vitest";
import { a, withRule, world } from "../fixtures/world.js";
import { smallWorld } from "../fixtures/small-world.js";
import { expectModelAgreesWithChecker, solveDirect } from "../fixtures/solve.js";
import { TWELVES, addTemplates, dates, patchStaff } from "../fixtures/patch.js";
import { explain, prepare } from "../../src/pipeline.js";
import { formatExplanation } from "../../src/cli/format.js";
import { scheduleToHtml } from "../../src/export/schedule-html.js";
import { buildCheckContext } from "../../solver/check/context.js";
import { payOf } from "../../solver/check/pay.js";
import type { Assignment, PlanningInput, StaffHours } from "../../models/index.js";

/** Hours and pay of one person under a schedule. */
function payFor(input: PlanningInput, assignments: Assignment[], staff: string): StaffHours {
  const { grid, demand } = prepare(input);
  const ctx = buildCheckContext(input, grid, demand, { assignments });
  return payOf(ctx).find((h) => h.staff === staff)!;
}
const twelves = () => addTemplates(world(), ...TWELVES);
const on = (staff: string, template: string, first: string, last: string) => dates(first, last).map((d) => a(staff, d, template));

// Workweeks run Sunday–Saturday (03-01…03-07, 03-08…03-14, 03-15); the pay period runs 03-01…03-14.
describe("overtime under weekly40 (Cat, $25/h)", () => {
  it("pays 20 h overtime for five 12-h shifts in one workweek", () => {
    const pay = payFor(twelves(), on("C", "C12", "2026-03-09", "2026-03-13"), "C");
    expect(pay.paidHours).toBe(60);
    expect(pay.overtimeHours).toBe(20);
    expect(pay.regularDollars).toBe(60 * 25);
    expect(pay.overtimePremiumDollars).toBe(20 * 12.5);
    expect(pay.perWeek).toEqual([
      { firstDate: "2026-03-02", hours: 0, historyHours: 0 },
      { firstDate: "2026-03-08", hours: 60, historyHours: 0 },
      { firstDate: "2026-03-15", hours: 0, historyHours: 0 },
    ]);
  });

  it("pays no overtime for the same five shifts split across two workweeks", () => {
    expect(payFor(twelves(), on("C", "C12", "2026-03-05", "2026-03-09"), "C").overtimeHours).toBe(0);
  });

  it("counts the DST night at its paid 10.5 h", () => {
    const pay = payFor(world(), on("C", "TN12", "2026-03-04", "2026-03-07"), "C");
    expect(pay.paidHours).toBe(3 * 11.5 + 10.5);
    expect(pay.overtimeHours).toBe(5);
  });

  it("counts history toward its workweek without charging history-only overtime", () => {
    // 60 h of history in the week before the horizon (20 h of it overtime, paid then), 12 h on Sunday 03-01.
    const history = [...dates("2026-02-23", "2026-02-27"), "2026-03-01"].map((date) => ({ date, template: "C12" }));
    const input = patchStaff(twelves(), "C", { history });
    const pay = payFor(input, on("C", "C12", "2026-03-02", "2026-03-04"), "C");
    expect(pay.paidHours).toBe(36);
    expect(pay.overtimeHours).toBe(12 + 36 - 40);
    expect(pay.regularDollars).toBe(36 * 25);
    // The week's line shows the history hours its overtime counts (QA7 F7): 12 + 36 h, not 36 h, over 40.
    expect(pay.perWeek[0]).toEqual({ firstDate: "2026-03-02", hours: 36, historyHours: 12 });
    expect(payFor(patchStaff(twelves(), "C", { history: history.slice(0, 5) }), on("C", "C12", "2026-03-02", "2026-03-04"), "C").overtimeHours).toBe(0);
  });
});

describe("overtime under 8/80 (Ben, $58/h)", () => {
  it("pays the daily excess of ten 12-h days and no period overtime at 80 straight hours", () => {
    expect(payFor(twelves(), on("B", "P12", "2026-03-02", "2026-03-11"), "B").overtimeHours).toBe(10 * 4);
  });

  it("adds period overtime beyond 80 straight hours to the daily excess", () => {
    expect(payFor(twelves(), on("B", "P12", "2026-03-02", "2026-03-12"), "B").overtimeHours).toBe(11 * 4 + (88 - 80));
  });

  it("pays period overtime for eleven 8-h days", () => {
    expect(payFor(world(), on("B", "D8", "2026-03-02", "2026-03-12"), "B").overtimeHours).toBe(8);
  });

  it("does not count daily overtime hours again toward the 80", () => {
    // 10 × 8 h + one 12-h day = 92 h: 4 h daily excess, then 88 straight hours → 8 h; 12 h, not 16.
    const pay = payFor(twelves(), [...on("B", "D8", "2026-03-02", "2026-03-11"), a("B", "2026-03-12", "P12")], "B");
    expect(pay.overtimeHours).toBe(12);
    expect(pay.overtimePremiumDollars).toBe(12 * 29);
  });

  it("starts a new 80 in the next pay period", () => {
    // 13 × 8 h in the period ending 03-14 → 24 h; 8 h on 03-15 starts the next period → none.
    expect(payFor(world(), on("B", "D8", "2026-03-02", "2026-03-15"), "B").overtimeHours).toBe(24);
  });

  it("counts history straight hours toward the period without charging history's daily excess", () => {
    const input = patchStaff(twelves(), "B", {
      history: [...dates("2026-02-16", "2026-02-26"), "2026-03-01"].map((date) => ({ date, template: "P12" })),
    });
    // Period 02-15…02-28 is history only (not charged). 03-01: 8 straight hours toward this period.
    const pay = payFor(input, on("B", "P12", "2026-03-02", "2026-03-11"), "B");
    expect(pay.overtimeHours).toBe(10 * 4 + (88 - 80));
    // The period's line shows the history hours its overtime counts (QA7 F7); the period before the horizon has no line.
    expect(pay.perPayPeriod[0]).toEqual({ firstDate: "2026-03-02", hours: 120, historyHours: 12 });
  });
});

describe("history hours where overtime is shown (QA7 F7)", () => {
  it("says in the CLI's hours table and on the schedule page which history hours the overtime counts", () => {
    const input = patchStaff(twelves(), "B", { history: [...dates("2026-02-16", "2026-02-26"), "2026-03-01"].map((date) => ({ date, template: "P12" })) });
    const prepared = prepare(input);
    const schedule = { assignments: on("B", "P12", "2026-03-02", "2026-03-11") };
    const e = explain(prepared, schedule);
    const name = input.staff.find((m) => m.id === "B")!.name;
    const note = `${name}: the pay period that includes 2026-03-02 has 12.0 h worked before the horizon and 120.0 h in it; overtime counts both, paid hours only the latter`;
    expect(formatExplanation(input, e).split("\n")).toContain(`  ${note}`);
    expect(scheduleToHtml(prepared, schedule, e)).toContain(note);
    // Without history, no note.
    expect(formatExplanation(twelves(), explain(prepare(twelves()), schedule))).not.toContain("worked before the horizon");
  });
});

describe("8/80 in the model when a person may work two shifts a day", () => {
  it("prices a day's two 6-h shifts at 4 h of daily overtime, as the checker does", async () => {
    const sixes = addTemplates(
      smallWorld(3),
      { id: "AM6", name: "Morning 6", area: "central", start: "06:00", lengthMinutes: 360, roleFamily: "pharmacist", requiredSkills: ["verify"] },
      { id: "PM6", name: "Afternoon 6", area: "central", start: "14:00", lengthMinutes: 360, roleFamily: "pharmacist", requiredSkills: ["verify"] },
    );
    const twoADay = [a("B", "2026-03-03", "AM6"), a("B", "2026-03-03", "PM6")];
    for (const oneADay of [{ enabled: false }, { hard: false, weight: 100 }]) {
      const input = withRule(withRule(sixes, "shift.one-per-day", oneADay), "rest.min-between-shifts", { enabled: false });
      expect(payFor(input, twoADay, "B")).toMatchObject({ paidHours: 12, overtimeHours: 4, overtimePremiumDollars: 4 * 29 });
      const solved = await solveDirect(input, twoADay);
      expect(solved.explanation.staff.find((h) => h.staff === "B")!.overtimeHours).toBeGreaterThanOrEqual(4);
      expectModelAgreesWithChecker(solved);
    }
  });
});

describe("regular and differential dollars", () => {
  it("pays a night differential per paid hour, the DST night at 7 h", () => {
    const pay = payFor(world(), [a("A", "2026-03-02", "N8"), a("A", "2026-03-07", "N8")], "A");
    expect(pay.paidHours).toBe(15);
    expect(pay.nights).toBe(2);
    expect(pay.regularDollars).toBe(15 * 60);
    expect(pay.differentialDollars).toBe(15 * 4);
  });

  it("pays weekend and holiday differentials on the date a shift starts", () => {
    const base = world({ site: { id: "test", name: "Test Pharmacy", timeZone: "America/Chicago", payPeriodAnchor: "2026-03-01", holidays: [{ date: "2026-03-09", name: "Test holiday" }] } });
    const input = addTemplates(base, {
      id: "W8", name: "Premium day", area: "central", start: "07:00", lengthMinutes: 480, roleFamily: "pharmacist",
      differentials: [{ kind: "weekend", dollarsPerHour: 3 }, { kind: "holiday", dollarsPerHour: 5 }],
    });
    expect(payFor(input, [a("A", "2026-03-07", "W8")], "A").differentialDollars).toBe(24);
    expect(payFor(input, [a("A", "2026-03-09", "W8")], "A").differentialDollars).toBe(40);
    expect(payFor(input, [a("A", "2026-03-10", "W8")], "A").differentialDollars).toBe(0);
  });

  it("pays no overtime premium and no differential for ordinary day shifts", () => {
    const pay = payFor(world(), on("A", "D8", "2026-03-02", "2026-03-06"), "A");
    expect(pay).toMatchObject({ paidHours: 40, overtimeHours: 0, regularDollars: 2400, differentialDollars: 0, overtimePremiumDollars: 0 });
  });
});
