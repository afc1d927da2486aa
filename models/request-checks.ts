/**
 * A person's requests as a schema alone cannot judge them: each asked once, a shift-off not under a day
 * off asked for the same date, and a shift request that no schedule could grant (shift-on) or that every
 * schedule grants (shift-off) refused when it is made. Called per person by `checkReferences`.
 */
import type { Level, PlanningInput, ShiftTemplate } from "./input.js";
import type { Problem } from "./problems.js";
import { employedOn, employmentWords, leaveOn, type Request, type StaffMember } from "./staff.js";
import { whyNotRunning } from "./shift-span.js";
import { qualifiedFor, skillsOf, unqualifiedReasons } from "./eligibility.js";

/** The key a shift request stands by across writes: its person, kind, template and date (not its weight). */
const shiftRequestKey = (staffId: string, r: { kind: string; template: string; date: string }): string => `${staffId}\u0000${r.kind}\u0000${r.template}\u0000${r.date}`;

/** The shift requests of the stored input a write replaces, which are not judged again (`ReferenceOptions.standing`). */
export function standingRequests(standing: PlanningInput | undefined): ReadonlySet<string> {
  return new Set(standing?.staff.flatMap((m) => m.requests.flatMap((r) => (r.kind === "day-off" ? [] : [shiftRequestKey(m.id, r)]))));
}

/** What judging a shift request reads of the input besides the person. */
interface GrantContext {
  templates: ReadonlyMap<string, ShiftTemplate>;
  skillNames: ReadonlyMap<string, string>;
  zone: string;
}

/** The problems of `member`'s requests, at `at` (`staff[i]`); an unknown template is named by its own problem. */
export function checkRequests(member: StaffMember, at: string, context: GrantContext & { levels: ReadonlyMap<string, Level>; stood: ReadonlySet<string> }): Problem[] {
  const problems: Problem[] = [];
  // Each wish once: every copy is priced, so a request repeated (or a shift-off under a day off asked for
  // the same date) would weigh as many times its capped weight, past what any single request may.
  const asked = new Map<string, number>();
  member.requests.forEach((r, j) => {
    if (r.kind !== "day-off" && !context.templates.has(r.template)) problems.push({ path: `${at}.requests[${j}].template`, message: "unknown shift template id", value: r.template });
    if (r.kind !== "day-off" && !context.stood.has(shiftRequestKey(member.id, r))) {
      problems.push(...(r.kind === "shift-on" ? ungrantable(member, context.levels.get(member.level), r, `${at}.requests[${j}]`, context) : emptyShiftOff(r, `${at}.requests[${j}]`, context)));
    }
    const key = r.kind === "day-off" ? `day-off@${r.date}` : `${r.kind}:${r.template}@${r.date}`;
    const first = asked.get(key);
    if (first !== undefined) problems.push({ path: `${at}.requests[${j}]`, message: `the same request as requests[${first}] (${requestWords(r)}): each is asked once, with the weight it matters by` });
    else asked.set(key, j);
  });
  member.requests.forEach((r, j) => {
    const dayOff = r.kind === "shift-off" ? asked.get(`day-off@${r.date}`) : undefined;
    if (dayOff !== undefined) problems.push({ path: `${at}.requests[${j}]`, message: `requests[${dayOff}] asks the whole of ${r.date} off already, this shift included` });
  });
  return problems;
}

/**
 * A shift-on request that no schedule grants, as the model's hard rules decide with their defaults: for
 * work the person may not do (a role family or skill the model's columns are made by: eligibility), for a
 * template their contract forbids (`maxShiftsPerTemplate` 0: shifts.max-per-template), on a weekday the
 * template does not run or a date the spring-forward gap leaves it no time (`whyNotRunning`), or on a
 * date of their approved leave or outside their employment, when no shift of theirs may start
 * (leave.approved, employment.dates; leave is whole days and always approved). It only costs its weight in every schedule.
 * Judged whatever the rules' settings (whether the input is valid does not hang on a rule made soft or
 * disabled) and whatever its date, as an unknown template is (a request outside the horizon is otherwise
 * ignored), when it is made: one that stood in the stored input before a write is not judged again
 * (`ReferenceOptions.standing`). An unknown level or template is named by its own problem.
 */
function ungrantable(member: StaffMember, level: Level | undefined, r: Extract<Request, { kind: "shift-on" }>, at: string, { templates, skillNames, zone }: GrantContext): Problem[] {
  const template = templates.get(r.template);
  if (!template) return [];
  const problems: Problem[] = [];
  const person = level && { level, skills: skillsOf(level, member) };
  const reasons = person && !qualifiedFor({ templates }, person, template.id) ? unqualifiedReasons(template, member.name, person, skillNames) : [];
  if (member.contract.maxShiftsPerTemplate[template.id] === 0) reasons.push(`${member.name}'s contract forbids it (contract.maxShiftsPerTemplate.${template.id} is 0)`);
  if (reasons.length > 0) problems.push({ path: `${at}.template`, message: `${member.name} may not work ${template.name} (${template.id}): ${reasons.join("; ")}; ask for a shift ${member.name} may work` });
  const notRunning = whyNotRunning(template, r.date, zone);
  if (notRunning) problems.push({ path: `${at}.date`, message: `${notRunning}: the request could never be granted`, value: r.date });
  const leave = leaveOn(member, r.date);
  if (leave) problems.push({ path: `${at}.date`, message: `${member.name} is on approved leave that day (${leave.reason}, ${leave.start} to ${leave.end}), and no shift may start on a day of leave: the request could never be granted`, value: r.date });
  if (!employedOn(member, r.date)) problems.push({ path: `${at}.date`, message: `${member.name} is not employed that day (${employmentWords(member)}), and no shift may start outside the employment: the request could never be granted`, value: r.date });
  return problems;
}

/**
 * A shift-off request for a date its template does not run (a weekday it has not, a spring-forward gap):
 * every schedule grants it, so it asks for nothing, and the person most likely meant another shift or date.
 * Judged as a shift-on request is: when it is made, whatever its date.
 */
function emptyShiftOff(r: Extract<Request, { kind: "shift-off" }>, at: string, { templates, zone }: GrantContext): Problem[] {
  const template = templates.get(r.template);
  const notRunning = template && whyNotRunning(template, r.date, zone);
  return notRunning ? [{ path: `${at}.date`, message: `${notRunning}: nobody could work it, so the request asks for nothing; ask for the shift or date you mean`, value: r.date }] : [];
}

/** A request in a problem's words: "a day off on 2026-11-04", "shift-on D8 on 2026-11-04". */
function requestWords(r: Request): string {
  return r.kind === "day-off" ? `a day off on ${r.date}` : `${r.kind} ${r.template} on ${r.date}`;
}
