/**
 * Cross-reference and consistency checks a schema alone cannot express: every skill, level, area and
 * template id refers to something defined; ids are unique; date ranges are possible. The workload's own
 * checks (standards, hourly series, leads) are in `workload.ts`.
 */
import { DateTime } from "luxon";
import type { PlanningInput } from "./input.js";
import type { Schedule } from "./schedule.js";
import { MAX_HORIZON_DAYS, addDays, daysBetween, localMidnightOf } from "./input.js";
import type { Problem } from "./problems.js";
import { checkWorkload } from "./workload.js";
import { checkFteSettings } from "./fte-checks.js";
import { WEEKDAY_NAMES, minuteOfDayOf, springGapWords } from "./shift-span.js";
import { checkRequests, standingRequests } from "./request-checks.js";
import { employedOn, employmentWords } from "./staff.js";

/**
 * Every page, message, calendar event and report names people by name ("Ann is on approved leave but
 * works…"): two people of one name, whatever its case or spacing, could not be told apart in any of them.
 */
function uniqueNames(staff: readonly { name: string }[], problems: Problem[]): void {
  const seen = new Map<string, number>();
  staff.forEach((member, i) => {
    const key = member.name.trim().replace(/\s+/g, " ").toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else problems.push({ path: `staff[${i}].name`, message: `the same as staff[${first}].name: every page, message and feed names people by name, so give each one they can be told apart by (a middle initial, say)`, value: member.name });
  });
}

function uniqueIds(items: readonly { id: string }[], path: string, problems: Problem[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: `${path}[${i}].id`, message: "duplicate id", value: item.id });
    seen.add(item.id);
  });
  return seen;
}

/**
 * Intervals are counted in elapsed minutes from the horizon's first local midnight, so a change of the
 * zone's UTC offset that is not a whole number of intervals (Lord Howe Island's 30 minutes, on hourly
 * intervals) would put every later interval off the local clock's hours, and every shift hand-over
 * mid-interval, where it counts for neither shift.
 */
function clockChangeOffGrid(input: PlanningInput): Problem | undefined {
  const zone = input.site.timeZone;
  let day = DateTime.fromISO(input.horizon.start, { zone }).startOf("day");
  const last = DateTime.fromISO(input.horizon.end, { zone }).startOf("day");
  while (day <= last) {
    const next = day.plus({ days: 1 }).startOf("day");
    const change = next.offset - day.offset;
    if (change % input.intervalMinutes !== 0) {
      // Local mean time (before 1883 in Chicago) is off UTC by seconds: the change is named to a tenth of a minute.
      return { path: "intervalMinutes", message: `must divide the ${Math.round(Math.abs(change) * 10) / 10}-minute clock change of ${zone} on ${day.toISODate()} (intervals after it would fall off the local hours): use ${Math.abs(change) % 15 === 0 ? "15 or 30" : "another zone"}`, value: input.intervalMinutes };
    }
    day = next;
  }
  return undefined;
}

/**
 * Whether a zone's clocks skipped a whole date (Samoa and Tokelau went from 29 to 31 December 2011): such a
 * date has no instant, so its shifts would start on the next day and its nights end before they start.
 */
function skipped(date: string, zone: string): boolean {
  return localMidnightOf(date, zone).toISODate() !== date;
}

function skippedWords(zone: string): string {
  return `is a date the clocks of ${zone} skipped (they went from the day before to the day after): no shift can fall on it`;
}

/** The first date of the horizon that the site's zone skipped, as a problem. */
function skippedInHorizon(input: PlanningInput, span: number): Problem | undefined {
  for (let d = 0; d <= span && d < MAX_HORIZON_DAYS; d++) {
    const date = addDays(input.horizon.start, d);
    if (skipped(date, input.site.timeZone)) return { path: "horizon", message: `holds ${date}, which ${skippedWords(input.site.timeZone)}; plan the dates before or after it`, value: date };
  }
  return undefined;
}

