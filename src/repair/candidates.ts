/**
 * Repair after a call-out: who could take one open shift, best first. Input: a prepared planning input, a
 * schedule and the open shift (a template on a date). Output: every staff member not already on that
 * shift, either as a candidate — the checker's weighted total, labor cost, overtime, soft rules and
 * coverage with the shift added, against the schedule without it — or as excluded, with the first hard rule
 * the added shift would break and the checker's message. Whoever the schedule still has on the shift while
 * on approved leave that date is the call-out: taken off it first, so each person is judged as their cover.
 *
 * Each person is judged by the project's independent checker (`explain`, as `rxroster check` does) on the
 * whole schedule plus their shift, so every rule counts as it will when the change is saved: a department's
 * coverage, budget cap and fairness as much as the person's own rest and hours. The checker's hard rules
 * run first, alone: most of a department may not take a given shift (the wrong skills, already at work
 * that day), and the hard rules are a fifth of the checker's time, the coverage and soft rules the rest.
 */
import type { Assignment, Explanation, Parsed, Problem, RuleId, Schedule, Subjects } from "../../models/index.js";
import { IsoDateSchema, whyNotRunning } from "../../models/index.js";
import { buildCheckContext } from "../../solver/check/context.js";
import { RULES } from "../../solver/rules/index.js";
import { resolveRule } from "../../solver/rules/resolve.js";
import { explain, type Prepared } from "../pipeline.js";

/** A shift nobody works any more: a template on a date. */
export interface OpenShift {
  date: string;
  /** Shift template id. */
  template: string;
}

/** A soft rule whose penalty the added shift changes. */
export interface RuleChange {
  rule: RuleId;
  /** Penalty with the shift minus without: positive when the shift breaks the rule (more), negative when it mends it. */
  penaltyChange: number;
  /** Violations with the shift minus without. */
  violationsChange: number;
}

export interface Candidate {
  staff: string;
  name: string;
  /** Level id. */
  level: string;
  /** The checker's weighted total with the shift minus without (the call-out off it in both): the ranking key, lowest first. */
  totalChange: number;
  /** Labor dollars with the shift minus without: pay, differentials and overtime premium. */
  laborDollarsChange: number;
  /** Overtime hours the shift adds, under the person's overtime rule (weekly40 or 8/80). */
  overtimeHoursAdded: number;
  /** Uncovered staff-hours of demand the shift covers. */
  coverageGainedStaffHours: number;
  /** Soft rules newly broken or mended, in registry order. */
  rules: RuleChange[];
}

/** Someone who may not take the shift, and why. */
export interface Excluded {
  staff: string;
  name: string;
  level: string;
  /** The first hard rule (registry order) the added shift breaks, or breaks further. */
  rule: RuleId;
  /** The checker's message for that violation. */
  message: string;
  /** Further hard rules the shift breaks, in registry order (one who already works that day may also lack a skill). */
  alsoBreaks: RuleId[];
}

export interface CandidateRanking {
  shift: OpenShift & { name: string; area: string; paidHours: number };
  /**
   * Staff ids the schedule still has on this shift while on approved leave that date (the call-out, as
   * `repair` asks it recorded): not on duty, so everyone is judged against the schedule without them.
   */
  calledOut: string[];
  /** Staff ids already working this shift on this date: neither candidates nor excluded (nor is the call-out). */
  alreadyOn: string[];
  /** Best (lowest total change) first. */
  candidates: Candidate[];
  /** In registry order of the rule, then in the input's staff order. */
  excluded: Excluded[];
}

/** The open shift's fields not given at all: they can be named before any file is read. */
export function missingOpenShift(raw: { date?: string | undefined; shift?: string | undefined }): Problem[] {
  const problems: Problem[] = [];
  if (raw.date === undefined) problems.push({ path: "date", message: "required: the date the open shift starts on, YYYY-MM-DD" });
  if (raw.shift === undefined) problems.push({ path: "shift", message: "required: the open shift's template id" });
  return problems;
}

