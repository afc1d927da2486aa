/**
 * Calendar events of a feed. Input: a site's PlanningInput, its published schedule versions in any order
 * and a scope (one person, the department, one area). Output: the events in that scope, each date's from
 * the latest version covering it (its horizon, or the `covers` it was published with), each event with
 * its UID, SEQUENCE and last-change stamp (identity.ts), exact instants and wall-clock times from the
 * input its version was published with.
 * Drafts never come here: callers pass published versions only.
 *
 * Removed shifts are dropped, not sent as STATUS:CANCELLED: a subscribed feed replaces the whole calendar
 * on every poll, so an event missing from it disappears in every client, whereas "cancelled once" would
 * need to know which versions each client has already seen.
 */
import type { Area, Assignment, Level, PlanningInput, Problem, Schedule, ShiftInstance, ShiftTemplate, StaffMember, TimeGrid } from "../../models/index.js";
import { buildTimeGrid } from "../time/grid.js";
import { compare, layerByHorizon, spanOf } from "./layers.js";
import { minuteToInstant, minuteToLocalClock } from "../time/local.js";
import { assignmentUid, identityKey, reviseAcrossVersions, type AssignmentIdentity, type FeedScope, type VersionFingerprints } from "./identity.js";

/** A published, immutable schedule version. */
export interface PublishedVersion {
  version: number;
  /** ISO instant of publication, e.g. 2026-02-20T14:00:00Z. */
  publishedAt: string;
  schedule: Schedule;
  /**
   * The planning input it was published with: its shifts' times, names and horizon come from it, so a
   * later edit of the site's input (a template moved, the next month's horizon) does not change what was
   * published. Absent (versions published before it was kept, the CLI's one schedule): the current input.
   */
  input?: PlanningInput;
  /** That input's time grid, when the caller already has it (default: built from it). */
  grid?: TimeGrid;
  /**
   * The dates it speaks for when more than its input's horizon: a publish that withdrew the dates a
   * shortened horizon cut off covers them too, so their earlier shifts leave every calendar. Default: the
   * input's horizon (coverage.ts).
   */
  covers?: { start: string; end: string };
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** ISO instant (UTC) of the version where this assignment last changed: the event's DTSTAMP. */
  stamp: string;
  /** Exact start and end instants. */
  start: Date;
  end: Date;
  /** Site wall-clock times, HH:mm. */
  localStart: string;
  localEnd: string;
  /** Local date the shift starts on. */
  date: string;
  /** Real minutes from start to end (one hour less or more than nominal across a DST change). */
  durationMinutes: number;
  nominalMinutes: number;
  unpaidBreakMinutes: number;
  /** The site's name as the shift's version was published with it (LOCATION). */
  siteName: string;
  staff: { id: string; name: string; level: string; roleFamily: string };
  template: { id: string; name: string };
  area: { id: string; name: string; location?: string };
  holiday?: string;
}

export interface CalendarEvents {
  site: { id: string; name: string; timeZone: string };
  scope: FeedScope;
  /** Human name of the scope: the person's name, the area's name or "all shifts". */
  scopeName: string;
  /** Latest version number, or null when nothing is published yet. */
  latestVersion: number | null;
  /** Ordered by start, then staff name. */
  events: CalendarEvent[];
}

export interface EventOptions {
  /** Secret per site mixed into every UID so it cannot be traced back to a staff id (default ""). */
  uidSalt?: string;
  /** The input's time grid, when the caller already has it (default: built from the input). */
  grid?: TimeGrid;
}

interface Resolved {
  identity: AssignmentIdentity;
  key: string;
  assignment: Assignment;
  shift: ShiftInstance;
  /** The input and grid the shift was placed with (its version's). */
  input: PlanningInput;
  grid: TimeGrid;
  /**
   * Everything of the shift a subscriber sees (its exact instants, the zone its wall-clock times are
   * shown in, and every name, location, length, break and holiday its text is made of): equal strings,
   * equal event text, so a renamed area or template or a new holiday note raises SEQUENCE too.
   */
  fingerprint: string;
}


const shiftIndexes = new WeakMap<TimeGrid, Map<string, ShiftInstance>>();

function shiftIndex(grid: TimeGrid): Map<string, ShiftInstance> {
  let index = shiftIndexes.get(grid);
  if (!index) shiftIndexes.set(grid, (index = new Map(grid.shifts.map((s) => [s.key, s]))));
  return index;
}