/** What a write changes: the stored planning input it replaces (absent for a new input, a file). */
export interface ReferenceOptions {
  /**
   * The input as stored before this write. A shift-on request in it (the same person, template and date)
   * stands: it was judged when it was made, and a later change that leaves it ungrantable — leave
   * recorded for a call-out, a template retired, a skill or contract changed — is taken, not refused for a
   * request nobody is writing. Such a request only costs its weight and reads as not granted.
   */
  standing?: PlanningInput;
}

export function checkReferences(input: PlanningInput, { standing }: ReferenceOptions = {}): Problem[] {
  const stood = standingRequests(standing);
  const problems: Problem[] = [];
  const ref = (ids: Set<string>, kind: string, path: string, id: string): void => {
    if (!ids.has(id)) problems.push({ path, message: `unknown ${kind} id`, value: id });
  };
  const areas = uniqueIds(input.areas, "areas", problems);
  const skills = uniqueIds(input.skills, "skills", problems);
  const levels = uniqueIds(input.levels, "levels", problems);
  uniqueIds(input.staff, "staff", problems);
  uniqueNames(input.staff, problems);
  const templates = uniqueIds(input.shiftTemplates, "shiftTemplates", problems);
  const workloadTypes = uniqueIds(input.workloadTypes, "workloadTypes", problems);

  const span = daysBetween(input.horizon.start, input.horizon.end);
  if (span < 0) problems.push({ path: "horizon.end", message: `must not be before horizon.start (${input.horizon.start})`, value: input.horizon.end });
  if (span + 1 > MAX_HORIZON_DAYS) problems.push({ path: "horizon.end", message: `horizon must be at most ${MAX_HORIZON_DAYS} days`, value: input.horizon.end });
  const skippedDay = skippedInHorizon(input, span);
  if (skippedDay) problems.push(skippedDay);

  input.levels.forEach((level, i) => level.skills.forEach((s, j) => ref(skills, "skill", `levels[${i}].skills[${j}]`, s)));
  input.shiftTemplates.forEach((t, i) => {
    ref(areas, "area", `shiftTemplates[${i}].area`, t.area);
    t.requiredSkills.forEach((s, j) => ref(skills, "skill", `shiftTemplates[${i}].requiredSkills[${j}]`, s));
    t.forbiddenNext.forEach((s, j) => ref(templates, "shift template", `shiftTemplates[${i}].forbiddenNext[${j}]`, s));
    if (t.unpaidBreakMinutes >= t.lengthMinutes) {
      problems.push({ path: `shiftTemplates[${i}].unpaidBreakMinutes`, message: "must be shorter than the shift", value: t.unpaidBreakMinutes });
    }
    // A night differential is paid on night shifts: on a template not marked night it would never be paid.
    t.differentials.forEach((d, j) => {
      if (d.kind === "night" && !t.night) problems.push({ path: `shiftTemplates[${i}].differentials[${j}].kind`, message: "a night differential needs the template marked night: true (it is paid on night shifts only)", value: d.kind });
    });
  });
  const templateById = new Map(input.shiftTemplates.map((t) => [t.id, t]));
  const levelById = new Map(input.levels.map((l) => [l.id, l]));
  const skillNames = new Map(input.skills.map((s) => [s.id, s.name]));
  input.staff.forEach((member, i) => {
    const at = `staff[${i}]`;
    ref(levels, "level", `${at}.level`, member.level);
    member.skills.forEach((s, j) => ref(skills, "skill", `${at}.skills[${j}]`, s));
    member.leave.forEach((l, j) => {
      if (daysBetween(l.start, l.end) < 0) problems.push({ path: `${at}.leave[${j}].end`, message: `must not be before start (${l.start})`, value: l.end });
    });
    if (member.employedFrom !== undefined && member.employedUntil !== undefined && member.employedUntil < member.employedFrom) {
      problems.push({ path: `${at}.employedUntil`, message: `must not be before employedFrom (${member.employedFrom})`, value: member.employedUntil });
    }
    problems.push(...checkRequests(member, at, { templates: templateById, levels: levelById, skillNames, zone: input.site.timeZone, stood }));
    // A shift worked once: given twice, its hours would count twice toward the week and pay period.
    const worked = new Map<string, number>();
    member.history.forEach((h, j) => {
      const first = worked.get(`${h.template}@${h.date}`);
      if (first !== undefined) problems.push({ path: `${at}.history[${j}]`, message: `the same shift as ${at}.history[${first}] (${h.template} on ${h.date})` });
      else worked.set(`${h.template}@${h.date}`, j);
      ref(templates, "shift template", `${at}.history[${j}].template`, h.template);
      const before = daysBetween(h.date, input.horizon.start);
      if (before <= 0) {
        problems.push({ path: `${at}.history[${j}].date`, message: `must be before horizon.start (${input.horizon.start})`, value: h.date });
      } else if (before > MAX_HORIZON_DAYS) {
        // No rule looks back further than a horizon, and every day back to the earliest shift is laid out
        // in the site's zone: a year's typo (0026 for 2026) made a check take minutes.
        problems.push({ path: `${at}.history[${j}].date`, message: `must be at most ${MAX_HORIZON_DAYS} days before horizon.start (${input.horizon.start}): no rule looks back further`, value: h.date });
      } else if (!employedOn(member, h.date)) {
        // A shift worked is one worked while employed: outside it, the date or the employment is a typo.
        problems.push({ path: `${at}.history[${j}].date`, message: `${member.name} was not employed on ${h.date} (${employmentWords(member)}): a shift worked falls inside the employment`, value: h.date });
      } else if (skipped(h.date, input.site.timeZone)) {
        problems.push({ path: `${at}.history[${j}].date`, message: skippedWords(input.site.timeZone), value: h.date });
      } else {
        // Worked shifts are laid out as the horizon's are: one the gap leaves no time for was never worked.
        const template = templateById.get(h.template);
        const gap = template && springGapWords(template, h.date, input.site.timeZone);
        if (gap) problems.push({ path: `${at}.history[${j}].date`, message: `${gap}: nobody worked it`, value: h.date });
      }
    });
    Object.keys(member.contract.maxShiftsPerTemplate).forEach((t) =>
      ref(templates, "shift template", `${at}.contract.maxShiftsPerTemplate.${t}`, t),
    );
  });
  input.productivityStandards.forEach((p, i) => {
    ref(workloadTypes, "workload type", `productivityStandards[${i}].workloadType`, p.workloadType);
    ref(areas, "area", `productivityStandards[${i}].area`, p.area);
  });
  input.forecasts.forEach((f, i) => {
    ref(workloadTypes, "workload type", `forecasts[${i}].workloadType`, f.workloadType);
    if (!input.productivityStandards.some((p) => p.workloadType === f.workloadType)) {
      problems.push({ path: `forecasts[${i}].workloadType`, message: "has no productivity standard", value: f.workloadType });
    }
    if (f.kind !== "profile") return;
    // A volume given for a date must land somewhere: its weekday needs hours in the profile.
    for (const [date, units] of Object.entries(f.dailyUnitsByDate)) {
      const weekday = DateTime.fromISO(date, { zone: "utc" }).weekday;
      const weight = f.hourOfWeekWeights.slice((weekday - 1) * 24, weekday * 24).reduce((a, b) => a + b, 0);
      if (units > 0 && weight <= 0) {
        problems.push({ path: `forecasts[${i}].dailyUnitsByDate.${date}`, message: `${units} units on a ${WEEKDAY_NAMES[weekday - 1]}, which hourOfWeekWeights gives no hours: they would be lost; give that day hours`, value: units });
      }
    }
  });
  problems.push(...checkWorkload(input));
  problems.push(...checkFteSettings(input));
  input.floors.forEach((f, i) => {
    ref(areas, "area", `floors[${i}].area`, f.area);
    // Demand is counted per interval, and a shift covers the intervals it spans whole: a floor ending
    // mid-interval would ask for a person no shift ending on time can be counted for.
    for (const end of ["from", "to"] as const) {
      if (minuteOfDayOf(f[end]) % input.intervalMinutes !== 0) {
        problems.push({ path: `floors[${i}].${end}`, message: `must fall on the ${input.intervalMinutes}-minute intervals of the horizon (or set intervalMinutes to one it falls on)`, value: f[end] });
      }
    }
  });
  const offGrid = clockChangeOffGrid(input);
  if (offGrid) problems.push(offGrid);
  input.slotDemand.forEach((s, i) => {
    ref(templates, "shift template", `slotDemand[${i}].template`, s.template);
    const day = daysBetween(input.horizon.start, s.date);
    const template = templateById.get(s.template);
    const weekday = DateTime.fromISO(s.date, { zone: "utc" }).weekday;
    if (day < 0 || day > span) problems.push({ path: `slotDemand[${i}].date`, message: "must be within the horizon", value: s.date });
    // No shift of the template exists that day, so the line would be dropped without a word.
    else if (template && !template.weekdays.includes(weekday)) {
      const runs = template.weekdays.length > 0 ? `its weekdays: ${template.weekdays.join(", ")}` : "it runs on no weekday";
      problems.push({ path: `slotDemand[${i}].date`, message: `is a ${WEEKDAY_NAMES[weekday - 1]}, when ${template.id} does not run (${runs}): nobody could fill the line`, value: s.date });
    } else if (template) {
      const gap = springGapWords(template, s.date, input.site.timeZone);
      if (gap) problems.push({ path: `slotDemand[${i}].date`, message: `${gap}: nobody could fill the line`, value: s.date });
    }
  });
  // Only when the horizon is sound: the reference's dates are placed in it.
  if (input.reference && span >= 0 && span < MAX_HORIZON_DAYS) problems.push(...checkScheduleReferences(input, input.reference, "reference.assignments"));
  return problems;
}

