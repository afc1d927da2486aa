/**
 * The hypothetical hire, the what-if's saving and recommendation, and the report's CSV and HTML, on a
 * two-day world small enough that every solve is proven optimal in a second.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanningInput } from "../../../models/index.js";
import { buildFteReport, renderFteReport, type FteReport } from "../../../src/reports/fte/report.js";
import { parseHireFlag, resolveHire } from "../../../src/reports/fte/settings.js";
import { runWhatIf } from "../../../src/reports/fte/what-if.js";
import { withHires } from "../../../src/reports/fte/hires.js";
import { explain, prepare } from "../../../src/pipeline.js";
import { methodAndAssumptions, money, num } from "../../../src/reports/fte/words.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { BASE, a, withRule, world } from "../../fixtures/world.js";
import { hourOfWeekProfiles } from "../../../src/reports/fte/hour-of-week.js";
import { productivityView } from "../../../src/reports/fte/productivity.js";
import { outcomeOf } from "./stand-in.js";
import type { OptimizeOutcome } from "../../../src/optimize.js";
import type { Prepared } from "../../../src/pipeline.js";
import { FteSettingsSchema } from "../../../models/index.js";

/**
 * Two days; two IV technicians needed 07:00–17:00 on the first (a Monday), and only Cat (tech2) is
 * sterile-trained. A hire of 1.0 FTE works at most 80 h × 2/14 = 11.4 h over the horizon: one IV shift.
 */
function ivShort(): PlanningInput {
  return smallWorld(2, {
    floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00", weekdays: [1] }],
    fte: { benefitsLoad: 0.25, uncoveredStaffHourDollars: { pharmacist: 0, technician: 40 } },
  });
}

describe("figures in words", () => {
  it("writes a negative figure with the minus sign, as money does: \"a gap of −2.7 FTE (−$190,536 …)\", not \"-2.7\" beside \"−$\"", () => {
    expect([num(-2.729), num(2.729), num(-1234.5, 0), money(-190_536.3)]).toEqual(["−2.7", "2.7", "−1,235", "−$190,536"]);
  });
});

