/**
 * Generates data/demo/schedule-handmade.json: the November schedule as the pharmacy manager would build
 * it in a spreadsheet: a fixed daily staffing pattern filled day by day, person by person, with each
 * person's usual shifts, roughly their FTE hours and every other weekend. The handful of mistakes a checker
 * must catch (MISTAKES below, and README.md) are written in first, and the month is filled around them.
 *
 *   npx tsx data/demo/make-handmade-schedule.ts        (from the repository root)
 *
 * Deterministic: no randomness, no clock. Dates and templates come from the pipeline's time grid, so every
 * assignment is a template on a weekday it runs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import type { PlanningInput, ShiftInstance, StaffMember } from "../../models/index.js";
import { parseInput, prepare } from "../../src/pipeline.js";

const here = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

const parsed = parseInput(YAML.parse(readFileSync(here("department.yaml"), "utf8")));
if (!parsed.ok) throw new Error(`department.yaml is invalid: ${JSON.stringify(parsed.problems)}`);
const input: PlanningInput = parsed.value;
const { grid } = prepare(input);

// ---------------------------------------------------------------------------------------------------
// The manager's daily pattern: how many of each template on a weekday and on a weekend or holiday.
// ---------------------------------------------------------------------------------------------------

const WEEKDAY_PLAN: Record<string, number> = {
  // hardest to fill first: skills and nights
  "HAZ-D8": 2, "IV-N10": 1, "RPH-N8": 1, "TEC-N12": 2, "IV-D10": 2, "IV-E10": 2, "AUTO-D8": 2, "OR-D8": 1,
  "ED12": 1, "RPH-CL10": 5, "RPH-D8": 4, "RPH-E8": 2,
  "ED-T12": 2, "TEC-D12": 2, "TEC-D8": 3, "TEC-E8": 2,
};
const WEEKEND_PLAN: Record<string, number> = {
  "HAZ-WE8": 1, "IV-N10": 1, "RPH-N8": 1, "TEC-N12": 2, "IV-D10": 2, "IV-E10": 2,
  "ED12": 1, "RPH-CL10": 1, "RPH-D8": 2, "RPH-E8": 2,
  "ED-T12": 1, "TEC-D12": 2, "TEC-D8": 1, "TEC-E8": 1,
};
/** Thanksgiving runs the weekend pattern (templates that only run on weekdays still run: it is a Thursday). */
const HOLIDAY_PLAN: Record<string, number> = { ...WEEKEND_PLAN, "HAZ-WE8": 0, "HAZ-D8": 1, "OR-D8": 1, "AUTO-D8": 0 };

/** Each person's usual shifts, best first; anything else they are eligible for is a last resort. */
const HOME: Record<string, string[]> = {
  rph04: ["RPH-N8", "RPH-E8"], rph05: ["RPH-N8", "RPH-E8"],
  rph06: ["RPH-D8", "RPH-E8"], rph09: ["RPH-E8", "RPH-D8"],
  rph01: ["RPH-D8", "ED12"], rph02: ["RPH-D8", "RPH-E8", "ED12"], rph03: ["RPH-D8", "RPH-E8"], rph07: ["RPH-E8", "RPH-D8"],
  rph08: ["ED12", "RPH-D8"], rph10: ["RPH-D8", "ED12"], rph11: ["RPH-E8", "RPH-D8"], rph12: ["RPH-D8", "RPH-E8"], rph13: ["RPH-D8", "RPH-E8", "RPH-N8", "ED12"],
  clin05: ["ED12", "RPH-CL10"],
  tech10: ["TEC-N12"], tech24: ["TEC-N12"], tech17: ["TEC-N12", "TEC-E8"], tech25: ["TEC-N12", "TEC-D12"], tech26: ["TEC-N12", "TEC-D12"], tech06: ["TEC-E8", "TEC-N12"],
  iv03: ["IV-N10", "IV-E10"], iv06: ["IV-N10", "IV-E10"], tech16: ["IV-E10", "IV-N10"],
  iv01: ["HAZ-D8", "HAZ-WE8", "IV-D10"], iv02: ["HAZ-D8", "HAZ-WE8", "IV-D10"], iv05: ["IV-D10", "HAZ-D8", "HAZ-WE8"],
  tech14: ["HAZ-D8", "HAZ-WE8", "IV-D10"], tech20: ["HAZ-D8", "HAZ-WE8", "IV-E10"], tech22: ["HAZ-D8", "HAZ-WE8", "IV-D10"],
  tech09: ["IV-D10", "IV-E10"], tech12: ["IV-E10", "IV-D10"], iv04: ["IV-D10", "IV-E10"], iv07: ["IV-E10", "IV-D10"], tech19: ["IV-D10", "IV-E10"],
  auto01: ["AUTO-D8", "TEC-D12"], auto02: ["AUTO-D8", "TEC-D12"], auto03: ["AUTO-D8", "TEC-D8"], tech23: ["AUTO-D8", "TEC-D8"],
  tech21: ["TEC-D12", "OR-D8"], tech11: ["OR-D8", "TEC-D8"], tech13: ["OR-D8", "TEC-D12"], tech18: ["ED-T12", "TEC-D12"],
  tech01: ["TEC-D8", "TEC-E8"], tech02: ["TEC-D8", "TEC-E8"], tech03: ["TEC-E8", "TEC-D8"], tech04: ["TEC-D12", "ED-T12"],
  tech05: ["TEC-D8", "TEC-E8"], tech07: ["TEC-E8", "TEC-D8"], tech08: ["TEC-D8", "TEC-E8"],
  tech15: ["TEC-D8", "OR-D8"],
};
const HOME_BY_LEVEL: Record<string, string[]> = {
  rph: ["RPH-D8", "RPH-E8"], "rph-clin": ["RPH-CL10", "RPH-D8"],
  tech1: ["TEC-D8", "TEC-E8"], tech2: ["TEC-D12", "ED-T12", "TEC-D8"], tech3: ["TEC-D12", "OR-D8"],
  "tech-iv": ["IV-D10", "IV-E10"], "tech-auto": ["AUTO-D8", "TEC-D12"],
};