/** A version's assignments with their identity keys; those its input cannot place become problems. */
function resolveVersion(input: PlanningInput, grid: TimeGrid, v: PublishedVersion, at: string, scope: FeedScope, problems: Problem[]): Resolved[] {
  const index = shiftIndex(grid);
  const staffIds = new Set(input.staff.map((s) => s.id));
  const placed: { assignment: Assignment; shift: ShiftInstance }[] = [];
  v.schedule.assignments.forEach((assignment, j) => {
    // Ordinals count one person's shifts, so a personal feed need not look at anyone else's.
    if (scope.kind === "staff" && assignment.staff !== scope.staffId) return;
    const shift = index.get(`${assignment.template}@${assignment.date}`);
    if (!staffIds.has(assignment.staff)) problems.push({ path: `${at}.assignments[${j}].staff`, message: "unknown staff id", value: assignment.staff });
    else if (!shift) problems.push({ path: `${at}.assignments[${j}]`, message: `template ${assignment.template} does not run on ${assignment.date} in this input` });
    else placed.push({ assignment, shift });
  });
  placed.sort((a, b) => a.shift.startMinute - b.shift.startMinute || compare(a.shift.template, b.shift.template));
  const ordinals = new Map<string, number>();
  return placed.map(({ assignment, shift }) => {
    const day = `${assignment.staff}\u0000${assignment.date}`;
    const ordinal = ordinals.get(day) ?? 0;
    ordinals.set(day, ordinal + 1);
    const identity = { siteId: input.site.id, staffId: assignment.staff, date: assignment.date, ordinal };
    return { identity, key: identityKey(identity), assignment, shift, input, grid, fingerprint: fingerprintOf(input, grid, assignment, shift) };
  });
}

/**
 * See Resolved.fingerprint: what buildCalendarEvents puts in the event, with the zone standing in for its
 * wall-clock times (cheaper than formatting them for every version's every shift).
 */
function fingerprintOf(input: PlanningInput, grid: TimeGrid, assignment: Assignment, shift: ShiftInstance): string {
  const names = lookups(input);
  const member = names.staff.get(assignment.staff)!;
  const level = names.levels.get(member.level);
  const area = names.areas.get(shift.area);
  const template = names.templates.get(shift.template);
  return JSON.stringify([
    shift.template, minuteToInstant(grid, shift.startMinute).toISOString(), minuteToInstant(grid, shift.endMinute).toISOString(), grid.zone,
    input.site.name, shift.area, area?.name, area?.location, template?.name, template?.lengthMinutes, template?.unpaidBreakMinutes,
    member.name, level?.name, level?.roleFamily, holidayOn(input, shift.date),
  ]);
}

const holidayOn = (input: PlanningInput, date: string): string | undefined => input.site.holidays.find((h) => h.date === date)?.name;

const lookupsOf = new WeakMap<PlanningInput, { staff: Map<string, StaffMember>; levels: Map<string, Level>; areas: Map<string, Area>; templates: Map<string, ShiftTemplate> }>();

/** An input's staff, levels, areas and templates by id, made once per input. */
function lookups(input: PlanningInput) {
  let found = lookupsOf.get(input);
  if (!found) {
    found = {
      staff: new Map(input.staff.map((s) => [s.id, s])),
      levels: new Map(input.levels.map((l) => [l.id, l])),
      areas: new Map(input.areas.map((a) => [a.id, a])),
      templates: new Map(input.shiftTemplates.map((t) => [t.id, t])),
    };
    lookupsOf.set(input, found);
  }
  return found;
}

function scopeProblem(input: PlanningInput, scope: FeedScope): Problem | null {
  if (scope.kind === "staff" && !input.staff.some((s) => s.id === scope.staffId)) return { path: "scope.staffId", message: "unknown staff id", value: scope.staffId };
  if (scope.kind === "area" && !input.areas.some((a) => a.id === scope.areaId)) return { path: "scope.areaId", message: "unknown area id", value: scope.areaId };
  return null;
}

function scopeName(input: PlanningInput, scope: FeedScope): string {
  if (scope.kind === "staff") return input.staff.find((s) => s.id === scope.staffId)!.name;
  if (scope.kind === "area") return input.areas.find((a) => a.id === scope.areaId)!.name;
  return "all shifts";
}