describe("hypothetical hires", () => {
  it("reads LEVEL:FTE[:PATTERN] and names a malformed flag", () => {
    expect(parseHireFlag("tech2:0.9:day")).toEqual({ ok: true, value: { level: "tech2", fte: 0.9, pattern: "day" } });
    expect(parseHireFlag("tech2:0.9:IV10,T12")).toEqual({ ok: true, value: { level: "tech2", fte: 0.9, pattern: "IV10,T12" } });
    expect(parseHireFlag("tech2")).toMatchObject({ ok: false, problems: [{ path: "--hire", value: "tech2" }] });
  });

  it("limits a hire to the pattern's templates and takes the level's FTE-weighted mean rate", () => {
    const input = world();
    expect(resolveHire(input, { level: "tech2", fte: 1, pattern: "day" })).toMatchObject({ ok: true, value: { templates: ["IV10", "T12"], hourlyRate: 25 } });
    expect(resolveHire(input, { level: "tech2", fte: 1, pattern: "night" })).toMatchObject({ ok: true, value: { templates: ["TN12"] } });
    const rph = resolveHire(input, { level: "rph", fte: 1, pattern: "evening" });
    expect(rph).toMatchObject({ ok: true, value: { templates: ["E8"] } });
    // Ann 1.0 FTE at $60, Ben 0.9 at $58: (60 + 0.9 × 58) ÷ 1.9.
    expect(rph.ok && rph.value.hourlyRate).toBeCloseTo(59.0526, 4);
    const wrong = resolveHire(input, { level: "tech2", fte: 2, pattern: "IV10,D8" });
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.path)).toEqual(["hire.fte", "hire.pattern"]);
  });

  it("lists only the templates of the pattern the level is qualified for", () => {
    // Technician I has no sterile-compounding skill, which IV10 requires.
    expect(resolveHire(world(), { level: "tech1", fte: 1, pattern: "any" })).toMatchObject({ ok: true, value: { templates: ["T12", "TN12"] } });
    expect(resolveHire(world(), { level: "tech1", fte: 1, pattern: "day" })).toMatchObject({ ok: true, value: { templates: ["T12"] } });
  });

  it("refuses a hire who could work no shift of the pattern, naming the pattern", () => {
    expect(resolveHire(world(), { level: "tech1", fte: 1, pattern: "IV10" })).toEqual({
      ok: false,
      problems: [{ path: "hire.pattern", message: "Technician I (tech1) lacks Sterile compounding (sterile) for IV10: the hire may not work it", value: "IV10" }],
    });
    const noTechDay = world({ shiftTemplates: BASE.shiftTemplates.filter((t) => t.id !== "T12") });
    const refused = resolveHire(noTechDay, { level: "tech1", fte: 1, pattern: "day" }, "fte.defaultHire");
    expect(refused.ok ? [] : refused.problems).toEqual([
      { path: "fte.defaultHire.pattern", message: "Technician I (tech1) lacks the skills every day technician template requires (IV10): the hire could work no shift", value: "day" },
    ]);
  });

  it("prices a hire at the FTE-weighted rate the gap is priced at, counting FTE 0 staff as PRN", () => {
    // Pat: FTE 0 with the default employment, "staff": PRN, as the input format reads FTE 0.
    const input = world({ staff: [...BASE.staff, { id: "P", name: "Pat", level: "rph", fte: 0, hourlyRate: 90 }] });
    const hire = resolveHire(input, { level: "rph", fte: 1, pattern: "any" });
    const rph = productivityView(prepare(input), FteSettingsSchema.parse({})).roleFamilies.find((f) => f.roleFamily === "pharmacist")!;
    expect(hire.ok && hire.value.hourlyRate).toBeCloseTo(59.0526, 4);
    expect(rph.hourlyRate).toBeCloseTo(59.0526, 4);
    expect(rph.levels[0]).toMatchObject({ filledFte: 1.9, prnAgency: ["P"] });
    expect(rph.levels[0]!.meanHourlyRate).toBeCloseTo(59.0526, 4);
  });

  it("adds hires as ordinary staff with every template outside the pattern forbidden", () => {
    const input = world();
    const hire = resolveHire(input, { level: "tech2", fte: 0.9, pattern: "day" });
    if (!hire.ok) throw new Error("hire");
    const two = withHires(input, hire.value, 2);
    expect(two.staff.length).toBe(input.staff.length + 2);
    expect(two.staff.at(-1)).toMatchObject({ id: "whatif-hire-2", level: "tech2", fte: 0.9, hourlyRate: 25, employment: "staff", contract: { maxShiftsPerTemplate: { TN12: 0 } } });
  });

  it("holds a hire to the position's paid hours over the horizon, however much uncovered work is worth (qa6 F1)", async () => {
    // Two days of a 2-person IV floor 07:00–17:00 that only Cat can work, uncovered hours at $1,000: a hire
    // of 0.5 FTE is paid for 80 h × 0.5 × 2/14 = 5.7 h, less than one IV10 shift (9.5 paid hours).
    const input = smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" }] });
    const full = resolveHire(input, { level: "tech2", fte: 1, pattern: "IV10" });
    const half = resolveHire(input, { level: "tech2", fte: 0.5, pattern: "IV10" });
    if (!full.ok || !half.ok) throw new Error("hire");
    expect(withHires(input, full.value, 1).staff.at(-1)!.contract.maxMinutesPerHorizon).toBe(685); // ⌊80 × 60 × 2/14⌋
    const options = { maxHires: 1, timeLimitSeconds: 20, relativeGap: 0, uncoveredStaffHourDollars: { pharmacist: 0, technician: 1000 }, benefitsLoad: 0.25 };
    const worked = async (hire: typeof full.value) => (await runWhatIf(input, { ...options, hire })).view.rows[1]!.figures!.hireHours;
    // 1.0 FTE: one shift of the two the floor wants; 0.5 FTE: none.
    expect(await worked(full.value)).toBeCloseTo(9.5, 9);
    expect(await worked(half.value)).toBe(0);
  }, 60_000);

  it("says so in the findings when the site's soft horizon band lets hires work past the position's hours", async () => {
    const input = withRule(smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" }] }), "hours.horizon-band", { hard: false });
    const built = await buildFteReport(input, { source: "soft-band.yaml", hire: { level: "tech2", fte: 1, pattern: "IV10" }, maxHires: 1, timeLimitSeconds: 20, relativeGap: 0, generatedAt: new Date("2026-03-01T12:00:00Z") });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    // Both IV shifts: 19 paid hours against the position's 11.4, the 7.6 over priced below an uncovered floor's 10.
    expect(built.value.whatIf.rows[1]!.figures!.hireHours).toBeCloseTo(19, 9);
    expect(built.value.findings).toContain(
      "In the schedules for 1 hire(s) the hires work more than the 11.4 paid hours each that a position pays for over the horizon, as this site makes rule hours.horizon-band soft or disables it: their savings count hours the positions would not work. Make the rule hard for a saving the position can deliver.",
    );
    expect(built.value.assumptions).toContain("Each hire works at most the position's paid hours over the horizon, 11.4 h (FTE × 80 h × 0.14 pay periods), a contract maximum (rule hours.horizon-band): the hours its yearly cost pays for, as the saving is annualized from this horizon.");
  }, 60_000);
});