/**
 * The deliberate mistakes, pinned before the month is filled so that the rest of the schedule is built
 * around them (nothing else breaks a hard rule because of them). Each is what a manager does by hand.
 */
const MISTAKES: { rule: string; what: string; pins: [staff: string, date: string, template: string][] }[] = [
  {
    rule: "leave.approved",
    what: "Priya Natarajan (rph03) on RPH-D8 on Tuesday 2026-11-24, inside her approved Thanksgiving-week vacation (11-23 to 11-29).",
    pins: [["rph03", "2026-11-24", "RPH-D8"]],
  },
  {
    rule: "rest.min-between-shifts",
    what: "Aisha Bello (rph05) works the night RPH-N8 from 2026-11-12 23:00 to 11-13 07:00 and is put on the day RPH-D8 at 07:00 on 11-13: no rest at all.",
    pins: [["rph05", "2026-11-12", "RPH-N8"], ["rph05", "2026-11-13", "RPH-D8"]],
  },
  {
    rule: "rest.min-between-shifts",
    what: "Elena Vasquez (tech24) worked the last October night, TEC-N12 on 10-31 (19:00 EDT to 07:00 EST, 13 h across the DST change), and is put on TEC-E8 at 15:00 on Sunday 11-01: 8 h rest.",
    pins: [["tech24", "2026-11-01", "TEC-E8"]],
  },
  {
    rule: "days.max-consecutive",
    what: "Brianna Scott (tech05) works TEC-D8 seven days in a row, Monday 2026-11-09 to Sunday 11-15 (at most 5).",
    pins: [9, 10, 11, 12, 13, 14, 15].map((d): [string, string, string] => ["tech05", `2026-11-${String(d).padStart(2, "0")}`, "TEC-D8"]),
  },
  {
    rule: "shift.eligibility",
    what: "Jordan Ellis (tech01), a Technician I without the sterile-compounding competency, on IV-D10 in the IV room on Wednesday 2026-11-18.",
    pins: [["tech01", "2026-11-18", "IV-D10"]],
  },
  {
    rule: "requests.day-off",
    what: "Andre Jackson (tech10) asked for Friday 2026-11-20 off (weight 5) and is scheduled on the TEC-N12 night anyway.",
    pins: [["tech10", "2026-11-20", "TEC-N12"]],
  },
];

// ---------------------------------------------------------------------------------------------------
// Bookkeeping per person.
// ---------------------------------------------------------------------------------------------------

const templates = new Map(input.shiftTemplates.map((t) => [t.id, t]));
const levels = new Map(input.levels.map((l) => [l.id, l]));
const shiftAt = new Map(grid.shifts.map((s) => [s.key, s]));
const dayCount = grid.days.length;

interface Person {
  member: StaffMember;
  skills: Set<string>;
  roleFamily: string;
  home: string[];
  weekendGroup: number;
  /** Shifts by day index (history days negative). */
  byDay: Map<number, ShiftInstance>;
  /** Horizon target paid hours, leave days excluded. */
  target: number;
  paid: number;
}

