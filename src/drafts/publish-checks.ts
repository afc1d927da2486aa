/**
 * Whether a draft may be published on its site as it stands, and what the publish then records: the rules
 * of publishing, not of HTTP. Input: the site, the draft, the checker's explanation of it against the
 * site's input, and the manager's choices (accept hard violations, accept what it breaks in later versions,
 * withdraw or keep dates a shortened horizon cut off). Output: a refusal naming each problem (a 409 the
 * route answers as problem+json), or the audit action and the dates the version covers. The store's own
 * refusals (a stale revision, a version published since, nothing new) are its `publish`'s.
 */
import type { Assignment, Explanation, Parsed, PlanningInput, Problem } from "../../models/index.js";
import { datesLeftBehind, type DateRange } from "../calendar/coverage.js";
import type { PublishedVersion } from "../calendar/events.js";
import { laterBreaksRefusal, laterVersionsOf, type LaterBreak, type LaterVersion } from "../calendar/later-versions.js";
import type { ScheduleRecord } from "../store/schedule-records.js";
import type { SiteRecord, WriteRefusal } from "../store/sites.js";
import type { Store } from "../store/store.js";

/** What becomes of published shifts on dates a shortened horizon cut off: withdrawn from calendars, or kept. */
export type DroppedDates = "withdraw" | "keep";

/** The manager's choices for a publish. */
export interface PublishChoices {
  /** Publish a draft that breaks hard rules (audited as such). */
  acceptHardViolations: boolean;
  /** Publish a draft that makes later published versions break hard rules they do not break now. */
  acceptLaterViolations: boolean;
  /** Dates a shortened horizon cut off; without it, a publish leaving shifts there is refused. */
  droppedDates: DroppedDates | undefined;
}

/** A publish allowed: its audit action, the dates it covers beyond its horizon, and what was judged. */
export interface PublishVerdict {
  ok: true;
  action: string;
  covers?: DateRange;
  explanation: Explanation;
  laterVersions: LaterBreak[];
}

/**
 * What to do with a draft that no longer fits the site, by how many of its shifts a moved horizon left out:
 * none of them in it, only moving the horizon back or solving again helps (edits would remove the whole
 * draft); some, take them out or do either; none, edit what else no longer fits.
 */
export function staleDraftAdvice(site: SiteRecord, draft: ScheduleRecord, draftedAgainst: PlanningInput | undefined): string {
  const { start, end } = site.input.horizon;
  const outside = draft.assignments.filter((a) => a.date < start || a.date > end).length;
  const total = draft.assignments.length;
  if (outside === 0) return "edit it first (move or remove what no longer fits, one edit at a time if need be)";
  const then = draftedAgainst?.horizon;
  const back = then && (then.start !== start || then.end !== end) ? `move the horizon back to ${then.start}..${then.end}` : "move the horizon back";
  if (outside === total) return `none of its ${total} shift(s) lies in the horizon ${start}..${end} any more: ${back} to publish it, or solve again for the new horizon`;
  return `${outside} of its ${total} shift(s) lie outside the horizon ${start}..${end}: take them out (remove edits, up to 500 in one request), ${back}, or solve again for the new horizon`;
}

/**
 * The draft's shifts whose times are not what they were when it was drafted: its templates' start or
 * length, or the site's time zone. Its reviewers saw those times; the published version would show others.
 */
function changedShiftTimes(then: PlanningInput, now: PlanningInput, assignments: readonly Assignment[]): Problem[] {
  const problems: Problem[] = [];
  if (then.site.timeZone !== now.site.timeZone) {
    problems.push({ path: "site.timeZone", message: `is ${now.site.timeZone}; the draft was made in ${then.site.timeZone}`, value: now.site.timeZone });
  }
  const used = new Set(assignments.map((a) => a.template));
  now.shiftTemplates.forEach((template, i) => {
    const old = then.shiftTemplates.find((t) => t.id === template.id);
    if (!old || !used.has(template.id)) return;
    if (old.start !== template.start) problems.push({ path: `shiftTemplates[${i}].start`, message: `${template.name} (${template.id}) now starts at ${template.start}; the draft was made when it started at ${old.start}`, value: template.start });
    if (old.lengthMinutes !== template.lengthMinutes) problems.push({ path: `shiftTemplates[${i}].lengthMinutes`, message: `${template.name} (${template.id}) now lasts ${template.lengthMinutes} min; the draft was made when it lasted ${old.lengthMinutes} min`, value: template.lengthMinutes });
  });
  return problems;
}

/**
 * Whether a draft may be published on the site as it stands: it must still fit the site's input (and, when
 * that changed since it was drafted, its shifts keep their times), and break no hard rule unless
 * `acceptHardViolations`. `checked`: the draft checked against the site's input and explained. The
 * checker's explanation when it may, else the 409 refusal naming each problem.
 */