export type EventsResult = { ok: true; value: CalendarEvents; skipped: Problem[] } | { ok: false; problems: Problem[] };

/**
 * The events of one scope: each date's shifts from the latest published version covering it
 * (`layerByHorizon` over each version's `covers`, else its horizon). The scope is judged against the
 * current input; each version's shifts against the input it was published with (the current one when it
 * has none). A bad scope (unknown staff or area id) fails;
 * a version's assignment its input cannot place (unknown staff, a template that does not run that date)
 * or a publishedAt that is not an instant is left out and listed in `skipped`, so one stale version cannot
 * take a feed down.
 */
export function buildCalendarEvents(
  input: PlanningInput,
  versions: readonly PublishedVersion[],
  scope: FeedScope,
  options: EventOptions = {},
): EventsResult {
  const bad = scopeProblem(input, scope);
  if (bad) return { ok: false, problems: [bad] };
  const grid = options.grid ?? buildTimeGrid(input);
  const problems: Problem[] = [];
  const ordered = versions.map((v, i) => ({ v, at: `versions[${i}]` })).sort((a, b) => a.v.version - b.v.version);
  const resolved = ordered.map(({ v, at }) => {
    const stamp = Date.parse(v.publishedAt);
    if (Number.isNaN(stamp)) problems.push({ path: `${at}.publishedAt`, message: "must be an ISO instant; the version is stamped 1970-01-01T00:00:00Z", value: v.publishedAt });
    const own = v.input ? { input: v.input, grid: v.grid ?? buildTimeGrid(v.input) } : { input, grid };
    return {
      publishedAt: Number.isNaN(stamp) ? new Date(0).toISOString() : new Date(stamp).toISOString(),
      ...spanOf(v),
      items: resolveVersion(own.input, own.grid, v, `${at}.schedule`, scope, problems),
    };
  });
  const states = layerByHorizon(resolved, (r) => r.assignment.date, (r) => r.key);
  const history: VersionFingerprints[] = resolved.map((r, i) => ({ publishedAt: r.publishedAt, entries: new Map([...states[i]!].map(([key, x]) => [key, x.fingerprint])) }));
  const revisions = reviseAcrossVersions(history);

  const inScope = (r: Resolved): boolean =>
    scope.kind === "department" || (scope.kind === "staff" ? r.assignment.staff === scope.staffId : r.shift.area === scope.areaId);

  const latest = [...(states[states.length - 1]?.values() ?? [])];
  const events = latest.filter(inScope).map(({ identity, key, assignment, shift, input: own, grid: ownGrid }): CalendarEvent => {
    // Names as the version was published with them.
    const names = lookups(own);
    const member = names.staff.get(assignment.staff)!;
    const level = names.levels.get(member.level)!;
    const area = names.areas.get(shift.area)!;
    const template = names.templates.get(shift.template)!;
    const revision = revisions.get(key)!;
    const holiday = holidayOn(own, shift.date);
    return {
      uid: assignmentUid(identity, scope, options.uidSalt),
      sequence: revision.sequence,
      stamp: revision.changedAt,
      start: minuteToInstant(ownGrid, shift.startMinute),
      end: minuteToInstant(ownGrid, shift.endMinute),
      localStart: minuteToLocalClock(ownGrid, shift.startMinute),
      localEnd: minuteToLocalClock(ownGrid, shift.endMinute),
      date: shift.date,
      durationMinutes: shift.endMinute - shift.startMinute,
      nominalMinutes: template.lengthMinutes,
      unpaidBreakMinutes: template.unpaidBreakMinutes,
      siteName: own.site.name,
      staff: { id: member.id, name: member.name, level: level.name, roleFamily: level.roleFamily },
      template: { id: template.id, name: template.name },
      area: { id: area.id, name: area.name, ...(area.location !== undefined ? { location: area.location } : {}) },
      ...(holiday !== undefined ? { holiday } : {}),
    };
  });
  events.sort((a, b) => a.start.getTime() - b.start.getTime() || compare(a.staff.name, b.staff.name) || compare(a.uid, b.uid));
  const last = ordered[ordered.length - 1];
  const site = { id: input.site.id, name: input.site.name, timeZone: input.site.timeZone };
  return { ok: true, value: { site, scope, scopeName: scopeName(input, scope), latestVersion: last ? last.v.version : null, events }, skipped: problems };
}