const weekendOf = (day: number): number | undefined => grid.weekends.find((w) => w.saturday === day || w.sunday === day)?.index;
const onLeave = (m: StaffMember, date: string): boolean => m.leave.some((l) => l.start <= date && date <= l.end);

/**
 * Weekend sides: every other weekend, balanced within each group of people who can stand in for each
 * other (so that each weekend has its night, sterile and hazardous staff). Whoever worked Saturday 10-31
 * is on the first weekend's side.
 */
const capability = (member: StaffMember): string => {
  const level = levels.get(member.level)!;
  const skills = new Set([...level.skills, ...member.skills]);
  const home = HOME[member.id] ?? HOME_BY_LEVEL[member.level] ?? [];
  const nights = home.some((id) => input.shiftTemplates.find((t) => t.id === id)?.night);
  const prn = member.employment !== "staff" || member.fte === 0;
  if (prn) return `prn/${level.roleFamily}`;
  if (level.roleFamily === "pharmacist") return nights ? "rph/night" : skills.has("clinical") ? "rph/clinical" : "rph/day";
  if (skills.has("hazardous-compounding")) return "tech/hazardous";
  if (skills.has("sterile-compounding")) return nights ? "tech/sterile-night" : "tech/sterile";
  if (skills.has("automation")) return "tech/automation";
  return nights ? "tech/night" : "tech/central";
};
const weekendGroup = new Map<string, number>();
{
  const classes = new Map<string, StaffMember[]>();
  for (const member of input.staff) classes.set(capability(member), [...(classes.get(capability(member)) ?? []), member]);
  for (const members of classes.values()) {
    const size = [0, 0];
    const forced = (m: StaffMember) => (grid.history[m.id] ?? []).some((h) => weekendOf(h.day) === 0);
    for (const m of members.filter(forced)) { weekendGroup.set(m.id, 0); size[0]!++; }
    for (const m of members.filter((x) => !forced(x))) {
      const g = size[1]! < size[0]! ? 1 : size[0]! < size[1]! ? 0 : weekendGroup.size % 2;
      weekendGroup.set(m.id, g);
      size[g]!++;
    }
  }
}

const people: Person[] = input.staff.map((member) => {
  const level = levels.get(member.level)!;
  const history = grid.history[member.id] ?? [];
  const leaveDays = grid.days.filter((d) => onLeave(member, d.date)).length;
  return {
    member,
    skills: new Set([...level.skills, ...member.skills]),
    roleFamily: level.roleFamily,
    home: HOME[member.id] ?? HOME_BY_LEVEL[member.level] ?? [],
    weekendGroup: weekendGroup.get(member.id)!,
    byDay: new Map(history.map((h) => [h.day, h])),
    target: (member.fte * 80 * (dayCount - leaveDays)) / 14,
    paid: 0,
  };
});
const byId = new Map(people.map((p) => [p.member.id, p]));

const paidHours = (s: ShiftInstance): number => s.paidMinutes / 60;
function assign(p: Person, shift: ShiftInstance): void {
  p.byDay.set(shift.day, shift);
  p.paid += paidHours(shift);
}
for (const mistake of MISTAKES) {
  for (const [staff, date, template] of mistake.pins) {
    const shift = shiftAt.get(`${template}@${date}`);
    if (!shift) throw new Error(`${template} does not run on ${date}`);
    assign(byId.get(staff)!, shift);
  }
}

const hoursIn = (p: Person, field: "week" | "payPeriod", day: number): number => {
  const span = grid.days[day]![field];
  let h = 0;
  for (const [d, s] of p.byDay) if (d >= 0 && grid.days[d]![field] === span) h += paidHours(s);
  return h;
};
/** Length of the run of worked days (or nights) through `day` if `day` were worked. */
const runThrough = (p: Person, day: number, isWork: (s: ShiftInstance | undefined) => boolean): number => {
  let n = 1;
  for (let d = day - 1; isWork(p.byDay.get(d)); d--) n++;
  for (let d = day + 1; isWork(p.byDay.get(d)); d++) n++;
  return n;
};
const worked = (s: ShiftInstance | undefined): boolean => s !== undefined;
const night = (s: ShiftInstance | undefined): boolean => s?.night === true;
const eligible = (p: Person, templateId: string): boolean => {
  const t = templates.get(templateId)!;
  return t.roleFamily === p.roleFamily && t.requiredSkills.every((s) => p.skills.has(s));
};

