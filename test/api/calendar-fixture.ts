/**
 * What the calendar feed tests share: the API harness started before a test file's tests (each file its
 * own, on its own port and store) with site "test" (the test world over 3 days, V1 published and a later
 * draft nobody publishes) and site "other", a token per role, feeds created through the API with every
 * token remembered, and feeds read back with ical.js beside instants computed with luxon alone.
 */
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { afterAll, beforeAll, expect, vi } from "vitest";
import type { Assignment } from "../../models/index.js";
import { SYSTEM } from "../../src/store/audit.js";
import { startHarness, testSite, type Harness } from "./harness.js";

/** The calling test file's harness, set by `useFeedHarness` before its tests run. */
export let h: Harness;
/** A token per role (Ann and Ben are staff A and B of site "test"), made when the harness starts. */
export const t = {} as Record<"admin" | "manager" | "otherManager" | "hr" | "ann" | "ben", string>;
/** Every feed token handed out, so a test can check none reached a log. */
export const issued: string[] = [];
/** Everything written to stderr or the console during the file, beside the app's own log. */
export const written: string[] = [];

export const site = testSite("test", 3);
export const slot = (staff: string, date: string, template: string): Assignment => ({ staff, date, template, locked: false });
export const V1 = [slot("A", "2026-03-02", "D8"), slot("A", "2026-03-03", "E8"), slot("B", "2026-03-03", "D8"), slot("C", "2026-03-02", "T12"), slot("C", "2026-03-03", "IV10")];

/** Starts the harness and the sites before the calling file's tests, with console and stderr captured in `written`; closes it after them. */
export function useFeedHarness(): void {
  beforeAll(async () => {
    for (const method of ["log", "info", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation((...args) => void written.push(args.join(" ")));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    h = await startHarness();
    h.store.sites.create(site, SYSTEM);
    h.store.sites.create(testSite("other"), SYSTEM);
    const draft = h.store.schedules.createDraft("test", V1, "manual", undefined, SYSTEM);
    h.store.schedules.publish("test", draft.id, SYSTEM);
    // A later draft nobody publishes: its night shift must never reach a feed.
    h.store.schedules.updateDraft("test", draft.id, [...V1, slot("A", "2026-03-04", "N8")], SYSTEM, "test.edit");
    Object.assign(t, {
      admin: h.token("admin"), manager: h.token("manager", "test"), otherManager: h.token("manager", "other"), hr: h.token("hr", "test"),
      ann: h.token("staff", "test", "A"), ben: h.token("staff", "test", "B"),
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await h.close();
  });
}

/** Create a feed through the API; returns the answer and remembers the token. */
export async function createFeed(path: string, token: string, body?: unknown) {
  const res = await h.api.request("POST", path, { token, ...(body !== undefined ? { body } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  issued.push(res.body.token);
  return res.body as { id: string; token: string; url: string; webcalUrl: string };
}

const feedPath = (token: string): string => `/calendars/${token}.ics`;

export interface ParsedEvent { uid: string; sequence: number; start: string; end: string; stamp: string; summary: string; description: string }

export function events(ics: string): ParsedEvent[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid, sequence: event.sequence, summary: event.summary, description: event.description,
      start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(),
      stamp: (component.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().toISOString(),
    };
  });
}

/** The instants of assignments from the site's wall-clock templates, computed here with luxon alone. */
export function instants(assignments: Assignment[]): string[] {
  return assignments.map((a) => {
    const template = site.shiftTemplates.find((x) => x.id === a.template)!;
    const start = DateTime.fromISO(`${a.date}T${template.start}`, { zone: site.site.timeZone });
    return `${start.toJSDate().toISOString()}/${start.plus({ minutes: template.lengthMinutes }).toJSDate().toISOString()}`;
  }).sort();
}
export const eventInstants = (list: ParsedEvent[]): string[] => list.map((e) => `${e.start}/${e.end}`).sort();

export async function fetchFeed(token: string, ifNoneMatch?: string) {
  return h.api.request("GET", feedPath(token), ifNoneMatch ? { headers: { "if-none-match": ifNoneMatch } } : {});
}
