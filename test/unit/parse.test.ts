import { describe, expect, it } from "vitest";
import { formatProblem } from "../../models/index.js";
import { parseInput, parseScheduleFor } from "../../src/pipeline.js";
import { BASE, world } from "../fixtures/world.js";

const problemsOf = (data: unknown): string[] => {
  const parsed = parseInput(data);
  return parsed.ok ? [] : parsed.problems.map(formatProblem);
};

describe("planning input validation", () => {
  it("accepts the base world and fills defaults", () => {
    const input = world();
    expect(input.intervalMinutes).toBe(60);
    expect(input.site.workweekStartDay).toBe(7);
    expect(input.staff[0]!.overtimeRule).toBe("weekly40");
    expect(input.weights.uncoveredFloorStaffHour).toBe(1000);
  });

  it("names an unknown time zone", () => {
    expect(problemsOf({ ...BASE, site: { ...BASE.site, timeZone: "Mars/Olympus" } })).toEqual([
      'site.timeZone: must be an IANA time zone such as America/Chicago (got "Mars/Olympus")',
    ]);
  });

  it("names a field out of range with its value", () => {
    const staff = [...BASE.staff];
    staff[2] = { ...staff[2]!, fte: 2 };
    expect(problemsOf({ ...BASE, staff })).toEqual([expect.stringMatching(/^staff\[2\]\.fte: .*1\.5.* \(got 2\)$/)]);
  });

  it("names a request asked twice, and a shift-off under a day off of the same date: no wish weighs past the cap of 10 by copies", () => {
    const requests = [
      { kind: "day-off", date: "2026-03-02", weight: 10 },
      { kind: "day-off", date: "2026-03-02", weight: 10 },
      { kind: "shift-off", date: "2026-03-02", template: "D8", weight: 10 },
      { kind: "shift-on", date: "2026-03-03", template: "D8", weight: 5 },
      { kind: "shift-on", date: "2026-03-03", template: "D8", weight: 5 },
      // Another template, another date: other wishes.
      { kind: "shift-off", date: "2026-03-04", template: "D8", weight: 5 },
      { kind: "shift-off", date: "2026-03-04", template: "E8", weight: 5 },
      { kind: "shift-on", date: "2026-03-05", template: "D8", weight: 5 },
    ];
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, requests }, ...BASE.staff.slice(1)] })).toEqual([
      "staff[0].requests[1]: the same request as requests[0] (a day off on 2026-03-02): each is asked once, with the weight it matters by",
      "staff[0].requests[4]: the same request as requests[3] (shift-on D8 on 2026-03-03): each is asked once, with the weight it matters by",
      "staff[0].requests[2]: requests[0] asks the whole of 2026-03-02 off already, this shift included",
    ]);
  });

  it("bounds a person's requests at 366, a year of days, one each", () => {
    const day = (n: number): string => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
    const requests = (count: number) => Array.from({ length: count }, (_, n) => ({ kind: "day-off", date: day(n), weight: 1 }));
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, requests: requests(367) }, ...BASE.staff.slice(1)] })).toEqual([
      "staff[0].requests: must hold at most 366 requests (a year of days, one each): drop past ones first",
    ]);
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, requests: requests(366) }, ...BASE.staff.slice(1)] })).toEqual([]);
  });

  it("bounds a site's staff at 1,000 people, as each write is checked whole on the server's event loop", () => {
    const people = (count: number) => Array.from({ length: count }, (_, n) => ({ ...BASE.staff[0]!, id: `p${n}`, name: `Person ${n}`, requests: [] }));
    expect(problemsOf({ ...BASE, staff: people(1001) })).toEqual(["staff: must hold at most 1,000 people: split a larger department into sites"]);
    expect(problemsOf({ ...BASE, staff: people(1000) })).toEqual([]);
  });

  it("bounds a request's weight at 10 and every penalty weight at 100,000, so no objective overflows", () => {
    const staff = [{ ...BASE.staff[0]!, requests: [{ kind: "day-off", date: "2026-03-02", weight: 1.7e308 }, { kind: "shift-off", date: "2026-03-02", template: "D8", weight: 10 }] }];
    expect(problemsOf({ ...BASE, staff })).toEqual([expect.stringMatching(/^staff\[0\]\.requests\[0\]\.weight: .*10.* \(got 1\.7e\+308\)$/)]);
    expect(problemsOf({ ...BASE, weights: { laborDollar: 1e300 }, slotDemand: [{ template: "D8", date: "2026-03-02", required: 1, underWeight: 100_001 }] })).toEqual([
      expect.stringMatching(/^slotDemand\[0\]\.underWeight: .*100000/),
      expect.stringMatching(/^weights\.laborDollar: .*100000/),
    ]);
  });

  it("refuses a name that is blank or longer than 200 characters, as every message, page and feed shows it (qa5)", () => {
    const staff = [{ ...BASE.staff[0]!, name: "   " }, { ...BASE.staff[1]!, name: "x".repeat(201) }, ...BASE.staff.slice(2)];
    const shiftTemplates = [{ ...BASE.shiftTemplates[0]!, name: "\t" }, ...BASE.shiftTemplates.slice(1)];
    expect(problemsOf({ ...BASE, staff, shiftTemplates })).toEqual([
      "staff[0].name: must not be blank (got \"   \")",
      `staff[1].name: must be at most 200 characters (got "${"x".repeat(80)}… (201 characters)")`,
      "shiftTemplates[0].name: must not be blank (got \"\\t\")",
    ]);
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, name: "x".repeat(200) }, ...BASE.staff.slice(1)] })).toEqual([]);
  });

  it("refuses a name with half a UTF-16 pair or a text-direction control, which let one name show as another (qa9)", () => {
    const staff = [{ ...BASE.staff[0]!, name: "Ann\ud800x" }, { ...BASE.staff[1]!, name: "Ben\u202Efdp.exe" }, ...BASE.staff.slice(2)];
    expect(problemsOf({ ...BASE, staff }).map((p) => p.replace(/ \(got .*\)$/, ""))).toEqual([
      "staff[0].name: must be well-formed text (it holds half of a UTF-16 pair)",
      "staff[1].name: must not hold text-direction controls (U+202A to U+202E, U+2066 to U+2069): they make a name read as another",
    ]);
    // A whole pair (an emoji) and right-to-left script are names like any other.
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, name: "Ann \ud83d\ude00" }, { ...BASE.staff[1]!, name: "\u05d3\u05e0\u05d4 Cohen" }, ...BASE.staff.slice(2)] })).toEqual([]);
  });

  it("says in one line that a schedule is no planning input, and the reverse, not a line per field of the other kind (check SCHEDULE INPUT)", () => {
    expect(problemsOf({ assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }] })).toEqual([
      "site: missing: this is a schedule (it has assignments), not a planning input; give the department's planning input",
    ]);
    const asSchedule = parseScheduleFor(world(), BASE);
    expect(asSchedule.ok ? [] : asSchedule.problems.map(formatProblem)).toEqual([
      "assignments: missing: this is a planning input (it has site, staff and shiftTemplates), not a schedule; give the schedule (solve writes schedule.json)",
    ]);
    // A planning input missing its site is still told field by field.
    const { site: _site, ...siteless } = BASE;
    expect(problemsOf(siteless)).toEqual([expect.stringMatching(/^site: /)]);
  });

  it("refuses two people of one name, whatever its case or spacing: nothing that names them could tell them apart", () => {
    const staff = [{ ...BASE.staff[0]!, name: "Ann Lee" }, { ...BASE.staff[1]!, name: " ann  LEE" }, ...BASE.staff.slice(2)];
    expect(problemsOf({ ...BASE, staff })).toEqual([
      'staff[1].name: the same as staff[0].name: every page, message and feed names people by name, so give each one they can be told apart by (a middle initial, say) (got " ann  LEE")',
    ]);
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, name: "Ann Lee" }, { ...BASE.staff[1]!, name: "Ann B. Lee" }, ...BASE.staff.slice(2)] })).toEqual([]);
  });

  it("refuses an id longer than 100 characters, where it is defined and where it is referred to, echoed shortened", () => {
    const staff = [{ ...BASE.staff[0]!, id: "A".repeat(101) }, { ...BASE.staff[1]!, skills: ["s".repeat(1000)] }, ...BASE.staff.slice(2)];
    expect(problemsOf({ ...BASE, staff })).toEqual([
      `staff[0].id: must be at most 100 characters (got "${"A".repeat(80)}… (101 characters)")`,
      `staff[1].skills[0]: must be at most 100 characters (got "${"s".repeat(80)}… (1,000 characters)")`,
    ]);
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, id: "A".repeat(100) }, ...BASE.staff.slice(1)] })).toEqual([]);
  });

  it("bounds an hourly rate and a differential at 10,000 dollars an hour, so no labor cost overflows", () => {
    const staff = [{ ...BASE.staff[0]!, hourlyRate: 1e308 }, ...BASE.staff.slice(1)];
    const shiftTemplates = [{ ...BASE.shiftTemplates[0]!, differentials: [{ kind: "weekend", dollarsPerHour: 10_001 }] }, ...BASE.shiftTemplates.slice(1)];
    expect(problemsOf({ ...BASE, staff, shiftTemplates })).toEqual([
      "staff[0].hourlyRate: must be at most 10,000 dollars an hour (got 1e+308)",
      "shiftTemplates[0].differentials[0].dollarsPerHour: must be at most 10,000 dollars an hour (got 10001)",
    ]);
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, hourlyRate: 10_000 }, ...BASE.staff.slice(1)] })).toEqual([]);
  });

  it("names a misspelled field of the FTE report's default hire instead of dropping it", () => {
    expect(problemsOf({ ...BASE, fte: { defaultHire: { level: "rph", fte: 1, hourlyrate: 70 } } })).toEqual(["fte.defaultHire.hourlyrate: unknown field (got 70)"]);
  });

  it("names a misspelled field instead of dropping it (a break of 0 would misprice every shift)", () => {
    const shiftTemplates = [{ ...BASE.shiftTemplates[0]!, unpaidBreakMinute: 30 }];
    expect(problemsOf({ ...BASE, shiftTemplates, horizn: BASE.horizon })).toEqual(["shiftTemplates[0].unpaidBreakMinute: unknown field (got 30)", "horizn: unknown field"]);
  });

  it("names a __proto__ key in a record instead of dropping it, as any unknown field", () => {
    const rules = JSON.parse('{"rest.min-between-shifts": {"params": {"__proto__": 600}}, "__proto__": {"hard": true}}');
    const budgetedFte = JSON.parse('{"__proto__": 2}');
    expect(problemsOf({ ...BASE, rules, fte: { budgetedFte } })).toEqual([
      "rules.__proto__: unknown field",
      "rules.rest.min-between-shifts.params.__proto__: unknown field",
      "fte.budgetedFte.__proto__: unknown field",
    ]);
  });

  it("names hourly intervals in a zone whose clock changes by half an hour (Lord Howe Island)", () => {
    const site = { ...BASE.site, timeZone: "Australia/Lord_Howe" };
    const horizon = { start: "2026-10-01", end: "2026-10-07" };
    expect(problemsOf({ ...BASE, site, horizon })).toEqual(["intervalMinutes: must divide the 30-minute clock change of Australia/Lord_Howe on 2026-10-04 (intervals after it would fall off the local hours): use 15 or 30 (got 60)"]);
    expect(problemsOf({ ...BASE, site, horizon, intervalMinutes: 30 })).toEqual([]);
    expect(problemsOf({ ...BASE, site, horizon: { start: "2026-11-01", end: "2026-11-30" } })).toEqual([]);
  });

  it("names a horizon or history date the site's clocks skipped (Samoa went from 2011-12-29 to 2011-12-31)", () => {
    const apia = { ...BASE, site: { ...BASE.site, timeZone: "Pacific/Apia", payPeriodAnchor: "2011-12-25" } };
    expect(problemsOf({ ...apia, horizon: { start: "2011-12-27", end: "2012-01-02" } })).toEqual([
      'horizon: holds 2011-12-30, which is a date the clocks of Pacific/Apia skipped (they went from the day before to the day after): no shift can fall on it; plan the dates before or after it (got "2011-12-30")',
    ]);
    const history = [{ ...BASE.staff[0]!, history: [{ date: "2011-12-30", template: "D8" }] }];
    expect(problemsOf({ ...apia, horizon: { start: "2011-12-31", end: "2012-01-06" }, staff: history })).toEqual([
      'staff[0].history[0].date: is a date the clocks of Pacific/Apia skipped (they went from the day before to the day after): no shift can fall on it (got "2011-12-30")',
    ]);
    // A date whose midnight alone is skipped (Santiago, 2026-09-06: 00:00 → 01:00) is a date all the same.
    expect(problemsOf({ ...BASE, site: { ...BASE.site, timeZone: "America/Santiago" }, horizon: { start: "2026-09-05", end: "2026-09-07" } })).toEqual([]);
  });

  it("names a clock change of seconds (local mean time ending in 1883) to a tenth of a minute", () => {
    expect(problemsOf({ ...BASE, site: { ...BASE.site, payPeriodAnchor: "1883-11-11" }, horizon: { start: "1883-11-15", end: "1883-11-21" } })).toEqual([
      "intervalMinutes: must divide the 9.4-minute clock change of America/Chicago on 1883-11-18 (intervals after it would fall off the local hours): use another zone (got 60)",
    ]);
  });

  it("names a floor off the interval grid and a dated volume on a day the profile gives no hours", () => {
    const floors = [{ area: "central", roleFamily: "pharmacist", count: 1, from: "07:00", to: "15:30" }];
    expect(problemsOf({ ...BASE, floors })).toEqual(['floors[0].to: must fall on the 60-minute intervals of the horizon (or set intervalMinutes to one it falls on) (got "15:30")']);
    expect(problemsOf({ ...BASE, floors, intervalMinutes: 30 })).toEqual([]);
    // Monday to Friday 08:00–17:00, and 80 units asked for on Saturday 2026-03-07.
    const weekdays = Array.from({ length: 168 }, (_, h) => (h < 120 && h % 24 >= 8 && h % 24 < 17 ? 1 : 0));
    const forecasts = [{ kind: "profile", workloadType: "orders", hourOfWeekWeights: weekdays, dailyUnits: 100, dailyUnitsByDate: { "2026-03-07": 80, "2026-03-09": 90 } }];
    const standards = { workloadTypes: [{ id: "orders", name: "Orders" }], productivityStandards: [{ workloadType: "orders", roleFamily: "pharmacist", area: "central", minutesPerUnit: 2 }] };
    expect(problemsOf({ ...BASE, ...standards, forecasts })).toEqual([
      "forecasts[0].dailyUnitsByDate.2026-03-07: 80 units on a Saturday, which hourOfWeekWeights gives no hours: they would be lost; give that day hours (got 80)",
    ]);
  });

  it("names a slot line on a day its template does not run (the line was dropped without a word)", () => {
    const shiftTemplates = [{ ...BASE.shiftTemplates[0]!, weekdays: [1, 2, 3, 4, 5] }, ...BASE.shiftTemplates.slice(1)];
    const slotDemand = [{ template: "D8", date: "2026-03-06", required: 1 }, { template: "D8", date: "2026-03-07", required: 2 }, { template: "E8", date: "2026-03-07", required: 1 }];
    expect(problemsOf({ ...BASE, shiftTemplates, slotDemand })).toEqual([
      'slotDemand[1].date: is a Saturday, when D8 does not run (its weekdays: 1, 2, 3, 4, 5): nobody could fill the line (got "2026-03-07")',
    ]);
    const never = [{ ...BASE.shiftTemplates[0]!, weekdays: [] }, ...BASE.shiftTemplates.slice(1)];
    expect(problemsOf({ ...BASE, shiftTemplates: never, slotDemand: slotDemand.slice(0, 1) })).toEqual([
      'slotDemand[0].date: is a Friday, when D8 does not run (it runs on no weekday): nobody could fill the line (got "2026-03-06")',
    ]);
  });

  it("takes a retired template (weekdays: []), never scheduled, that a person's history still names", () => {
    // Retiring last month's night shift must not mean dropping the nights worked just before the horizon,
    // which the rest and consecutive-day rules read.
    const shiftTemplates = BASE.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, weekdays: [] } : t));
    const staff = [{ ...BASE.staff[0]!, history: [{ date: "2026-03-01", template: "D8" }] }, ...BASE.staff.slice(1)];
    expect(problemsOf({ ...BASE, shiftTemplates, staff })).toEqual([]);
  });

  it("names a shift-on request for a template its person may not work, by role family or by skill (it was taken, and only cost its weight)", () => {
    const on = (template: string, date = "2026-03-03") => ({ kind: "shift-on", date, template, weight: 1 });
    // Ann is a pharmacist (a shift-off of technician work, and D8, are hers to ask); Cat a Technician II, with
    // sterile compounding; Dan a Technician I, without it.
    const staff = [
      { ...BASE.staff[0]!, requests: [on("T12"), { kind: "shift-off", date: "2026-03-04", template: "T12", weight: 1 }, on("D8", "2026-03-05")] },
      BASE.staff[1]!,
      { ...BASE.staff[2]!, requests: [on("IV10")] },
      { ...BASE.staff[3]!, requests: [on("IV10")] },
    ];
    expect(problemsOf({ ...BASE, staff })).toEqual([
      "staff[0].requests[0].template: Ann may not work Tech day (T12): it is technician work and Ann is a pharmacist (Pharmacist); ask for a shift Ann may work",
      "staff[3].requests[0].template: Dan may not work IV day (IV10): Dan lacks Sterile compounding (sterile); ask for a shift Dan may work",
    ]);
  });

  it("names a shift-on request on a weekday its template does not run, in or after the horizon, as candidates names such a date", () => {
    const shiftTemplates = BASE.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, weekdays: [1, 2, 3, 4, 5] } : t));
    // Saturdays 2026-03-07 (in the horizon) and 2026-03-21 (after it); Monday 2026-03-23 is a day D8 runs.
    const requests = ["2026-03-07", "2026-03-21", "2026-03-23"].map((date) => ({ kind: "shift-on", date, template: "D8", weight: 1 }));
    expect(problemsOf({ ...BASE, shiftTemplates, staff: [{ ...BASE.staff[0]!, requests }, ...BASE.staff.slice(1)] })).toEqual([
      'staff[0].requests[0].date: is a Saturday, when D8 does not run (it runs on Monday, Tuesday, Wednesday, Thursday, Friday): the request could never be granted (got "2026-03-07")',
      'staff[0].requests[1].date: is a Saturday, when D8 does not run (it runs on Monday, Tuesday, Wednesday, Thursday, Friday): the request could never be granted (got "2026-03-21")',
    ]);
  });

  it("names a shift-off request on a weekday its template does not run (it asks for nothing), judged when it is made", () => {
    const shiftTemplates = BASE.shiftTemplates.map((t) => (t.id === "D8" ? { ...t, weekdays: [1, 2, 3, 4, 5] } : t));
    const off = (date: string) => ({ kind: "shift-off", date, template: "D8", weight: 1 });
    // Saturday 2026-03-07; Monday 2026-03-09 is a day D8 runs.
    const written = { ...BASE, shiftTemplates, staff: [{ ...BASE.staff[0]!, requests: [off("2026-03-07"), off("2026-03-09")] }, ...BASE.staff.slice(1)] };
    expect(problemsOf(written)).toEqual([
      'staff[0].requests[0].date: is a Saturday, when D8 does not run (it runs on Monday, Tuesday, Wednesday, Thursday, Friday): nobody could work it, so the request asks for nothing; ask for the shift or date you mean (got "2026-03-07")',
    ]);
    // Stored before D8 stopped running on Saturdays: not judged again.
    const stored = parseInput({ ...written, shiftTemplates: BASE.shiftTemplates });
    expect(stored.ok && parseInput(written, { standing: stored.value }).ok).toBe(true);
  });

  it("names a shift-on request on a date of its person's approved leave, whatever the leave rule's setting (no shift may start on one)", () => {
    const on = (template: string, date: string) => ({ kind: "shift-on", date, template, weight: 1 });
    const leave = [{ start: "2026-03-04", end: "2026-03-06", reason: "vacation" }, { start: "2026-03-20", end: "2026-03-20", reason: "jury duty" }];
    // The night of 03-03 ends inside the leave but starts before it; 03-07 is the day after; a shift-off on
    // leave is granted already. 03-20 is after the horizon, judged as an unknown template is.
    const requests = [on("N8", "2026-03-03"), on("D8", "2026-03-04"), on("E8", "2026-03-06"), on("D8", "2026-03-07"), { kind: "shift-off", date: "2026-03-05", template: "D8", weight: 1 }, on("D8", "2026-03-20")];
    const staff = [{ ...BASE.staff[0]!, leave, requests }, ...BASE.staff.slice(1)];
    const expected = [
      'staff[0].requests[1].date: Ann is on approved leave that day (vacation, 2026-03-04 to 2026-03-06), and no shift may start on a day of leave: the request could never be granted (got "2026-03-04")',
      'staff[0].requests[2].date: Ann is on approved leave that day (vacation, 2026-03-04 to 2026-03-06), and no shift may start on a day of leave: the request could never be granted (got "2026-03-06")',
      'staff[0].requests[5].date: Ann is on approved leave that day (jury duty, 2026-03-20 to 2026-03-20), and no shift may start on a day of leave: the request could never be granted (got "2026-03-20")',
    ];
    expect(problemsOf({ ...BASE, staff })).toEqual(expected);
    expect(problemsOf({ ...BASE, staff, rules: { "leave.approved": { hard: false } } })).toEqual(expected);
  });

  it("judges a shift-on request when it is made: one standing in the stored input is not judged again, a new one is", () => {
    const on = (date: string, weight = 1) => ({ kind: "shift-on", date, template: "D8", weight });
    const leave = [{ start: "2026-03-04", end: "2026-03-05", reason: "sick call" }];
    const stored = parseInput({ ...BASE, staff: [{ ...BASE.staff[0]!, requests: [on("2026-03-04")] }, ...BASE.staff.slice(1)] });
    expect(stored.ok).toBe(true);
    // The call-out recorded as leave over the day Ann asked to work, her request kept (its weight changed),
    // and a new one on the leave's second day.
    const written = { ...BASE, staff: [{ ...BASE.staff[0]!, leave, requests: [on("2026-03-04", 4), on("2026-03-05")] }, ...BASE.staff.slice(1)] };
    const parsed = parseInput(written, { standing: stored.ok ? stored.value : undefined });
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([
      'staff[0].requests[1].date: Ann is on approved leave that day (sick call, 2026-03-04 to 2026-03-05), and no shift may start on a day of leave: the request could never be granted (got "2026-03-05")',
    ]);
    // Without a stored input (a file, a new site) both are judged.
    expect(problemsOf(written)).toHaveLength(2);
  });

  it("names a shift-on request for a template its person's contract forbids (maxShiftsPerTemplate 0), beside any other reason they may not work it", () => {
    const on = (template: string, date = "2026-03-03") => ({ kind: "shift-on", date, template, weight: 1 });
    // Ann may work N8 never and E8 once; Dan lacks sterile compounding for IV10, and his contract forbids it too.
    const staff = [
      { ...BASE.staff[0]!, contract: { maxShiftsPerTemplate: { N8: 0, E8: 1 } }, requests: [on("N8"), on("E8", "2026-03-04"), { kind: "shift-off", date: "2026-03-05", template: "N8", weight: 1 }] },
      BASE.staff[1]!,
      BASE.staff[2]!,
      { ...BASE.staff[3]!, contract: { maxShiftsPerTemplate: { IV10: 0 } }, requests: [on("IV10")] },
    ];
    expect(problemsOf({ ...BASE, staff })).toEqual([
      "staff[0].requests[0].template: Ann may not work Night (N8): Ann's contract forbids it (contract.maxShiftsPerTemplate.N8 is 0); ask for a shift Ann may work",
      "staff[3].requests[0].template: Dan may not work IV day (IV10): Dan lacks Sterile compounding (sterile); Dan's contract forbids it (contract.maxShiftsPerTemplate.IV10 is 0); ask for a shift Dan may work",
    ]);
  });

  it("names an hourly series longer than two years of hours (six million values took 15 s to check and were named on a 14 KB line)", () => {
    const standards = { workloadTypes: [{ id: "orders", name: "Orders" }], productivityStandards: [{ workloadType: "orders", roleFamily: "pharmacist", area: "central", minutesPerUnit: 2 }] };
    const series = (n: number) => [{ kind: "hourly", workloadType: "orders", start: "2026-03-02", unitsPerHour: new Array(n).fill(1) }];
    expect(problemsOf({ ...BASE, ...standards, forecasts: series(17_568 + 1) })).toEqual(["forecasts[0].unitsPerHour: must hold at most 17,568 values (two years of hours; a horizon is at most 366 days)"]);
    // 2026-03-02 to 2028-03-01 holds two spring and two fall changes: 17,544 values end at a midnight.
    expect(problemsOf({ ...BASE, ...standards, forecasts: series(17_544) })).toEqual([]);
  });

  it("names a floor or a slot line of more than 10,000 people (a floor of 1e15 priced labor below the objective's precision)", () => {
    const floors = [{ area: "central", roleFamily: "pharmacist", count: 1e15, from: "07:00", to: "15:00" }, { area: "central", roleFamily: "technician", count: 10_000, from: "07:00", to: "15:00" }];
    const slotDemand = [{ template: "D8", date: "2026-03-02", required: 10_001 }];
    expect(problemsOf({ ...BASE, floors, slotDemand })).toEqual([
      "floors[0].count: must be at most 10,000 people (got 1000000000000000)",
      "slotDemand[0].required: must be at most 10,000 people (got 10001)",
    ]);
  });

  it("names a dangling skill, level and area reference by path", () => {
    const staff = [{ ...BASE.staff[0]!, level: "pharmD", skills: ["juggling"] }];
    const shiftTemplates = [{ ...BASE.shiftTemplates[0]!, area: "roof" }];
    expect(problemsOf({ ...BASE, staff, shiftTemplates })).toEqual([
      'shiftTemplates[0].area: unknown area id (got "roof")',
      'staff[0].level: unknown level id (got "pharmD")',
      'staff[0].skills[0]: unknown skill id (got "juggling")',
    ]);
  });

  it("rejects a contract minimum above its maximum, naming both figures", () => {
    const contract = { minMinutesPerHorizon: 1800, maxMinutesPerHorizon: 960, minHoursPerPayPeriod: 40, maxHoursPerPayPeriod: 8, minConsecutiveDays: 4, maxConsecutiveDays: 3 };
    const staff = [BASE.staff[0], { ...BASE.staff[1], contract }];
    expect(problemsOf({ ...BASE, staff })).toEqual([
      "staff[1].contract.minHoursPerPayPeriod: must be at most maxHoursPerPayPeriod (8) (got 40)",
      "staff[1].contract.minMinutesPerHorizon: must be at most maxMinutesPerHorizon (960) (got 1800)",
      "staff[1].contract.minConsecutiveDays: must be at most maxConsecutiveDays (3) (got 4)",
    ]);
    // Equal is a fixed figure, not a contradiction.
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0], contract: { minMinutesPerHorizon: 960, maxMinutesPerHorizon: 960 } }] })).toEqual([]);
  });

  it("rejects an impossible date range", () => {
    expect(problemsOf({ ...BASE, horizon: { start: "2026-03-15", end: "2026-03-01" } })).toEqual([
      'horizon.end: must not be before horizon.start (2026-03-15) (got "2026-03-01")',
    ]);
    expect(problemsOf({ ...BASE, horizon: { start: "2026-02-30", end: "2026-03-01" } })).toEqual([
      'horizon.start: must be a date YYYY-MM-DD (got "2026-02-30")',
    ]);
  });

  it("names a history shift more than 366 days before the horizon (a year's typo made a check take minutes)", () => {
    const withHistory = (...dates: string[]) => ({ ...BASE, staff: [{ ...BASE.staff[0]!, history: dates.map((date) => ({ date, template: "D8" })) }, ...BASE.staff.slice(1)] });
    expect(problemsOf(withHistory("2026-03-01", "2025-03-01", "2025-02-28", "0026-03-01"))).toEqual([
      'staff[0].history[2].date: must be at most 366 days before horizon.start (2026-03-02): no rule looks back further (got "2025-02-28")',
      'staff[0].history[3].date: must be at most 366 days before horizon.start (2026-03-02): no rule looks back further (got "0026-03-01")',
    ]);
  });

  it("names a history shift given twice (its hours counted again toward the week and pay period, priced as overtime)", () => {
    const history = [{ date: "2026-03-01", template: "D8" }, { date: "2026-03-01", template: "N8" }, { date: "2026-03-01", template: "D8" }];
    expect(problemsOf({ ...BASE, staff: [{ ...BASE.staff[0]!, history }, ...BASE.staff.slice(1)] })).toEqual(["staff[0].history[2]: the same shift as staff[0].history[0] (D8 on 2026-03-01)"]);
  });

  it("names a night differential on a template not marked night (it would never be paid)", () => {
    const shiftTemplates = [{ ...BASE.shiftTemplates[1]!, differentials: [{ kind: "night", dollarsPerHour: 2 }] }, ...BASE.shiftTemplates.slice(2)];
    expect(problemsOf({ ...BASE, shiftTemplates: [BASE.shiftTemplates[0]!, ...shiftTemplates] })).toEqual([
      'shiftTemplates[1].differentials[0].kind: a night differential needs the template marked night: true (it is paid on night shifts only) (got "night")',
    ]);
  });

  it("rejects duplicate ids", () => {
    expect(problemsOf({ ...BASE, areas: [...BASE.areas, { id: "central", name: "Again" }] })).toEqual(['areas[2].id: duplicate id (got "central")']);
  });

  it("names an unknown rule parameter and a parameter of the wrong type", () => {
    expect(problemsOf({ ...BASE, rules: { "rest.min-between-shifts": { params: { minRestHours: 10 } } } })).toEqual([
      'rules.rest.min-between-shifts.params.minRestHours: unknown parameter (known: minRestMinutes) (got 10)',
    ]);
    expect(problemsOf({ ...BASE, rules: { "rest.min-between-shifts": { params: { minRestMinutes: "ten" } } } })).toEqual([
      'rules.rest.min-between-shifts.params.minRestMinutes: must be a number (got "ten")',
    ]);
  });

  it("names a rule parameter out of range: a count that is not whole, anything below 0", () => {
    expect(problemsOf({ ...BASE, rules: { "days.max-consecutive": { params: { maxDays: 2.5 } }, "weekends.max-per-window": { params: { maxWeekends: -1 } }, "hours.max-per-week": { params: { maxHours: 37.5 } } } })).toEqual([
      "rules.days.max-consecutive.params.maxDays: must be a whole number (got 2.5)",
      "rules.weekends.max-per-window.params.maxWeekends: must be a number of at least 0 (got -1)",
    ]);
  });

  it("names a rule parameter above the minutes of a 366-day horizon (1e308 made penalties Infinity)", () => {
    expect(problemsOf({ ...BASE, rules: { "rest.min-between-shifts": { params: { minRestMinutes: 1e308 } }, "days.min-consecutive": { params: { minDays: 527_041 } }, "days-off.min-consecutive": { params: { minDays: 527_040 } } } })).toEqual([
      "rules.rest.min-between-shifts.params.minRestMinutes: must be at most 527,040 (the minutes in 366 days: no rule counts further) (got 1e+308)",
      "rules.days.min-consecutive.params.minDays: must be at most 527,040 (the minutes in 366 days: no rule counts further) (got 527041)",
    ]);
  });

  it("names a contract minimum of hours per pay period above its 336 hours (1e308 made the band's penalty Infinity)", () => {
    const staff = [BASE.staff[0], { ...BASE.staff[1], contract: { minHoursPerPayPeriod: 1e308 } }, { ...BASE.staff[2], contract: { minHoursPerPayPeriod: 336 } }];
    expect(problemsOf({ ...BASE, staff })).toEqual(["staff[1].contract.minHoursPerPayPeriod: must be at most 336 (the hours of a 14-day pay period) (got 1e+308)"]);
  });

  it("says which values an interval length and a rule parameter may take, not only that they are invalid", () => {
    expect(problemsOf({ ...BASE, intervalMinutes: 45, rules: { "days.max-consecutive": { params: { maxDays: {} } }, "weekends.max-per-window": { params: { maxWeekends: null } } } })).toEqual([
      "intervalMinutes: must be 15, 30 or 60 (minutes) (got 45)",
      "rules.days.max-consecutive.params.maxDays: must be a number, true or false, or a string",
      "rules.weekends.max-per-window.params.maxWeekends: must be a number, true or false, or a string",
    ]);
  });

  it("takes a schedule.json pasted whole as the reference, the horizon it records too (repair-cli)", () => {
    const reference = { horizon: { start: "2026-03-02", end: "2026-03-03" }, assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }] };
    expect(problemsOf({ ...BASE, reference })).toEqual([]);
  });

  it("rejects an unknown rule id", () => {
    expect(problemsOf({ ...BASE, rules: { "rest.nap": { hard: true } } })[0]).toMatch(/^rules(\.rest\.nap)?: /);
  });
});