/**
 * Who is asked, in order: usual shift, any eligible shift, a PRN, overtime, then — only for shifts that
 * hold a minimum staffing floor alone or in pairs — someone off that weekend.
 */
const FLOOR_TEMPLATES = new Set(["IV-D10", "IV-E10", "ED12", "RPH-N8", "TEC-N12"]);
type Tier = "home" | "any" | "prn" | "stretch" | "pickup";

function allowed(p: Person, shift: ShiftInstance, tier: Tier): boolean {
  const m = p.member;
  const t = templates.get(shift.template)!;
  const day = shift.day;
  const date = shift.date;
  const prn = m.employment !== "staff" || m.fte === 0;
  if (prn !== (tier === "prn") && tier !== "pickup") return false;
  if (tier === "pickup" && !FLOOR_TEMPLATES.has(shift.template)) return false;
  if (!eligible(p, t.id) || p.byDay.has(day) || onLeave(m, date)) return false;
  if (tier === "home" && !p.home.includes(t.id)) return false;
  for (const r of m.requests) {
    if (r.date !== date) continue;
    if (r.kind === "day-off" || (r.kind === "shift-off" && r.template === t.id)) return false;
  }
  const sameTemplate = [...p.byDay.values()].filter((s) => s.day >= 0 && s.template === t.id).length;
  if ((m.contract.maxShiftsPerTemplate[t.id] ?? Infinity) <= sameTemplate) return false;
  // Rest on both sides (shifts are at most 13 h, so only the neighbouring days matter).
  const before = p.byDay.get(day - 1);
  const after = p.byDay.get(day + 1);
  if (before && shift.startMinute - before.endMinute < 600) return false;
  if (after && after.startMinute - shift.endMinute < 600) return false;
  if (runThrough(p, day, worked) > (m.contract.maxConsecutiveDays ?? 5)) return false;
  if (t.night && runThrough(p, day, night) > (m.contract.maxConsecutiveNights ?? 3)) return false;
  // After a run of nights, two days off before a day shift.
  const twoBefore = p.byDay.get(day - 2);
  const twoAfter = p.byDay.get(day + 2);
  if (!t.night && (before?.night || (!before && twoBefore?.night))) return false;
  if (t.night && ((after && !after.night) || (!after && twoAfter && !twoAfter.night))) return false;
  const weekend = weekendOf(day);
  if (weekend !== undefined && weekend % 2 !== p.weekendGroup && tier !== "pickup") return false;
  const stretch = tier === "stretch" || tier === "pickup";
  const h = paidHours(shift);
  if (m.overtimeRule === "8/80" && h > 8 && !stretch) return false;
  const weekCap = Math.min(m.contract.maxHoursPerWeek ?? 60, m.overtimeRule === "weekly40" ? (stretch ? 48 : 40) : 60);
  if (hoursIn(p, "week", day) + h > weekCap + 1e-9) return false;
  const period = grid.payPeriods.find((pp) => pp.firstDay <= day && day <= pp.lastDay)!;
  const share = period.daysInHorizon / 14;
  const ppCap = m.contract.maxHoursPerPayPeriod !== undefined ? m.contract.maxHoursPerPayPeriod * share : 80 * m.fte * share + (stretch ? 12 : 4);
  if (hoursIn(p, "payPeriod", day) + h > ppCap + 1e-9) return false;
  return true;
}

function score(p: Person, shift: ShiftInstance): number {
  const m = p.member;
  const t = templates.get(shift.template)!;
  const day = shift.day;
  let s = 0;
  if (m.requests.some((r) => r.kind === "shift-on" && r.date === shift.date && r.template === t.id)) s += 1000;
  const rank = p.home.indexOf(t.id);
  s += rank === 0 ? 30 : rank > 0 ? 20 - 5 * rank : 0;
  if (t.night && !p.home.some((id) => templates.get(id)!.night)) s -= 60;
  // Pace: people behind their hours so far come first.
  const expected = (p.target * (day + 1)) / dayCount;
  s += 2 * (expected - p.paid);
  // Blocks of work and real breaks: keep a stretch going, avoid a single day off.
  const run = runThrough(p, day, worked) - 1;
  if (run > 0 && run < 4) s += 30;
  if (!p.byDay.has(day - 1) && p.byDay.has(day - 2)) s -= 120;
  // Keep this person's own weekend workable: no run into Saturday that would have to stop before Sunday.
  const nextSaturday = grid.days.find((d) => d.index > day && d.weekday === 6);
  if (nextSaturday && grid.days[day]!.weekday <= 5 && weekendOf(nextSaturday.index)! % 2 === p.weekendGroup) {
    const gap = nextSaturday.index - day;
    if (runThrough(p, day, worked) + gap + 1 > (m.contract.maxConsecutiveDays ?? 5) && gap <= 2) s -= 80;
  }
  // Whole weekends: Saturday goes to whoever can also work Sunday, Sunday to whoever worked Saturday.
  const weekday = grid.days[day]!.weekday;
  if (weekday === 7) s += p.byDay.has(day - 1) ? 200 : -100;
  if (weekday === 6 && day + 1 < dayCount) {
    const sunday = shiftAt.get(`${t.id}@${grid.days[day + 1]!.date}`);
    const blocked = !sunday || onLeave(m, sunday.date) || m.requests.some((r) => r.date === sunday.date && r.kind === "day-off") || runThrough(p, day, worked) + 1 > (m.contract.maxConsecutiveDays ?? 5);
    if (blocked) s -= 150;
  }
  return s;
}