/**
 * One person's shift on one date as a key: the same shift given twice has the same key. The model's
 * columns are keyed `template@date` per person, so a decoded schedule's assignments match it (solver/decode.ts).
 */
export const assignmentKey = (a: Pick<Schedule["assignments"][number], "staff" | "date" | "template">): string => `${a.staff}|${a.template}@${a.date}`;

/**
 * Problems with a schedule's references: unknown staff or template, a date outside the horizon or on a day
 * the template does not run, the same assignment twice. `listPath` names the list in the paths (the
 * input's reference schedule is `reference.assignments`).
 */
export function checkScheduleReferences(input: PlanningInput, schedule: { assignments: readonly Pick<Schedule["assignments"][number], "staff" | "date" | "template">[] }, listPath = "assignments"): Problem[] {
  const problems: Problem[] = [];
  const staff = new Set(input.staff.map((s) => s.id));
  const templates = new Map(input.shiftTemplates.map((t) => [t.id, t]));
  const last = daysBetween(input.horizon.start, input.horizon.end);
  const seen = new Map<string, number>();
  schedule.assignments.forEach((a, i) => {
    const at = `${listPath}[${i}]`;
    // A person works a shift once: the same row twice would pay them twice and count them twice on duty.
    const key = assignmentKey(a);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ path: at, message: `the same shift as ${listPath}[${first}] (${a.staff}, ${a.template} on ${a.date})` });
    else seen.set(key, i);
    if (!staff.has(a.staff)) problems.push({ path: `${at}.staff`, message: "unknown staff id", value: a.staff });
    const template = templates.get(a.template);
    if (!template) problems.push({ path: `${at}.template`, message: "unknown shift template id", value: a.template });
    const day = daysBetween(input.horizon.start, a.date);
    if (day < 0 || day > last) {
      problems.push({ path: `${at}.date`, message: `must be within the horizon ${input.horizon.start}…${input.horizon.end}`, value: a.date });
    } else if (template && !template.weekdays.includes(DateTime.fromISO(a.date, { zone: "utc" }).weekday)) {
      problems.push({ path: `${at}.date`, message: `template ${template.id} does not run on that weekday`, value: a.date });
    } else if (template) {
      const gap = springGapWords(template, a.date, input.site.timeZone);
      if (gap) problems.push({ path: `${at}.date`, message: gap, value: a.date });
    }
  });
  return problems;
}
