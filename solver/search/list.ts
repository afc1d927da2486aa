/**
 * The neighbourhoods of fix-and-optimize (`neighbourhoods.ts`) and the order they are solved in. Input: which
 * day, person and shift template each assignment column of a built model is for; output: lists of
 * neighbourhoods, each saying which assignment columns it leaves free (windows of days, pairs of blocks of
 * days apart, staff groups, people drawn at random), and the pass a month's two streams share over them.
 */
import type { BuildContext } from "../model/build-context.js";

/** Assignment columns: the day, person and shift template each one is for. */
export interface AssignmentColumns {
  columns: Int32Array;
  day: Int32Array;
  person: Int32Array;
  /** The shift template's number (absent: everyone counts as able to work everyone's shifts). */
  template?: Int32Array;
  dayCount: number;
  personCount: number;
}

/** Which day, person and template each assignment column of a built model is for. */
export function assignmentColumnsOf(ctx: BuildContext): AssignmentColumns {
  const columns: number[] = [];
  const day: number[] = [];
  const person: number[] = [];
  const template: number[] = [];
  const templates = new Map<string, number>();
  ctx.staff.forEach((p, index) => {
    p.byDay.forEach((shifts, d) => {
      for (const { column, shift } of shifts) {
        columns.push(column);
        day.push(d);
        person.push(index);
        if (!templates.has(shift.template)) templates.set(shift.template, templates.size);
        template.push(templates.get(shift.template)!);
      }
    });
  });
  return {
    columns: Int32Array.from(columns),
    day: Int32Array.from(day),
    person: Int32Array.from(person),
    template: Int32Array.from(template),
    dayCount: ctx.dayCount,
    personCount: ctx.staff.length,
  };
}

/** For each person, everyone who shares a shift template with them (themselves included). */
function peopleAlike(a: AssignmentColumns): number[][] {
  const everyone = Array.from({ length: a.personCount }, (_, p) => p);
  if (!a.template) return everyone.map(() => everyone);
  const works = everyone.map(() => new Set<number>());
  a.template.forEach((t, i) => works[a.person[i]!]!.add(t));
  return works.map((mine) => everyone.filter((q) => [...works[q]!].some((t) => mine.has(t))));
}

export interface Neighbourhood {
  name: string;
  /** A window of days (everyone), or whole rosters (a staff group, people drawn); none for a settling step. */
  kind?: "days" | "staff";
  free: (index: number) => boolean;
}

/** People at most in a staff group or a draw: larger ones stop at their time limit without a better schedule (Curtois–Qu 11). */
const GROUP_PEOPLE = 5;

interface ListOptions {
  /** Which pass over the list (draws people anew). */
  round?: number;
  /** Staff groups before the windows. */
  groupsFirst?: boolean;
  /** Pairs of blocks of days apart from each other (`blocksApart`). */
  apart?: boolean;
  /** People at most in a staff group or a draw (draws take at least 2). */
  groupPeople?: number;
}

/**
 * Time windows sliding by half their width, with `apart` pairs of blocks of days apart from each other
 * (small models: Curtois–Qu 5–11 at 60 s, two runs with them 1237, 2446, 1192, 2555, 549–552, 5238–5345,
 * 4604 against 1240, 2437, 1316, 2670, 691, 5458, 4506 one run without), staff groups (every k-th
 * person), then a few people drawn at random. `groupsFirst`: the groups before the windows, for a search
 * from nobody working, where each group's whole rosters are built in turn (the demo at 60 s, two runs
 * each: 0.91M and 0.92M, against 0.94M and 0.95M with the windows first, and the first 1.9M schedule at
 * 19 s instead of 38 s).
 */