describe("schedule validation", () => {
  const input = world();
  const problems = (data: unknown): string[] => {
    const parsed = parseScheduleFor(input, data);
    return parsed.ok ? [] : parsed.problems.map(formatProblem);
  };

  it("accepts a valid schedule", () => {
    expect(problems({ assignments: [{ staff: "A", date: "2026-03-02", template: "D8" }] })).toEqual([]);
  });

  it("names unknown staff, unknown templates and dates outside the horizon", () => {
    expect(
      problems({
        assignments: [
          { staff: "Z", date: "2026-03-02", template: "D8" },
          { staff: "A", date: "2026-03-02", template: "X" },
          { staff: "A", date: "2026-04-01", template: "D8" },
        ],
      }),
    ).toEqual([
      'assignments[0].staff: unknown staff id (got "Z")',
      'assignments[1].template: unknown shift template id (got "X")',
      'assignments[2].date: must be within the horizon 2026-03-02…2026-03-15 (got "2026-04-01")',
    ]);
  });

  it("names a missing field", () => {
    expect(problems({ assignments: [{ staff: "A", date: "2026-03-02" }] })).toEqual([expect.stringMatching(/^assignments\[0\]\.template: /)]);
  });

  it("names an unknown field, in an assignment or beside the assignments, instead of dropping it (a misspelt lock would be lost)", () => {
    expect(problems({ assignments: [{ staff: "A", date: "2026-03-02", template: "D8", lockd: true }], note: "March" })).toEqual([
      "assignments[0].lockd: unknown field (got true)",
      'note: unknown field (got "March")',
    ]);
  });

  it("names the same assignment given twice (it would be paid twice and counted twice on duty)", () => {
    const row = { staff: "A", date: "2026-03-02", template: "D8" };
    expect(problems({ assignments: [row, { ...row, template: "E8" }, row] })).toEqual(["assignments[2]: the same shift as assignments[0] (A, D8 on 2026-03-02)"]);
  });

  it("keeps the horizon a schedule.json records, and names one that is not two dates, ends before it starts or leaves out its own shifts (repair-cli)", () => {
    const assignments = [{ staff: "A", date: "2026-03-02", template: "D8" }, { staff: "A", date: "2026-03-04", template: "D8" }];
    const parsed = parseScheduleFor(input, { horizon: { start: "2026-03-02", end: "2026-03-04" }, assignments });
    expect(parsed.ok && parsed.value.horizon).toEqual({ start: "2026-03-02", end: "2026-03-04" });
    expect(problems({ horizon: "March", assignments })).toEqual([expect.stringMatching(/^horizon: .*object.* \(got "March"\)$/)]);
    expect(problems({ horizon: { start: "2026-03-02", end: "2026-03-32" }, assignments })).toEqual(['horizon.end: must be a date YYYY-MM-DD (got "2026-03-32")']);
    expect(problems({ horizon: { start: "2026-03-02", end: "2026-03-04", zone: "UTC" }, assignments })).toEqual(['horizon.zone: unknown field (got "UTC")']);
    expect(problems({ horizon: { start: "2026-03-04", end: "2026-03-02" }, assignments })).toEqual(['horizon.end: must not be before horizon.start (2026-03-04) (got "2026-03-02")']);
    expect(problems({ horizon: { start: "2026-03-02", end: "2026-03-03" }, assignments })).toEqual([
      "horizon: must take in the dates of the schedule's assignments (assignments[1] is on 2026-03-04, outside 2026-03-02…2026-03-03)",
    ]);
  });
});