function publishable(site: SiteRecord, draft: ScheduleRecord, draftedAgainst: PlanningInput | undefined, checked: Parsed<Explanation>, acceptHardViolations: boolean): { ok: true; explanation: Explanation } | WriteRefusal {
  const since = draft.siteRevision === undefined ? "" : ` (it was drafted at site revision ${draft.siteRevision}, the site is at ${site.revision})`;
  if (!checked.ok) return { ok: false, status: 409, code: "draft-stale", detail: `the draft no longer fits the site's planning data${since}; ${staleDraftAdvice(site, draft, draftedAgainst)}`, problems: checked.problems };
  const changed = draft.siteRevision !== site.revision && draftedAgainst ? changedShiftTimes(draftedAgainst, site.input, draft.assignments) : [];
  if (changed.length > 0) return { ok: false, status: 409, code: "shift-times-changed", detail: `shift times changed since the draft was made${since}: review it with today's times and post it again as a new draft`, problems: changed };
  const hard = checked.value.violations.flatMap((v, i) => (v.hard ? [{ path: `explanation.violations[${i}]`, message: `${v.rule}: ${v.message}` }] : []));
  if (hard.length > 0 && !acceptHardViolations) {
    return { ok: false, status: 409, code: "hard-violations", detail: `the draft breaks ${hard.length} hard rule(s); fix it, or publish it anyway with ?acceptHardViolations=true`, problems: hard };
  }
  return { ok: true, explanation: checked.value };
}

/**
 * The dates the publish must cover besides the horizon, or the 409 asking about them: the shortened
 * version's shifts on dates its horizon cuts off (coverage.ts) stay published unless withdrawn, and the
 * draft cannot name them any more, so nobody leaves them behind without saying so.
 */
function coverageFor(site: SiteRecord, versions: readonly PublishedVersion[], choice: DroppedDates | undefined): { ok: true; covers?: DateRange } | WriteRefusal {
  const { horizon } = site.input;
  const behind = datesLeftBehind(versions, horizon);
  if (!behind || choice === "keep") return { ok: true };
  if (choice === "withdraw" && behind.withdraw) return { ok: true, covers: behind.withdraw };
  if (choice === "withdraw") {
    const { version, date } = behind.between!;
    return {
      ok: false, status: 409, code: "dropped-dates-split",
      detail: `the dates version ${behind.version} published outside the horizon ${horizon.start}..${horizon.end} lie on both sides of ${date}, which version ${version} published later: ` +
        "one publish cannot take them out without taking that version's shifts out too. Publish with ?droppedDates=keep; the dates on either side can then each be emptied by a publish whose horizon is just those dates",
      problems: [{ path: "droppedDates", message: `${date} is version ${version}'s, between the dates to withdraw`, value: "withdraw" }],
    };
  }
  const shifts = behind.dates.reduce((sum, d) => sum + d.shifts, 0);
  return {
    ok: false, status: 409, code: "dropped-dates",
    detail: `version ${behind.version} covered ${behind.covered.start}..${behind.covered.end} and the horizon is now ${horizon.start}..${horizon.end}: ` +
      `${shifts} published shift(s) on ${behind.dates.length} date(s) outside it would stay in everyone's calendar. ` +
      "Publish with ?droppedDates=withdraw to take them out, or ?droppedDates=keep to leave them published",
    problems: behind.dates.map(({ date, shifts: n }) => ({ path: "droppedDates", message: `${date}: ${n} shift(s) published by version ${behind.version}, outside the horizon ${horizon.start}..${horizon.end}`, value: date })),
  };
}

/**
 * The later published versions a publish of `assignments` on `site` would give another history
 * (later-versions.ts): the dates it speaks for are its horizon, or more when it withdraws dates cut off.
 */
export function laterVersionsFor(store: Store, site: SiteRecord, assignments: readonly Assignment[], droppedDates: DroppedDates | undefined): LaterVersion[] {
  const coverage = coverageFor(site, store.schedules.publishedVersions(site.id), droppedDates);
  return laterVersionsOf(store, site.id, { assignments, covers: (coverage.ok && coverage.covers) || site.input.horizon });
}

/**
 * The last word on publishing `draft` on `site` as they stand (the store asks it inside its publish
 * transaction): refused when the draft is stale or breaks a hard rule unaccepted, when it leaves shifts
 * published on dates a shortened horizon cut off unasked, or when it makes later versions break hard rules
 * unaccepted; else the audit action naming what was accepted, and the dates it covers. `checked`: the draft
 * explained against the site's input; `laterBreaks`: what it would break in later versions, asked only
 * once the rest has passed.
 */
export function publishVerdict(store: Store, site: SiteRecord, draft: ScheduleRecord, checked: Parsed<Explanation>, laterBreaks: () => LaterBreak[], choices: PublishChoices): PublishVerdict | WriteRefusal {
  const verdict = publishable(site, draft, store.schedules.draftInput(site.id, draft.id), checked, choices.acceptHardViolations);
  if (!verdict.ok) return verdict;
  const coverage = coverageFor(site, store.schedules.publishedVersions(site.id), choices.droppedDates);
  if (!coverage.ok) return coverage;
  const laterVersions = laterBreaks();
  if (laterVersions.length > 0 && !choices.acceptLaterViolations) return laterBreaksRefusal(laterVersions);
  const accepted = [...(verdict.explanation.feasible ? [] : ["accept-hard-violations"]), ...(laterVersions.length > 0 ? ["accept-later-violations"] : [])];
  return {
    ok: true, action: accepted.length > 0 ? `schedule.publish.${accepted.join(",")}` : "schedule.publish",
    ...(coverage.covers ? { covers: coverage.covers } : {}),
    explanation: verdict.explanation, laterVersions,
  };
}