/** Shift-on requests go in first, as a manager writes them into the spreadsheet before the pattern. */
for (const p of people) {
  for (const r of p.member.requests) {
    if (r.kind !== "shift-on") continue;
    const shift = shiftAt.get(`${r.template}@${r.date}`);
    if (shift && !p.byDay.has(shift.day) && allowed(p, shift, p.member.employment === "staff" && p.member.fte > 0 ? "any" : "prn")) assign(p, shift);
  }
}

// ---------------------------------------------------------------------------------------------------
// Fill the month, day by day; the pinned mistakes count toward the day's pattern.
// ---------------------------------------------------------------------------------------------------

const unfilled: string[] = [];
for (const day of grid.days) {
  const plan = day.holiday === "Thanksgiving Day" ? HOLIDAY_PLAN : day.isWeekend ? WEEKEND_PLAN : WEEKDAY_PLAN;
  // Requested shifts first, so a shift-on request is not lost to the pattern's order.
  const wanted = (id: string): boolean => input.staff.some((m) => m.requests.some((r) => r.kind === "shift-on" && r.date === day.date && r.template === id));
  const order = Object.keys(plan).sort((a, b) => Number(wanted(b)) - Number(wanted(a)));
  // Sunday: Saturday's people keep their Saturday shift when they may.
  if (day.weekday === 7 && day.index > 0) {
    for (const p of people) {
      const saturday = p.byDay.get(day.index - 1);
      const shift = saturday && shiftAt.get(`${saturday.template}@${day.date}`);
      if (!shift || p.byDay.has(day.index)) continue;
      const taken = people.filter((q) => q.byDay.get(day.index)?.template === shift.template).length;
      const tier = p.member.employment === "staff" && p.member.fte > 0 ? "any" : "prn";
      if (taken < (plan[shift.template] ?? 0) && allowed(p, shift, tier)) assign(p, shift);
    }
  }
  for (const templateId of order) {
    const shift = shiftAt.get(`${templateId}@${day.date}`);
    if (!shift) continue;
    const pinned = people.filter((p) => p.byDay.get(day.index)?.template === templateId).length;
    for (let n = pinned; n < plan[templateId]!; n++) {
      let chosen: Person | undefined;
      for (const tier of ["home", "any", "prn", "stretch", "pickup"] as Tier[]) {
        const candidates = people.filter((p) => allowed(p, shift, tier));
        if (candidates.length === 0) continue;
        candidates.sort((a, b) => score(b, shift) - score(a, shift) || a.member.id.localeCompare(b.member.id));
        chosen = candidates[0];
        break;
      }
      if (chosen) assign(chosen, shift);
      else unfilled.push(shift.key);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Output: one assignment per line, by date, then template, then staff.
// ---------------------------------------------------------------------------------------------------

const assignments = people
  .flatMap((p) => [...p.byDay.values()].filter((s) => s.day >= 0).map((s) => ({ staff: p.member.id, date: s.date, template: s.template })))
  .sort((a, b) => a.date.localeCompare(b.date) || a.template.localeCompare(b.template) || a.staff.localeCompare(b.staff));
const lines = assignments.map((a) => `    ${JSON.stringify(a)}`);
writeFileSync(here("schedule-handmade.json"), `{\n  "assignments": [\n${lines.join(",\n")}\n  ]\n}\n`);
console.log(`wrote ${assignments.length} assignments; ${unfilled.length} pattern slots left open: ${unfilled.join(" ")}`);
for (const mistake of MISTAKES) console.log(`  deliberate: ${mistake.rule}: ${mistake.what}`);