export function neighbourhoods(a: AssignmentColumns, windowDays: number, { round = 0, groupsFirst = false, apart = false, groupPeople = GROUP_PEOPLE }: ListOptions = {}): Neighbourhood[] {
  const windows: Neighbourhood[] = [];
  const step = Math.max(1, Math.floor(windowDays / 2));
  for (let first = 0; first < a.dayCount; first += step) {
    const last = Math.min(a.dayCount, first + windowDays);
    windows.push({ name: `days ${first}–${last - 1}`, kind: "days", free: (i) => a.day[i]! >= first && a.day[i]! < last });
    if (last === a.dayCount) break;
  }
  const count = Math.max(2, Math.round(a.dayCount / windowDays), Math.ceil(a.personCount / groupPeople));
  const groups = Array.from({ length: count }, (_, g): Neighbourhood => ({ name: `staff group ${g + 1}/${count}`, kind: "staff", free: (i) => a.person[i]! % count === g }));
  // A few people's whole rosters at once: swaps of shifts between people that windows of days cannot
  // make, so after the first, people who share a shift template with them (a pharmacist and a technician
  // have none to swap). They are drawn with a seed fixed by the window and the round: a search repeats.
  const draws: Neighbourhood[] = [];
  const random = seeded(windowDays * 7919 + a.personCount + round * 104729);
  const size = Math.max(2, Math.min(groupPeople, Math.ceil(a.personCount / 6)));
  const alike = peopleAlike(a);
  for (let r = 0; r < count * 2 && a.personCount > size; r++) {
    const first = Math.floor(random() * a.personCount);
    const pool = alike[first]!.length >= size ? alike[first]! : alike.map((_, p) => p);
    const people = new Set([first]);
    while (people.size < size) people.add(pool[Math.floor(random() * pool.length)]!);
    draws.push({ name: `people ${[...people].sort((x, y) => x - y).join(",")}`, kind: "staff", free: (i) => people.has(a.person[i]!) });
  }
  const pairs = apart ? blocksApart(a, windowDays, random) : [];
  return groupsFirst ? [...groups, ...windows, ...pairs, ...draws] : [...windows, ...pairs, ...groups, ...draws];
}

/**
 * Two blocks of days apart from each other, for everyone: the horizon cut into blocks of half a window,
 * every pair of blocks that do not touch, in an order drawn by `random`. A shift moved from one block to
 * the other keeps a person's hours and counts (a month's minutes, a horizon's weekends) where a single
 * window cannot: one more slot covered on a day where a person has no hours left needs a shift given up
 * on another day, out of any window that holds the first.
 */
function blocksApart(a: AssignmentColumns, windowDays: number, random: () => number): Neighbourhood[] {
  const width = Math.max(1, Math.ceil(windowDays / 2));
  const blocks = Math.ceil(a.dayCount / width);
  const inBlock = (day: number, b: number): boolean => day >= b * width && day < (b + 1) * width;
  const last = (b: number): number => Math.min(a.dayCount, (b + 1) * width) - 1;
  const pairs: Neighbourhood[] = [];
  for (let i = 0; i < blocks; i++) {
    for (let j = i + 2; j < blocks; j++) {
      pairs.push({ name: `days ${i * width}–${last(i)} and ${j * width}–${last(j)}`, kind: "days", free: (k) => inBlock(a.day[k]!, i) || inBlock(a.day[k]!, j) });
    }
  }
  for (let k = pairs.length - 1; k > 0; k--) {
    const m = Math.floor(random() * (k + 1));
    [pairs[k], pairs[m]] = [pairs[m]!, pairs[k]!];
  }
  return pairs;
}

/**
 * A pass over a list of neighbourhoods, shared by a month's two streams so that each place in it is
 * solved once: the main stream takes them in order (the list cycles), the second stream the windows of
 * days from the far end of the list back towards it, so the two solve days apart and seldom overtake each
 * other's starting schedule. Places are counted on past the end of the list (the cycle a place is in), so
 * one taken in this cycle is not skipped in the next.
 */
export class SharedPass {
  private cursor = 0;
  private readonly taken = new Set<number>();

  constructor(readonly list: Neighbourhood[]) {}

  /** The main stream's next neighbourhood. */
  next(): Neighbourhood {
    while (this.taken.delete(this.cursor)) this.cursor++;
    return this.list[this.cursor++ % this.list.length]!;
  }

  /**
   * The second stream's next: the last window of days of this cycle that neither stream took; once every
   * one ahead of the main stream is taken, the next cycle's, from its end.
   */
  nextWindow(): Neighbourhood {
    const length = this.list.length;
    // Each cycle holds every window once, and each place taken ahead is one cycle's window at most.
    for (let cycle = Math.floor(this.cursor / length); cycle <= Math.floor(this.cursor / length) + this.taken.size + 1; cycle++) {
      for (let place = (cycle + 1) * length - 1; place >= Math.max(this.cursor, cycle * length); place--) {
        if (this.list[place % length]!.kind === "days" && !this.taken.has(place)) {
          this.taken.add(place);
          return this.list[place % length]!;
        }
      }
    }
    throw new Error("SharedPass: the list has no window of days");
  }
}

/**
 * What to solve again after `changed` brought a better schedule: when it changed whole rosters (a staff
 * group, people drawn), every window of days and pair of blocks of `list`, in its order, that is not
 * `queued` already; after a window of days, nothing.
 */
export function daysAfter(changed: Neighbourhood, list: Neighbourhood[], queued: Neighbourhood[]): Neighbourhood[] {
  return changed.kind === "staff" ? list.filter((n) => n.kind === "days" && !queued.includes(n)) : [];
}

/** A small deterministic generator (mulberry32): repeatable neighbourhoods without global state. */
function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