/**
 * The open shift given as `date` and `shift` (a template id), checked against the input: a real date
 * within the horizon, a known template that runs that date (`whyNotRunning`: its weekday, and time left
 * by the spring-forward gap). Problems name `date` or `shift`; the caller renames them to its own fields
 * (`--date`, a query parameter).
 */
export function parseOpenShift(prepared: Prepared, raw: { date?: string | undefined; shift?: string | undefined }): Parsed<OpenShift> {
  const { input, grid } = prepared;
  const problems = missingOpenShift(raw);
  const { date, shift } = raw;
  let day: (typeof grid.days)[number] | undefined;
  if (date !== undefined && !IsoDateSchema.safeParse(date).success) problems.push({ path: "date", message: "must be a date YYYY-MM-DD", value: date });
  else if (date !== undefined) {
    day = grid.days.find((d) => d.date === date);
    if (!day) problems.push({ path: "date", message: `must be within the horizon ${input.horizon.start}…${input.horizon.end}`, value: date });
  }
  const template = input.shiftTemplates.find((t) => t.id === shift);
  if (shift !== undefined && !template) problems.push({ path: "shift", message: `unknown shift template id (known: ${input.shiftTemplates.map((t) => t.id).join(", ")})`, value: shift });
  else if (template && day) {
    const notRunning = whyNotRunning(template, day.date, input.site.timeZone);
    if (notRunning) problems.push({ path: "date", message: notRunning, value: date });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { date: date!, template: shift! } };
}

/** Rank every staff member for one open shift (see the file header). `open` must come from `parseOpenShift`. */
export function rankCandidates(prepared: Prepared, schedule: Schedule, open: OpenShift): CandidateRanking {
  const { input, grid } = prepared;
  const instance = grid.shifts.find((s) => s.template === open.template && s.date === open.date);
  const template = input.shiftTemplates.find((t) => t.id === open.template);
  if (!instance || !template) throw new Error(`open shift ${open.template}@${open.date} not validated against the input`);
  const onShift = (a: Assignment): boolean => a.date === open.date && a.template === open.template;
  // The call-out: on the shift in the schedule, on approved leave in the input. Counted on duty, they
  // would make every candidate a second person on the shift (covering nothing) rather than their cover.
  const found = hardFindings(prepared, schedule);
  const calledOut = new Set(found.filter((f) => f.rule === "leave.approved" && f.subjects.date === open.date && f.subjects.template === open.template).map((f) => f.subjects.staff!));
  const base: Schedule = calledOut.size === 0 ? schedule : { ...schedule, assignments: schedule.assignments.filter((a) => !(onShift(a) && calledOut.has(a.staff))) };
  const alreadyOn = new Set(base.assignments.filter(onShift).map((a) => a.staff));
  const hardBefore = base === schedule ? found : hardFindings(prepared, base);
  let before: Explanation | undefined;
  const candidates: Candidate[] = [];
  const excluded: (Excluded & { index: number })[] = [];
  input.staff.forEach((member, index) => {
    if (alreadyOn.has(member.id) || calledOut.has(member.id)) return;
    const withShift = { assignments: [...base.assignments, { staff: member.id, date: open.date, template: open.template, locked: false }] };
    const who = { staff: member.id, name: member.name, level: member.level };
    const [broken, ...more] = hardWorsened(hardBefore, hardFindings(prepared, withShift));
    if (broken) excluded.push({ ...who, rule: broken.rule, message: broken.message, alsoBreaks: [...new Set(more.map((v) => v.rule))].filter((r) => r !== broken.rule), index });
    else candidates.push({ ...who, ...changes((before ??= explain(prepared, base)), explain(prepared, withShift)) });
  });
  const rank = (id: RuleId): number => RULES.findIndex((r) => r.id === id);
  return {
    shift: { ...open, name: template.name, area: template.area, paidHours: instance.paidMinutes / 60 },
    calledOut: [...calledOut],
    alreadyOn: [...alreadyOn],
    candidates: candidates.sort((x, y) => order(x.totalChange, y.totalChange) || order(x.laborDollarsChange, y.laborDollarsChange) || x.name.localeCompare(y.name)),
    excluded: excluded.sort((x, y) => rank(x.rule) - rank(y.rule) || x.index - y.index).map(({ index: _i, ...e }) => e),
  };
}

