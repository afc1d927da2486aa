/**
 * Which later published versions a publish is judged against (src/calendar/later-versions.ts): only those
 * whose dates begin after the new version's and within the days their rules read back, and that still
 * speak for a date; each with the history it has now and would have after.
 */
import { describe, expect, it, onTestFinished } from "vitest";
import type { Assignment } from "../../../models/index.js";
import { laterVersionsOf } from "../../../src/calendar/later-versions.js";
import { SYSTEM } from "../../../src/store/audit.js";
import { openStore, type Store } from "../../../src/store/store.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { testDir } from "../../fixtures/temp.js";

const SITE = "later";
const slot = (staff: string, date: string, template: string): Assignment => ({ staff, date, template, locked: false });

function store(): Store {
  const opened = openStore(testDir("later-versions"));
  onTestFinished(() => opened.close());
  const input = smallWorld(3);
  expect(opened.sites.create({ ...input, site: { ...input.site, id: SITE } }, SYSTEM).ok).toBe(true);
  return opened;
}

/** Publishes `assignments` over `start..end` through the store. */
function publish(s: Store, start: string, end: string, assignments: Assignment[]): string {
  expect(s.sites.update(SITE, SYSTEM, "site.horizon", (input) => ({ ...input, horizon: { start, end } })).ok).toBe(true);
  const draft = s.schedules.createDraft(SITE, assignments, "manual", undefined, SYSTEM);
  const published = s.schedules.publish(SITE, draft.id, SYSTEM);
  if (!published.ok) throw new Error(published.detail);
  return published.value.id;
}

const FIRST = { start: "2026-03-02", end: "2026-03-04" };

describe("laterVersionsOf", () => {
  it("lists the next period's version with the new shifts as its history, and not one beyond the look-back", () => {
    const s = store();
    publish(s, FIRST.start, FIRST.end, [slot("A", "2026-03-02", "D8")]);
    const next = publish(s, "2026-03-05", "2026-03-07", [slot("A", "2026-03-05", "D8")]);
    // Their rules read 22 days back (four weekends' window): 03-17 is within them of 03-04, 03-27 is not.
    const within = publish(s, "2026-03-17", "2026-03-17", [slot("A", "2026-03-17", "D8")]);
    publish(s, "2026-03-27", "2026-03-28", [slot("A", "2026-03-27", "D8")]);
    const later = laterVersionsOf(s, SITE, { assignments: [slot("A", "2026-03-04", "N8")], covers: FIRST });
    expect(later.map((v) => [v.id, v.version, v.dates])).toEqual([
      [next, 2, { start: "2026-03-05", end: "2026-03-07" }],
      [within, 3, { start: "2026-03-17", end: "2026-03-17" }],
    ]);
    const history = (input: (typeof later)[number]["now"]) => input.staff.find((m) => m.id === "A")!.history;
    expect(history(later[0]!.now)).toEqual([{ date: "2026-03-02", template: "D8" }]);
    expect(history(later[0]!.after)).toEqual([{ date: "2026-03-04", template: "N8" }]);
  });

  it("leaves out a version every date of which a later publish replaced, and one overlapping the new dates", () => {
    const s = store();
    publish(s, "2026-03-05", "2026-03-07", [slot("A", "2026-03-05", "D8")]);
    const replacing = publish(s, "2026-03-05", "2026-03-07", [slot("A", "2026-03-06", "D8")]);
    expect(laterVersionsOf(s, SITE, { assignments: [], covers: FIRST }).map((v) => v.id)).toEqual([replacing]);
    expect(laterVersionsOf(s, SITE, { assignments: [], covers: { start: "2026-03-02", end: "2026-03-05" } })).toEqual([]);
  });
});