describe("employment dates", () => {
  const annWith = (patch: Record<string, unknown>) => ({ ...BASE, staff: [{ ...BASE.staff[0]!, ...patch }, ...BASE.staff.slice(1)] });

  it("accepts a leaver dated before the horizon and a hire dated after it, and keeps the dates", () => {
    const input = world({ staff: [{ ...BASE.staff[0]!, employedUntil: "2026-02-27" }, { ...BASE.staff[1]!, employedFrom: "2026-04-01" }, ...BASE.staff.slice(2)] });
    expect(input.staff[0]!.employedUntil).toBe("2026-02-27");
    expect(input.staff[1]!.employedFrom).toBe("2026-04-01");
  });

  it("names employedUntil before employedFrom", () => {
    expect(problemsOf(annWith({ employedFrom: "2026-03-10", employedUntil: "2026-03-09" }))).toEqual(['staff[0].employedUntil: must not be before employedFrom (2026-03-10) (got "2026-03-09")']);
  });

  it("names a history shift outside the employment", () => {
    const history = [{ date: "2026-02-27", template: "D8" }, { date: "2026-03-01", template: "D8" }];
    expect(problemsOf(annWith({ employedFrom: "2026-02-28", history }))).toEqual([
      'staff[0].history[0].date: Ann was not employed on 2026-02-27 (employed from 2026-02-28): a shift worked falls inside the employment (got "2026-02-27")',
    ]);
  });

  it("names a shift-on request outside the employment as one on leave is, whatever the rule's setting", () => {
    const requests = [{ kind: "shift-on", date: "2026-03-09", template: "D8", weight: 1 }, { kind: "shift-on", date: "2026-03-10", template: "D8", weight: 1 }, { kind: "day-off", date: "2026-03-11", weight: 1 }];
    const expected = ['staff[0].requests[1].date: Ann is not employed that day (employed until 2026-03-09), and no shift may start outside the employment: the request could never be granted (got "2026-03-10")'];
    expect(problemsOf(annWith({ employedUntil: "2026-03-09", requests }))).toEqual(expected);
    expect(problemsOf({ ...annWith({ employedUntil: "2026-03-09", requests }), rules: { "employment.dates": { hard: false } } })).toEqual(expected);
  });

  it("names an employment date that is not a date", () => {
    expect(problemsOf(annWith({ employedUntil: "2026-02-30" }))).toEqual(['staff[0].employedUntil: must be a date YYYY-MM-DD (got "2026-02-30")']);
  });
});
