/**
 * Which published version speaks for each date: versions layered oldest first, each replacing the earlier
 * ones' items on the dates it covers (its `covers`, else its horizon; every date when it has neither) and
 * leaving the rest. Input: published versions (or any dated items in layers); output: what is published
 * now, by date. The calendar's events (events.ts), a person's own shifts and the history before a horizon
 * (published-history.ts) are all read through it.
 */
import type { Assignment } from "../../models/index.js";
import { coverageOf } from "./coverage.js";
import type { PublishedVersion } from "./events.js";

/** Locale-independent order, so a feed's bytes do not depend on the machine. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What is published after each version, oldest first. A version speaks for the dates of its horizon (its
 * coverage, as callers pass it; all dates, when it has none): its items replace the earlier versions' on those dates, and earlier items on
 * other dates stay — publishing next month keeps this month's shifts in everyone's calendar.
 */
export function layerByHorizon<T>(versions: readonly { horizon?: { start: string; end: string }; items: readonly T[] }[], dateOf: (item: T) => string, keyOf: (item: T) => string): Map<string, T>[] {
  const states: Map<string, T>[] = [];
  let state = new Map<string, T>();
  for (const { horizon, items } of versions) {
    state = horizon ? new Map([...state].filter(([, item]) => dateOf(item) < horizon.start || dateOf(item) > horizon.end)) : new Map();
    for (const item of items) state.set(keyOf(item), item);
    states.push(state);
  }
  return states;
}

/** The dates a version replaces in the layering: its coverage (`covers`, else its horizon), or every date. */
export function spanOf(v: PublishedVersion): { horizon?: { start: string; end: string } } {
  const covered = coverageOf(v);
  return covered ? { horizon: covered } : {};
}

/** The assignments published now: each date's from the latest version covering it, by date. */
export function publishedAssignments(versions: readonly PublishedVersion[]): Assignment[] {
  return publishedAssignmentsOfVersions(versions).map(({ version: _v, publishedAt: _p, ...assignment }) => assignment);
}

/** `publishedAssignments`, each with the version that published it and when (several months are several versions). */
export function publishedAssignmentsOfVersions(versions: readonly PublishedVersion[]): (Assignment & Pick<PublishedVersion, "version" | "publishedAt">)[] {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  return latestOnEachDate(
    ordered.map((v) => ({ ...spanOf(v), items: v.schedule.assignments.map((a) => ({ ...a, version: v.version, publishedAt: v.publishedAt })) })),
    (a) => a,
  );
}

/**
 * Each date's assignments from the latest of `layers` (oldest first) whose horizon holds it
 * (`layerByHorizon`), by date, staff and template; an item carries its assignment (`assignmentOf`) and
 * whatever else the caller keeps with it (the file it came from).
 */
export function latestOnEachDate<T>(layers: readonly { horizon?: { start: string; end: string }; items: readonly T[] }[], assignmentOf: (item: T) => Assignment): T[] {
  const keyOf = (x: T): string => `${assignmentOf(x).staff}\u0000${assignmentOf(x).date}\u0000${assignmentOf(x).template}`;
  const states = layerByHorizon(layers, (x) => assignmentOf(x).date, keyOf);
  const order = (x: T, y: T): number => compare(assignmentOf(x).date, assignmentOf(y).date) || compare(keyOf(x), keyOf(y));
  return [...(states[states.length - 1]?.values() ?? [])].sort(order);
}
