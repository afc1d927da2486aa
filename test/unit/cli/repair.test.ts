/**
 * `rxroster repair` after a call-out: the fewest changes beside the forced one, only within
 * --change-from…--change-until, the schedule's own locks written back so a second repair may change the
 * rest, dates the schedule never covered warned of, and bad dates, horizons and locks named before solving.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { capture } from "../../fixtures/cli.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { dir, useInputFiles } from "./helpers.js";

useInputFiles();

describe("rxroster repair", () => {
  // One pharmacist on the central day shift, three days; Ann had all three, and calls out on Tuesday.
  const floor = { area: "central", roleFamily: "pharmacist" as const, count: 1, from: "07:00", to: "15:00" };
  const published = { assignments: ["2026-03-02", "2026-03-03", "2026-03-04"].map((date) => ({ staff: "A", date, template: "D8" })) };
  const files = (name: string, input: object): { input: string; schedule: string; out: string } => {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(input));
    writeFileSync(join(dir, `${name}-published.json`), JSON.stringify(published));
    return { input: join(dir, `${name}.json`), schedule: join(dir, `${name}-published.json`), out: join(dir, `${name}-out`) };
  };

  it("fills a call-out with one change beside the forced one, keeping everyone else's shifts", async () => {
    const calledOut = smallWorld(3, { floors: [floor] });
    calledOut.staff[0]!.leave = [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }];
    const f = files("callout", calledOut);
    const { code, out } = await capture(["repair", f.input, f.schedule, "--out", f.out, "--time-limit", "5"]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(join(f.out, "schedule.json"), "utf8")).assignments.map((x: { staff: string; date: string }) => `${x.staff} ${x.date}`).sort((p: string, q: string) => p.slice(2).localeCompare(q.slice(2)));
    expect(written).toEqual(["A 2026-03-02", "B 2026-03-03", "A 2026-03-04"]);
    expect(out).toMatch(/repair\.changes\s+soft\s+2\s/);
    expect(out).toContain("Ann no longer works D8 on 2026-03-03, as the reference schedule had it");
  });

  it("changes only the dates from --change-from until --change-until: nobody added or taken off on the others", async () => {
    // Nobody works in the reference, and a floor asks for a pharmacist each day: only Tuesday may change.
    writeFileSync(join(dir, "frozen.json"), JSON.stringify(smallWorld(3, { floors: [floor] })));
    writeFileSync(join(dir, "frozen-published.json"), JSON.stringify({ assignments: [] }));
    const out = join(dir, "frozen-out");
    const { code } = await capture(["repair", join(dir, "frozen.json"), join(dir, "frozen-published.json"), "--change-from", "2026-03-03", "--change-until", "2026-03-03", "--out", out, "--time-limit", "5"]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")).assignments;
    expect(written.map((x: { date: string }) => x.date)).toEqual(["2026-03-03"]);
  });

  it("writes the dates outside the window with the schedule's own locks, so a second call-out's repair may change them", async () => {
    const calledOut = smallWorld(3, { floors: [floor] });
    calledOut.staff[0]!.leave = [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }];
    const input = join(dir, "twice.json");
    const schedule = join(dir, "twice-published.json");
    writeFileSync(input, JSON.stringify(calledOut));
    // Ann's Monday is the manager's lock; her Wednesday is kept by the window alone.
    writeFileSync(schedule, JSON.stringify({ assignments: published.assignments.map((x) => ({ ...x, locked: x.date === "2026-03-02" })) }));
    const first = join(dir, "twice-out");
    expect((await capture(["repair", input, schedule, "--change-from", "2026-03-03", "--change-until", "2026-03-03", "--out", first, "--time-limit", "5"])).code).toBe(0);
    const locks = (file: string) => JSON.parse(readFileSync(file, "utf8")).assignments.filter((x: { locked: boolean }) => x.locked).map((x: { staff: string; date: string }) => `${x.staff} ${x.date}`);
    expect(locks(join(first, "schedule.json"))).toEqual(["A 2026-03-02"]);
    expect(readFileSync(join(first, "schedule.csv"), "utf8").match(/,yes\r?$/gm)).toHaveLength(1);
    // Ann calls out on Wednesday too: the first repair's schedule is the second's, Wednesday its window.
    calledOut.staff[0]!.leave.push({ start: "2026-03-04", end: "2026-03-04", reason: "sick" });
    writeFileSync(input, JSON.stringify(calledOut));
    const second = join(dir, "twice-out2");
    const again = await capture(["repair", input, join(first, "schedule.json"), "--change-from", "2026-03-04", "--out", second, "--time-limit", "5"]);
    expect(again.err).not.toMatch(/locked/);
    expect(again.code).toBe(0);
    const written = JSON.parse(readFileSync(join(second, "schedule.json"), "utf8")).assignments.map((x: { staff: string; date: string }) => `${x.staff} ${x.date}`).sort((p: string, q: string) => p.slice(2).localeCompare(q.slice(2)));
    expect(written).toEqual(["A 2026-03-02", "B 2026-03-03", "B 2026-03-04"]);
  });

  it("says of a shift the window kept, which the schedule did not lock, that widening the window lets it change", async () => {
    const calledOut = smallWorld(3, { floors: [floor] });
    calledOut.staff[0]!.leave = [{ start: "2026-03-02", end: "2026-03-02", reason: "sick" }];
    const f = files("callout-kept", calledOut);
    const { code, err } = await capture(["repair", f.input, f.schedule, "--change-from", "2026-03-03", "--out", f.out]);
    expect(code).toBe(2);
    expect(err).toMatch(/^.*: assignments\[0\]: kept as it is \(outside the dates the repair may change, 2026-03-03…2026-03-04\), but breaks the hard rule leave\.approved: .*; widen the dates to let it change$/);
  });

  describe("dates outside the window that the schedule never covered (the horizon grew since it was made; repair-cli)", () => {
    // Ann's three days were planned for 2–4 March; the horizon has since grown to Thursday 5 March, and she calls out on Tuesday.
    const grown = smallWorld(4, { floors: [floor] });
    grown.staff[0]!.leave = [{ start: "2026-03-03", end: "2026-03-03", reason: "sick" }];
    const tuesday = ["--change-from", "2026-03-03", "--change-until", "2026-03-03", "--time-limit", "5"];
    const grownFiles = (name: string, schedule: object): { input: string; schedule: string; out: string } => {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(grown));
      writeFileSync(join(dir, `${name}-published.json`), JSON.stringify(schedule));
      return { input: join(dir, `${name}.json`), schedule: join(dir, `${name}-published.json`), out: join(dir, `${name}-out`) };
    };

    it("warns of them by the horizon the schedule records, as a repair job does, and still writes the repair with those dates empty", async () => {
      const f = grownFiles("grown", { horizon: { start: "2026-03-02", end: "2026-03-04" }, ...published });
      const { code, out } = await capture(["repair", f.input, f.schedule, ...tuesday, "--out", f.out]);
      expect(code).toBe(0);
      expect(out.split("\n").filter((l) => l.startsWith("Warning: "))).toEqual([
        `Warning: 2026-03-05 is outside the repair's window 2026-03-03…2026-03-03, kept as it was, but the base schedule ${f.schedule} never covered it ` +
          "(it was planned for 2026-03-02…2026-03-04), so nobody works that date: the window must include 2026-03-05 (--change-until) to plan it",
      ]);
      const written = JSON.parse(readFileSync(join(f.out, "schedule.json"), "utf8"));
      expect(written.horizon).toEqual({ start: "2026-03-02", end: "2026-03-05" });
      expect(written.assignments.filter((x: { date: string }) => x.date === "2026-03-05")).toEqual([]);
    });

    it("takes the dates of its shifts for a schedule that records no horizon, and says so; a recorded horizon is believed over them", async () => {
      const old = grownFiles("grown-old", published);
      const { code, out } = await capture(["repair", old.input, old.schedule, ...tuesday, "--out", old.out, "--json"]);
      expect(code).toBe(0);
      expect(JSON.parse(out).warnings).toEqual([
        `2026-03-05 is outside the repair's window 2026-03-03…2026-03-03, kept as it was, but the base schedule ${old.schedule} never covered it ` +
          "(its shifts run 2026-03-02…2026-03-04; its horizon was not recorded), so nobody works that date: the window must include 2026-03-05 (--change-until) to plan it",
      ]);
      // Planned for Thursday too, with nobody on it: nothing to warn of.
      const planned = grownFiles("grown-planned", { horizon: { start: "2026-03-02", end: "2026-03-05" }, ...published });
      const again = await capture(["repair", planned.input, planned.schedule, ...tuesday, "--out", planned.out, "--json"]);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.out).warnings).toBeUndefined();
    });

    it("exits 2 with one line naming a malformed horizon in the schedule, before solving", async () => {
      const reversed = grownFiles("grown-reversed", { horizon: { start: "2026-03-04", end: "2026-03-02" }, ...published });
      expect(await capture(["repair", reversed.input, reversed.schedule, ...tuesday, "--out", reversed.out])).toEqual({
        code: 2,
        out: "",
        err: `${reversed.schedule}: horizon.end: must not be before horizon.start (2026-03-04) (got "2026-03-02")`,
      });
      const short = grownFiles("grown-short", { horizon: { start: "2026-03-02", end: "2026-03-03" }, ...published });
      expect(await capture(["repair", short.input, short.schedule, ...tuesday, "--out", short.out])).toEqual({
        code: 2,
        out: "",
        err: `${short.schedule}: horizon: must take in the dates of the schedule's assignments (assignments[2] is on 2026-03-04, outside 2026-03-02…2026-03-03)`,
      });
      expect(existsSync(reversed.out)).toBe(false);
    });
  });

  it("exits 2 naming a bad --change-from, a date outside the horizon, and a kept shift the call-out breaks", async () => {
    const calledOut = smallWorld(3, { floors: [floor] });
    calledOut.staff[0]!.leave = [{ start: "2026-03-02", end: "2026-03-02", reason: "sick" }];
    const f = files("callout-bad", calledOut);
    const bad = await capture(["repair", f.input, f.schedule, "--change-from", "tuesday"]);
    expect(bad.code).toBe(2);
    expect(bad.err.split("\n")[0]).toBe('rxroster: --change-from: must be a date YYYY-MM-DD (got "tuesday")');
    expect(await capture(["repair", f.input, f.schedule, "--change-from", "2026-04-01", "--out", f.out])).toMatchObject({ code: 2, err: 'rxroster: --change-from: must be within the horizon 2026-03-02…2026-03-04 (got "2026-04-01")' });
    expect(await capture(["repair", f.input, f.schedule, "--change-from", "2026-03-04", "--change-until", "2026-03-03", "--out", f.out])).toMatchObject({ code: 2, err: 'rxroster: --change-until: must not be before --change-from (2026-03-04) (got "2026-03-03")' });
    // Monday is kept as it was, yet Ann is on leave that day.
    const locked = await capture(["repair", f.input, f.schedule, "--change-from", "2026-03-03", "--out", f.out]);
    expect(locked.code).toBe(2);
    expect(locked.err).toMatch(/: assignments\[0\]: kept as it is \(outside the dates the repair may change, 2026-03-03…2026-03-04\), but breaks the hard rule leave\.approved/);
    expect((await capture(["repair", f.input, "--out", f.out])).err.split("\n")[0]).toBe("rxroster: repair takes 2 file argument(s), got 1");
  });
});