describe("demand against scheduled staff by hour of week", () => {
  it("counts everyone on duty in an area, of a role family with no demand there too", () => {
    // Central has technician demand only; Ann, a pharmacist, works D8 (07:00–15:30) there both Mondays.
    const input = world({ floors: [{ area: "central", roleFamily: "technician", count: 1, from: "07:00", to: "19:00" }] });
    const profiles = hourOfWeekProfiles(prepare(input), { assignments: [a("A", "2026-03-02", "D8"), a("A", "2026-03-09", "D8")] });
    const central = profiles.find((p) => p.area === "central")!;
    expect(central.required[10]).toBe(1);
    expect(central.scheduled![10]).toBe(1); // Monday 10:00
    expect(central.scheduled![16]).toBe(0); // Monday 16:00, after her shift
  });
});

describe("avoidable dollars", () => {
  it("count a PRN's overtime once, in their pay, not again as overtime", async () => {
    // Mon–Fri, one PRN technician on 12-hour shifts for a 07:00–19:00 floor: 60 h, 20 of them overtime.
    const input = withRule(
      world({
        horizon: { start: "2026-03-02", end: "2026-03-06" },
        staff: [
          { id: "A", name: "Ann", level: "rph", fte: 1, hourlyRate: 60 },
          { id: "P", name: "Pat", level: "tech1", fte: 0, hourlyRate: 30, employment: "prn" },
        ],
        floors: [{ area: "central", roleFamily: "technician", count: 1, from: "07:00", to: "19:00" }],
      }),
      "hours.pay-period-band",
      { enabled: false },
    );
    const hire = resolveHire(input, { level: "tech1", fte: 1, pattern: "any", hourlyRate: 25 });
    if (!hire.ok) throw new Error("hire");
    const { view, baseline } = await runWhatIf(input, { hire: hire.value, maxHires: 0, timeLimitSeconds: 20, relativeGap: 0, uncoveredStaffHourDollars: { pharmacist: 0, technician: 0 }, benefitsLoad: 0.3 });
    const pat = explain(prepare(input), baseline!).staff.find((x) => x.staff === "P")!;
    expect(pat.overtimeHours).toBeGreaterThan(0);
    const f = view.rows[0]!.figures!;
    expect(f.agencyDollars).toBeCloseTo(pat.regularDollars + pat.differentialDollars + pat.overtimePremiumDollars, 6);
    expect(f.overtimeHours).toBe(0);
    expect(f.overtimeDollars).toBe(0);
    expect(f.avoidableDollars).toBeCloseTo(f.agencyDollars, 6);
    expect(f.avoidableDollars).toBeLessThanOrEqual(f.laborDollars + 1e-6);
  }, 60_000);
});

