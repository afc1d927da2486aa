/**
 * Shared Curtois–Qu test data: a tiny hand-written instance (LF, line numbers stable for parser tests),
 * the published rosters, and one roster mutation per hard rule, each breaking that rule alone.
 */
import { assertInstance, assertRoster } from "../../../bench/curtois/load.js";
import { publishedRosters } from "../../../bench/curtois/paths.js";
import type { CurtoisInstance } from "../../../bench/curtois/instance.js";
import type { CurtoisRoster, RosterAssignment } from "../../../bench/curtois/parse-roster.js";
import type { CurtoisRule } from "../../../bench/curtois/evaluate.js";

/** Line i + 1 of the text is TINY_LINES[i]. Shift d may not be followed by D; B may never work d. */
export const TINY_LINES = [
  "# A tiny instance: one week, two shifts, two employees",
  "SECTION_HORIZON",
  "7",
  "",
  "SECTION_SHIFTS",
  "# ShiftID, Length in mins, Shifts which cannot follow this shift | separated",
  "D,480,",
  "d,600,D",
  "",
  "SECTION_STAFF",
  "A,D=7|d=2,2400,960,5,2,2,1",
  "B,D=7|d=0,2400,0,3,1,1,1",
  "",
  "SECTION_DAYS_OFF",
  "A,6",
  "B,0,1",
  "",
  "SECTION_SHIFT_ON_REQUESTS",
  "A,0,d,3",
  "",
  "SECTION_SHIFT_OFF_REQUESTS",
  "B,4,D,2",
  "",
  "SECTION_COVER",
  "# Day, ShiftID, Requirement, Weight for under, Weight for over",
  "0,D,1,100,1",
  "0,d,1,100,1",
  "4,D,1,100,1",
];

/** The tiny instance's text with some lines replaced (1-based line number → new text), LF endings. */
export function tinyText(replace: Record<number, string> = {}): string {
  return TINY_LINES.map((line, i) => replace[i + 1] ?? line).join("\n") + "\n";
}

export interface PublishedCase {
  instance: number;
  penalty: number;
  data: CurtoisInstance;
  roster: CurtoisRoster;
}

/** Every published roster with its instance, parsed once. */
export const PUBLISHED: PublishedCase[] = publishedRosters().map((p) => ({
  instance: p.instance,
  penalty: p.penalty,
  data: assertInstance(p.instance),
  roster: assertRoster(p.path),
}));

export function published(instance: number): PublishedCase {
  const found = PUBLISHED.find((c) => c.instance === instance);
  if (!found) throw new Error(`no published roster for instance ${instance}`);
  return found;
}

export interface Mutation {
  rule: Exclude<CurtoisRule, "unknown-reference">;
  instance: number;
  employee: string;
  /** What the change does to the published roster, and why it breaks the rule. */
  story: string;
  /** Days of `employee` emptied, then assignments added. */
  clear?: number[];
  add?: { day: number; shift: string }[];
  /** The evaluator's detail for the one violation it must report. */
  detail: string;
}

/** One mutation per README rule, each found to break that rule and no other. */
export const MUTATIONS: Mutation[] = [
  {
    rule: "one-shift-per-day",
    instance: 1,
    employee: "C",
    story: "C works D on day 0; a second D that day",
    add: [{ day: 0, shift: "D" }],
    detail: "2 shifts on day 0 (D, D)",
  },
  {
    rule: "forbidden-succession",
    instance: 2,
    employee: "A",
    story: "A works L on days 0 and 1; day 1 becomes E, which may not follow L",
    clear: [1],
    add: [{ day: 1, shift: "E" }],
    detail: "L on day 0 then E on day 1",
  },
  {
    rule: "max-shifts",
    instance: 2,
    employee: "D",
    story: "D may not work L (L=0); day 4 becomes L",
    clear: [4],
    add: [{ day: 4, shift: "L" }],
    detail: "1 × L, at most 0",
  },
  {
    rule: "total-minutes",
    instance: 1,
    employee: "D",
    story: "D works exactly the minimum 3360 minutes; day 1 is taken away",
    clear: [1],
    detail: "2880 minutes, allowed 3360–4320",
  },
  {
    rule: "max-consecutive-shifts",
    instance: 1,
    employee: "D",
    story: "D works days 5–9; day 4 is added, making six in a row",
    add: [{ day: 4, shift: "D" }],
    detail: "works 6 days in a row (days 4–9), at most 5",
  },
  {
    rule: "min-consecutive-shifts",
    instance: 1,
    employee: "A",
    story: "A works days 7–8 between days off; day 7 is taken away, leaving day 8 alone",
    clear: [7],
    detail: "works 1 day in a row (day 8), at least 2",
  },
  {
    rule: "min-consecutive-days-off",
    instance: 1,
    employee: "C",
    story: "C is off days 3–4 between working days; day 3 is added, leaving one day off",
    add: [{ day: 3, shift: "D" }],
    detail: "1 day off (day 4), at least 2",
  },
  {
    rule: "max-weekends",
    instance: 1,
    employee: "C",
    story: "C works the first weekend and may work one; day 12 (a Saturday) is added",
    add: [{ day: 12, shift: "D" }],
    detail: "works 2 weekends (days 5–6, days 12–13), at most 1",
  },
  {
    rule: "day-off",
    instance: 1,
    employee: "D",
    story: "day 2 is a listed day off of D; D works it",
    add: [{ day: 2, shift: "D" }],
    detail: "works D on day 2, a day off",
  },
];

export function mutate(roster: CurtoisRoster, m: Mutation): RosterAssignment[] {
  const cleared = new Set(m.clear ?? []);
  return [
    ...roster.assignments.filter((a) => !(a.employee === m.employee && cleared.has(a.day))),
    ...(m.add ?? []).map((a) => ({ employee: m.employee, ...a })),
  ];
}