/** Totals are sums of floats: differences within a millionth are ties, not an order. */
const EPSILON = 1e-6;
const order = (x: number, y: number): number => (Math.abs(x - y) <= EPSILON ? 0 : x - y);
const clean = (x: number): number => (Math.abs(x) <= EPSILON ? 0 : Math.round(x * 1e6) / 1e6);

/** A hard rule's finding, as the checker's explanation lists it among its violations. */
interface HardFinding {
  rule: RuleId;
  subjects: Subjects;
  amount: number;
  message: string;
}

/** What `explain` reports of the hard rules, in registry order, without the rest of its work. */
function hardFindings(prepared: Prepared, schedule: Schedule): HardFinding[] {
  const ctx = buildCheckContext(prepared.input, prepared.grid, prepared.demand, schedule);
  return RULES.flatMap((definition) => {
    const rule = resolveRule(definition, prepared.input);
    return rule.enabled && rule.hard ? definition.check(ctx, rule).map((f) => ({ rule: rule.id, subjects: f.subjects, amount: f.amount, message: f.message })) : [];
  });
}

/**
 * The hard findings (registry order) that the added shift makes new or larger. Adding a shift may mend a
 * hard minimum (contract hours, a run of days too short) or lengthen a run that was already too long, and
 * only the second is a reason to exclude. A rule's findings are summed per person first: a short run the
 * shift lengthens from its start is found under its new first date, a new finding, yet less short than
 * before. Findings of no person (a budget) are matched by their subjects.
 */
function hardWorsened(before: readonly HardFinding[], after: readonly HardFinding[]): HardFinding[] {
  const key = (f: HardFinding): string => `${f.rule}|${JSON.stringify(Object.entries(f.subjects).sort(([a], [b]) => a.localeCompare(b)))}`;
  const whose = (f: HardFinding): string => (f.subjects.staff === undefined ? key(f) : `${f.rule}|${f.subjects.staff}`);
  const sums = (findings: readonly HardFinding[], by: (f: HardFinding) => string): Map<string, number> => {
    const totals = new Map<string, number>();
    for (const f of findings) totals.set(by(f), (totals.get(by(f)) ?? 0) + f.amount);
    return totals;
  };
  const grew = (by: (f: HardFinding) => string): ((f: HardFinding) => boolean) => {
    const was = sums(before, by);
    const now = sums(after, by);
    return (f) => now.get(by(f))! > (was.get(by(f)) ?? 0) + EPSILON;
  };
  const [personGrew, findingGrew] = [grew(whose), grew(key)];
  return after.filter((f) => personGrew(f) && findingGrew(f));
}

function changes(before: Explanation, after: Explanation): Omit<Candidate, "staff" | "name" | "level"> {
  const uncovered = (e: Explanation): number => e.coverage.reduce((sum, line) => sum + line.uncoveredStaffHours, 0);
  const summaries = new Map(before.rules.map((r) => [r.rule, r]));
  const rules: RuleChange[] = after.rules.flatMap((r) => {
    const was = summaries.get(r.rule);
    const penaltyChange = clean(r.penalty - (was?.penalty ?? 0));
    return r.hard || penaltyChange === 0 ? [] : [{ rule: r.rule, penaltyChange, violationsChange: r.count - (was?.count ?? 0) }];
  });
  return {
    totalChange: clean(after.total - before.total),
    laborDollarsChange: clean(after.cost.totalDollars - before.cost.totalDollars),
    overtimeHoursAdded: clean(after.cost.overtimeHours - before.cost.overtimeHours),
    coverageGainedStaffHours: clean(uncovered(before) - uncovered(after)),
    rules,
  };
}