describe("FTE report on a small world", () => {
  let report: FteReport;
  beforeAll(async () => {
    const built = await buildFteReport(ivShort(), { source: "iv-short.yaml", hire: { level: "tech2", fte: 1, pattern: "IV10" }, maxHires: 2, timeLimitSeconds: 20, relativeGap: 0, generatedAt: new Date("2026-03-01T12:00:00Z") });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    report = built.value;
  }, 60_000);

  it("solves each hire count to optimality and prices the saving as the fall in avoidable dollars", () => {
    const rows = report.whatIf.rows;
    expect(rows.map((r) => r.status)).toEqual(["optimal", "optimal", "optimal"]);
    // One sterile-trained technician for a 2-person floor 07:00–17:00 on Monday: 10 h uncovered.
    expect(rows[0]!.figures!.uncoveredByArea["iv-room"]).toBeCloseTo(10, 6);
    expect(rows[1]!.figures!.uncoveredByArea["iv-room"]).toBeCloseTo(0, 6);
    for (const r of rows) {
      const f = r.figures!;
      expect(f.avoidableDollars).toBeCloseTo(f.overtimeDollars + f.agencyDollars + f.uncoveredDollars, 6);
    }
    expect(rows[1]!.marginalSaving).toBeCloseTo(rows[0]!.figures!.avoidableDollars - rows[1]!.figures!.avoidableDollars, 6);
    // 26 pay periods ÷ (2 days ÷ 14) = 182.
    expect(report.whatIf.annualFactor).toBeCloseTo(182, 9);
    expect(rows[1]!.marginalSavingPerYear).toBeCloseTo(rows[1]!.marginalSaving! * 182, 6);
    // $25/h × 1.0 FTE × 2,080 h × 1.25 = $65,000.
    expect(report.whatIf.positionCostPerYear).toBeCloseTo(65000, 6);
    // Hire 1 saves 10 h × $40 × 182 = $72,800 a year > $65,000; hire 2 saves nothing.
    expect(rows[1]!.marginalSavingPerYear).toBeCloseTo(72800, 0);
    // Each hire held to the position's hours over the horizon (80 h × 2/14 = 11.4 h): one 10-h shift at most.
    expect(rows[2]!.figures!.hireHours).toBeLessThanOrEqual((2 * (80 * 2)) / 14);
    expect(report.whatIf.recommendedHires).toBe(1);
  });

  it("says a saving annualized from a horizon under 28 days rests on a short stretch (qa6: a week was ×52 without a word)", () => {
    expect(report.findings).toContain(
      "The horizon is 2 day(s), so each saving is that stretch's multiplied by 182.0 to a year: a week's weekend or holiday weighs as if every week were like it. A horizon of 28 days or more, a month of the year's mix, is firmer ground for a hire.",
    );
  });

  it("states the saving, every assumption and each solve's status", () => {
    expect(report.savingDefinition).toContain("$40 per technician hour");
    expect(report.assumptions.join(" ")).toContain("Benefits load 25 %");
    expect(report.provenance).toMatchObject({ source: "iv-short.yaml", generatedAt: "2026-03-01T12:00:00.000Z" });
    expect(report.provenance.solves.map((s) => s.status)).toEqual(["optimal", "optimal", "optimal"]);
    expect(report.hourOfWeek.find((a) => a.area === "iv-room")!.scheduled).toHaveLength(168);
  });

  it("writes a tidy, formula-safe CSV whose numbers stay numbers", () => {
    const { body, contentType } = renderFteReport(report, "csv");
    expect(contentType).toMatch(/^text\/csv/);
    const lines = body.split("\r\n");
    expect(lines[0]).toBe("section,role_family,level,area,hires,measure,value,unit");
    expect(lines).toContain("what-if,,tech2,,,recommended hires,1,hires");
    expect(lines.find((l) => l.startsWith("what-if,,,iv-room,0,uncovered staff-hours,"))).toBe("what-if,,,iv-room,0,uncovered staff-hours,10,h");
    expect(body).toMatch(/productivity,technician,,,,gap FTE \(needed − filled\),-1\.5,FTE/);
  });

  it("says a hire's rate is the level's mean only when it is", () => {
    const { savingDefinition: _s, method: _m, assumptions: _a, findings: _f, ...figures } = report;
    const said = (hire: FteReport["whatIf"]["hire"]): string => methodAndAssumptions(ivShort(), { ...figures, whatIf: { ...figures.whatIf, hire } }).assumptions.join(" ");
    expect(report.whatIf.hire.rateFrom).toBe("level mean");
    expect(said(report.whatIf.hire)).toContain("(the FTE-weighted mean base rate of the level's regular staff, as the gap is priced)");
    expect(said({ ...report.whatIf.hire, hourlyRate: 80, rateFrom: "given" })).not.toContain("mean base rate");
  });

  it("names a solve's warnings in its words, its provenance, the HTML and the CSV", () => {
    const warnings = ["1 of the search's solves failed and was left out, the first: out of memory"];
    const rows = report.whatIf.rows.map((r) => (r.hires === 1 ? { ...r, warnings } : r));
    const solves = report.provenance.solves.map((s) => (s.hires === 1 ? { ...s, warnings } : s));
    const { savingDefinition: _s, method: _m, assumptions: _a, findings: _f, ...figures } = { ...report, whatIf: { ...report.whatIf, rows }, provenance: { ...report.provenance, solves } };
    const words = methodAndAssumptions(ivShort(), figures);
    expect(words.assumptions.at(-1)).toContain("Some steps of the solve for 1 hire(s) failed and were left out (see provenance)");
    expect(methodAndAssumptions(ivShort(), { ...figures, whatIf: report.whatIf }).assumptions.join(" ")).not.toContain("failed");
    const warned = { ...report, ...figures, ...words };
    expect(renderFteReport(warned, "html").body).toContain(`<td>${warnings[0]}</td>`);
    expect(renderFteReport(warned, "csv").body.split("\r\n")).toContain(`what-if,,,,1,solver warning,"${warnings[0]}",`); // quoted: it holds a comma
  });

  it("labels a saving the solver cannot tell from nothing beside its figure in the findings, the HTML, the CSV and the JSON", async () => {
    // Both counts' searches stop with a schedule and no bound: Cat on IV for today's staff, the hire beside her.
    const input = ivShort();
    const hire = resolveHire(input, { level: "tech2", fte: 1, pattern: "IV10" });
    if (!hire.ok) throw new Error("hire");
    const catOnIv = [a("C", "2026-03-02", "IV10")];
    const optimizer = async (prepared: Prepared): Promise<OptimizeOutcome> =>
      outcomeOf(prepared, { assignments: prepared.input.staff.length === input.staff.length ? catOnIv : [...catOnIv, a("whatif-hire-1", "2026-03-02", "IV10")] }, { status: "feasible", bound: undefined, gap: undefined });
    const { view } = await runWhatIf(input, { hire: hire.value, maxHires: 1, uncoveredStaffHourDollars: { pharmacist: 0, technician: 40 }, benefitsLoad: 0.25, optimizer });
    const { savingDefinition: _s, method: _m, assumptions: _a, findings: _f, ...figures } = { ...report, whatIf: view };
    const noted = { ...report, ...figures, ...methodAndAssumptions(input, figures) };
    const note = "Within the solver's uncertainty: the solve for 0 and 1 hire(s) found no bound on its cost, so the saving cannot be told from nothing.";
    // 10 h × $40 × 182.
    expect(noted.findings).toContain(`Hire 1 saves $72,800 a year in the schedules found. ${note}`);
    expect(renderFteReport(noted, "html").body).toContain(`<td>$72,800 <span class="noise">${note}</span></td>`);
    const csv = renderFteReport(noted, "csv").body.split("\r\n");
    expect(csv).toContain(`what-if,,,,1,"marginal saving within the solver's uncertainty, per year",72800,$`);
    expect(csv).toContain(`what-if,,,,1,saving note,"${note}",`); // quoted: it holds a comma
    expect(JSON.parse(renderFteReport(noted, "json").body).whatIf.rows[1]).toMatchObject({ marginalSavingPerYear: 72800, savingWithinUncertainty: true, savingNote: note });
  });

  it("names both causes of the gap between the workload and the coverage-based need, in words, HTML and CSV", () => {
    // Two technicians on the IV floor 07:00–17:00 on one day: 20 staff-hours, no workload.
    const tech = report.productivity.roleFamilies.find((f) => f.roleFamily === "technician")!;
    expect(tech.coverage).toMatchObject({ floorStaffHours: 20, requiredStaffHours: 20 });
    expect(report.assumptions.join(" ")).not.toContain("not in the productivity view");
    expect(report.assumptions.join(" ")).toContain("people come whole, so an area and interval with any work needs at least one person");
    expect(report.assumptions.join(" ")).toContain("floors ask for people whatever the volume (20 staff-hours more)");
    // 20 h ÷ (80 h × 2/14 pay periods) ÷ 0.8 = 2.1875 paid FTE; Cat and Dan fill 1.5.
    expect(report.findings[1]).toContain("The demand the schedule must cover needs 2.2 paid FTE, a gap of 0.7 FTE: to the workload's 0 staff-hours, whole people per area and interval add 0 and floors 20.");
    expect(renderFteReport(report, "html").body).toContain("What the schedule must cover (coverage-based need)");
    expect(renderFteReport(report, "csv").body.split("\r\n")).toContain("coverage,technician,,,,added by floors,20,h");
  });

  it("gives the workload one figure in both tables and every format, though a lead moves some of its work out of the horizon", () => {
    // 12 preparations due at 00:00 each of the 2 days, 2 minutes each: 0.8 h of work due in the horizon,
    // but the first day's is done in the hour before it, which the demand does not count.
    const input = smallWorld(2, {
      workloadTypes: [{ id: "csp", name: "Compounded sterile preparations" }],
      productivityStandards: [{ workloadType: "csp", roleFamily: "technician", area: "iv-room", minutesPerUnit: 2 }],
      forecasts: [{ kind: "hourly", workloadType: "csp", start: "2026-03-02", unitsPerHour: Array.from({ length: 48 }, (_, h) => (h % 24 === 0 ? 12 : 0)) }],
    });
    const productivity = productivityView(prepare(input), FteSettingsSchema.parse({}));
    const tech = productivity.roleFamilies.find((f) => f.roleFamily === "technician")!;
    expect(tech.workloadHours).toBeCloseTo(0.8, 9);
    expect(tech.coverage.workloadStaffHours).toBe(tech.workloadHours);
    // Rounding the work up to whole people: an IV technician in the hour before midnight of the first day.
    expect(tech.coverage.requiredStaffHours).toBeCloseTo(1, 9);
    expect(tech.coverage.wholePeopleStaffHours).toBeCloseTo(0.2, 9);
    const shown = { ...report, productivity };
    // The productivity table's and the coverage table's rows of the role family, each opening with its workload.
    const rows = [...renderFteReport(shown, "html").body.matchAll(/<tr><td>technician<\/td><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(rows).toEqual(["1", "1"]);
    const csv = renderFteReport(shown, "csv").body.split("\r\n");
    expect(csv).toContain("productivity,technician,,,,workload hours,0.8,h");
    expect(csv).toContain("coverage,technician,,,,workload staff-hours,0.8,h");
    const json = JSON.parse(renderFteReport(shown, "json").body).productivity.roleFamilies[1];
    expect(json.coverage.workloadStaffHours).toBe(json.workloadHours);
  });

  it("funds each hire's position: the labor-dollar cap rises by the hire's wages over the horizon, and the assumptions say so", async () => {
    const input = world({ budget: { laborDollars: 4800 } });
    const hire = resolveHire(input, { level: "rph", fte: 1, pattern: "any", hourlyRate: 60 });
    if (!hire.ok) throw new Error("hire");
    // 14 days = 1 pay period: $60 × 1.0 FTE × 80 h = $4,800 per hire.
    expect(withHires(input, hire.value, 2).budget.laborDollars).toBeCloseTo(4800 + 2 * 4800, 9);
    expect(withHires(world(), hire.value, 2).budget.laborDollars).toBeUndefined();
    const { view } = await runWhatIf(input, { hire: hire.value, maxHires: 0, uncoveredStaffHourDollars: { pharmacist: 0, technician: 0 }, benefitsLoad: 0, optimizer: async (prepared) => outcomeOf(prepared) });
    expect(view.laborCapRaisePerHire).toBeCloseTo(4800, 9);
    const { savingDefinition: _s, method: _m, assumptions: _a, findings: _f, ...figures } = { ...report, whatIf: { ...report.whatIf, laborCapRaisePerHire: 4800 } };
    expect(methodAndAssumptions(input, figures).assumptions).toContain(
      "Each hire's position is funded: the labor-dollar cap of $4,800 is raised by $4,800 per hire, the hire's wages over the horizon (rate × FTE × 80 h × pay periods; benefits are not in the labor cost the cap measures), so a hire adds to the staff rather than displacing them to stay within the cap.",
    );
  });

  it("says a recommendation is capped when the last count tried still pays for itself", () => {
    const rows = report.whatIf.rows.slice(0, 2);
    const capped = { ...report.whatIf, rows, recommendedHires: 1, capped: true };
    const { savingDefinition: _s, method: _m, assumptions: _a, findings: _f, ...figures } = { ...report, whatIf: capped };
    const words = methodAndAssumptions(ivShort(), figures);
    expect(words.findings.at(-1)).toBe(
      "Recommended: at least 1 hire(s) of this position (yearly cost $65,000 each). Every position tried pays for itself, so more may: run again with a larger maximum of hires (--max-hires, or maxHires over HTTP) than 1.",
    );
    const cappedReport = { ...report, ...figures, ...words };
    expect(renderFteReport(cappedReport, "html").body).toContain("<strong>Recommendation: at least 1 hire</strong>");
    const csv = renderFteReport(cappedReport, "csv").body.split("\r\n");
    expect(csv).toContain("what-if,,tech2,,,recommended hires,1,\"hires, at least\"");
    expect(csv).toContain("what-if,,tech2,,,capped,true,");
    expect(JSON.parse(renderFteReport(cappedReport, "json").body).whatIf.capped).toBe(true);
    expect(report.whatIf.capped).toBe(false);
  });

  it("renders a self-contained HTML page with inline SVG charts", () => {
    const { body } = renderFteReport(report, "html");
    expect(body).toMatch(/^<!doctype html>/);
    expect(body).toContain("@page { size: letter");
    expect(body).not.toMatch(/(src|href)=["']?(https?:|\/\/)/);
    expect(body.match(/<svg class="chart"/g)!.length).toBe(2 + report.hourOfWeek.length);
    expect(body).toContain("Recommendation: 1 hire");
  });
});
