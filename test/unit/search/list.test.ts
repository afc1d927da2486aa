/**
 * The fix-and-optimize search's neighbourhoods, without a solve: windows of days sliding by half their
 * width, staff groups, draws of two people who share a shift template, pairs of blocks apart, what is
 * queued again after whole rosters changed, a pass shared between two streams (solver/search/list.ts),
 * and the gap at which each kind of neighbourhood stops (stopGap).
 */
import { describe, expect, it } from "vitest";
import { daysAfter, neighbourhoods, SharedPass, type Neighbourhood } from "../../../solver/search/list.js";
import { stopGap } from "../../../solver/search/search.js";

describe("fix-and-optimize search", () => {
  it("slides windows of days by half their width, then cycles staff groups", () => {
    const day = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const person = Int32Array.from([0, 1, 2, 3, 0, 1, 2, 3, 0, 1]);
    const list = neighbourhoods({ columns: Int32Array.from(day.keys()), day, person, dayCount: 10, personCount: 4 }, 4);
    expect(list.slice(0, 7).map((n) => n.name)).toEqual(["days 0–3", "days 2–5", "days 4–7", "days 6–9", "staff group 1/3", "staff group 2/3", "staff group 3/3"]);
    // Then twice as many draws of two people's whole rosters, the same on every run.
    const drawn = list.slice(7);
    expect(drawn).toHaveLength(6);
    expect(drawn.every((n) => /^people \d,\d$/.test(n.name))).toBe(true);
    expect(neighbourhoods({ columns: Int32Array.from(day.keys()), day, person, dayCount: 10, personCount: 4 }, 4).map((n) => n.name)).toEqual(list.map((n) => n.name));
    const freeOf = (k: number): number[] => [...day.keys()].filter((i) => list[k]!.free(i));
    expect(freeOf(1)).toEqual([2, 3, 4, 5]);
    expect(freeOf(4)).toEqual([0, 3, 4, 7, 8]);
    // From nobody working, the staff groups come first, the rest in the same order after them.
    const groupsFirst = neighbourhoods({ columns: Int32Array.from(day.keys()), day, person, dayCount: 10, personCount: 4 }, 4, { groupsFirst: true }).map((n) => n.name);
    expect(groupsFirst).toEqual([...list.slice(4, 7), ...list.slice(0, 4), ...drawn].map((n) => n.name));
  });

  it("stops a window of days at its own share of the price, staff groups and draws at theirs, each at a twentieth of the search's gap once that is less", () => {
    const window: Neighbourhood = { name: "days 3–3", kind: "days", free: () => true };
    const group: Neighbourhood = { name: "staff group 1/56", kind: "staff", free: () => true };
    const month = { neighbourhoodGap: 0.005, windowGap: 0.001 };
    expect(stopGap(window, month, 1e-4, 0.2)).toBe(0.001);
    expect(stopGap(group, month, 1e-4, 0.2)).toBe(0.005);
    // No bound yet (a month's LP relaxation still running): the shares alone.
    expect(stopGap(window, month, 1e-4, undefined)).toBe(0.001);
    // A search at 1 %: a twentieth of it, 0.05 %, for both.
    expect(stopGap(window, month, 1e-4, 0.01)).toBeCloseTo(0.0005, 12);
    expect(stopGap(group, month, 1e-4, 0.01)).toBeCloseTo(0.0005, 12);
    // Never below the gap the search is after; without a window's share, a window stops at the others'.
    expect(stopGap(window, month, 0.002, 0.2)).toBe(0.002);
    expect(stopGap(window, { neighbourhoodGap: 0.005 }, 1e-4, 0.2)).toBe(0.005);
    // A small model names no share: every neighbourhood at the search's own gap.
    expect(stopGap(window, {}, 1e-4, 0.2)).toBe(1e-4);
  });

  it("pairs blocks of half a window that do not touch, for everyone, after the windows", () => {
    // 10 days × 2 people; windows of 4 days: blocks 0–1, 2–3, 4–5, 6–7, 8–9.
    const day = Int32Array.from({ length: 20 }, (_, i) => i % 10);
    const person = Int32Array.from({ length: 20 }, (_, i) => Math.floor(i / 10));
    const a = { columns: Int32Array.from(day.keys()), day, person, dayCount: 10, personCount: 2 };
    const list = neighbourhoods(a, 4, { apart: true });
    const pairs = list.filter((n) => n.name.includes(" and "));
    // Five blocks: the pairs (i, j) with j ≥ i + 2, each once, in an order fixed by the seed.
    expect(pairs.map((n) => n.name).sort()).toEqual(
      ["days 0–1 and 4–5", "days 0–1 and 6–7", "days 0–1 and 8–9", "days 2–3 and 6–7", "days 2–3 and 8–9", "days 4–5 and 8–9"].sort(),
    );
    expect(list.slice(0, 4).every((n) => /^days \d–\d$/.test(n.name))).toBe(true);
    expect(list.slice(4, 4 + pairs.length)).toEqual(pairs);
    expect(neighbourhoods(a, 4, { apart: true }).map((n) => n.name)).toEqual(list.map((n) => n.name));
    const pair = pairs.find((n) => n.name === "days 0–1 and 6–7")!;
    expect([...day.keys()].filter((i) => pair.free(i))).toEqual([0, 1, 6, 7, 10, 11, 16, 17]);
    expect(pair.kind).toBe("days");
    // Without the option, none.
    expect(neighbourhoods(a, 4).some((n) => n.name.includes(" and "))).toBe(false);
  });

  it("after whole rosters changed, queues every window and pair of blocks again, in order, once", () => {
    const day = Int32Array.from({ length: 40 }, (_, i) => i % 10);
    const person = Int32Array.from({ length: 40 }, (_, i) => Math.floor(i / 10));
    const list = neighbourhoods({ columns: Int32Array.from(day.keys()), day, person, dayCount: 10, personCount: 4 }, 4, { apart: true });
    const days = list.filter((n) => n.kind === "days");
    const group = list.find((n) => n.name.startsWith("staff group"))!;
    const drawn = list.find((n) => n.name.startsWith("people"))!;
    expect(days.map((n) => n.name)).toEqual(list.slice(0, days.length).map((n) => n.name));
    expect(daysAfter(group, list, [])).toEqual(days);
    expect(daysAfter(drawn, list, [])).toEqual(days);
    // Those queued already (solved again after a merge, or after the last group) are not queued twice.
    expect(daysAfter(group, list, [days[2]!, days[5]!])).toEqual(days.filter((_, i) => i !== 2 && i !== 5));
    // A window of days changed the days it freed only: nothing more to queue.
    expect(daysAfter(days[0]!, list, [])).toEqual([]);
  });

  it("makes one staff group per person with groups of one, and still draws two people at a time", () => {
    // 4 days × 6 people, windows of 2 days.
    const day = Int32Array.from({ length: 24 }, (_, i) => i % 4);
    const person = Int32Array.from({ length: 24 }, (_, i) => Math.floor(i / 4));
    const list = neighbourhoods({ columns: Int32Array.from(day.keys()), day, person, dayCount: 4, personCount: 6 }, 2, { groupPeople: 1 });
    const groups = list.filter((n) => n.name.startsWith("staff group"));
    expect(groups.map((n) => n.name)).toEqual([1, 2, 3, 4, 5, 6].map((g) => `staff group ${g}/6`));
    groups.forEach((g, k) => expect([...day.keys()].filter((i) => g.free(i)).map((i) => person[i])).toEqual([k, k, k, k]));
    const draws = list.filter((n) => n.name.startsWith("people"));
    expect(draws.length).toBeGreaterThan(0);
    expect(draws.every((n) => /^people \d,\d$/.test(n.name))).toBe(true);
  });

  it("draws people who share a shift template: a pharmacist and a technician have no shift to swap", () => {
    // 6 days × 4 people: 0 and 1 work template 0 (pharmacists), 2 and 3 template 1 (technicians).
    const day = Int32Array.from({ length: 24 }, (_, i) => i % 6);
    const person = Int32Array.from({ length: 24 }, (_, i) => Math.floor(i / 6));
    const template = Int32Array.from(person, (p) => (p < 2 ? 0 : 1));
    const list = neighbourhoods({ columns: Int32Array.from(day.keys()), day, person, template, dayCount: 6, personCount: 4 }, 2);
    const draws = list.filter((n) => n.name.startsWith("people")).map((n) => n.name);
    expect(draws.length).toBeGreaterThan(2);
    expect(new Set(draws)).toEqual(new Set(["people 0,1", "people 2,3"]));
    // Without templates, anyone with anyone.
    const any = neighbourhoods({ columns: Int32Array.from(day.keys()), day, person, dayCount: 6, personCount: 4 }, 2);
    expect(any.filter((n) => n.name.startsWith("people")).some((n) => !["people 0,1", "people 2,3"].includes(n.name))).toBe(true);
  });

  it("shares a pass between two streams: each place is solved once, the second stream taking windows from the far end", () => {
    const n = (name: string, kind: "days" | "staff"): Neighbourhood => ({ name, kind, free: () => true });
    const pass = new SharedPass([n("days 0–1", "days"), n("days 1–2", "days"), n("group 1", "staff"), n("days 2–3", "days"), n("group 2", "staff")]);
    const taken: string[] = [];
    taken.push(pass.nextWindow().name); // the second stream starts at the far end
    taken.push(pass.next().name, pass.nextWindow().name);
    taken.push(pass.next().name, pass.next().name); // the main stream skips the window taken
    expect(taken).toEqual(["days 2–3", "days 0–1", "days 1–2", "group 1", "group 2"]);
    // The list cycles: the next cycle's places are free again, and the main stream starts it over.
    expect(pass.next().name).toBe("days 0–1");
    // Every window of this cycle ahead of the main stream taken: the second stream takes the next cycle's, from its end.
    expect([pass.nextWindow().name, pass.nextWindow().name, pass.nextWindow().name]).toEqual(["days 2–3", "days 1–2", "days 2–3"]);
    expect([pass.next().name, pass.next().name, pass.next().name]).toEqual(["group 1", "group 2", "days 0–1"]);
    // One window in the list, the main stream held up: the second stream takes it cycle after cycle.
    const one = new SharedPass([n("days 0–1", "days"), n("group 1", "staff"), n("group 2", "staff")]);
    expect([one.nextWindow(), one.nextWindow(), one.nextWindow()].map((w) => w.name)).toEqual(["days 0–1", "days 0–1", "days 0–1"]);
    expect([one.next(), one.next(), one.next(), one.next()].map((w) => w.name)).toEqual(["group 1", "group 2", "group 1", "group 2"]);
    expect(() => new SharedPass([n("group 1", "staff")]).nextWindow()).toThrow(/no window/);
  });
});
