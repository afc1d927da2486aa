/**
 * `rxroster report fte` refuses what no solve could answer, exit 2, naming the flag, before any solve;
 * says each hire's saving on stderr with what to say beside it; says how each count's solve ended in
 * `rxroster solve`'s words, and which count's row is another count's schedule, at what price.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../src/cli/main.js";
import { BASE } from "../../fixtures/world.js";
import { smallWorld } from "../../fixtures/small-world.js";
import { capture } from "../../fixtures/cli.js";
import { a } from "../../fixtures/world.js";
import { formatSolveSummary } from "../../../src/cli/format.js";
import { solveLines } from "../../../src/cli/report.js";
import type { OptimizeOutcome } from "../../../src/optimize.js";
import type { Prepared } from "../../../src/pipeline.js";
import { provenanceSolves } from "../../../src/reports/fte/report.js";
import { resolveHire } from "../../../src/reports/fte/settings.js";
import { runWhatIf } from "../../../src/reports/fte/what-if.js";
import { money } from "../../../src/reports/fte/words.js";
import { outcomeOf } from "./stand-in.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rxroster-report-cli-"));
  writeFileSync(join(dir, "input.json"), JSON.stringify(BASE));
  // Two days; the only demand is two IV technicians 07:00–17:00.
  writeFileSync(join(dir, "iv-short.json"), JSON.stringify(smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" }] })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("rxroster report fte", () => {
  it("exits 2 naming --hire when the hire could work no shift of the pattern", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const solved: string[] = [];
    const code = await run(["report", "fte", join(dir, "input.json"), "--hire", "tech1:1:IV10", "--max-hires", "1", "--time-limit", "1", "--format", "json"], {
      out: (t) => out.push(t),
      err: (t) => (t.includes("hire(s):") ? solved : err).push(t),
    });
    expect(code).toBe(2);
    expect(err.at(-1)).toBe('rxroster: --hire pattern: Technician I (tech1) lacks Sterile compounding (sterile) for IV10: the hire may not work it (got "IV10")');
    expect(solved).toEqual([]);
    expect(out).toEqual([]);
  });

  it("says on stderr that a hire who worked no shift saves nothing, beside the figure", async () => {
    // A Technician I may not work IV10 and central has no demand: the hire is left idle.
    const { code, err } = await capture(["report", "fte", join(dir, "iv-short.json"), "--hire", "tech1:1:T12", "--max-hires", "1", "--time-limit", "5", "--format", "json"]);
    expect(code).toBe(0);
    expect(err.split("\n").find((l) => l.startsWith("  hire 1 saves"))).toMatch(/^  hire 1 saves \$0 a year\. The hire worked no shift in the schedule found, so hire 1 saves nothing\./);
  }, 60_000);
});

describe("rxroster report fte --out", () => {
  it("names the hire's level as the report does, by its name with its id, in its closing line", async () => {
    const out = join(dir, "fte.json");
    const { code, err } = await capture(["report", "fte", join(dir, "iv-short.json"), "--hire", "tech2:1:IV10", "--max-hires", "1", "--time-limit", "5", "--format", "json", "--out", out]);
    expect(code).toBe(0);
    expect(err.split("\n").at(-1)).toMatch(new RegExp(`^wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: (recommended (at least )?\\d+ hire\\(s\\)|no recommendation) of Technician II \\(tech2\\) at 1 FTE$`));
  }, 60_000);
});

describe("the what-if's solves on the terminal and in the job's result", () => {
  const input = smallWorld(2, { floors: [{ area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "17:00" }] });
  const resolved = resolveHire(input, { level: "tech2", fte: 1, pattern: "IV10" });
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  const hire = resolved.value;
  const catOnIv = [a("C", "2026-03-02", "IV10"), a("C", "2026-03-03", "IV10")];
  const hireOnIv = [...catOnIv, a("whatif-hire-1", "2026-03-02", "IV10"), a("whatif-hire-1", "2026-03-03", "IV10")];
  const noBound = { status: "feasible", bound: undefined, gap: undefined } as const;

  async function whatIf(optimizer: (prepared: Prepared) => Promise<OptimizeOutcome>) {
    const lines: string[] = [];
    const own: OptimizeOutcome[] = [];
    const solves = solveLines((line) => lines.push(line));
    const { view } = await runWhatIf(input, {
      hire,
      maxHires: 1,
      uncoveredStaffHourDollars: { pharmacist: 0, technician: 40 },
      benefitsLoad: 0.25,
      optimizer: async (prepared) => {
        const outcome = await optimizer(prepared);
        own.push(outcome);
        return outcome;
      },
      onSolved: solves.solved,
    });
    solves.replaced(view.rows);
    return { lines, own, view };
  }

  it("say 'no bound' of a count whose solve found none, in the words of rxroster solve's status line", async () => {
    const { lines, own, view } = await whatIf(async (prepared) => outcomeOf(prepared, { assignments: prepared.input.staff.length === input.staff.length ? catOnIv : hireOnIv }, noBound));
    expect(formatSolveSummary(input, own[0]!, "out").split("\n")[1]).toBe("Status: feasible, no bound, 0.0 s");
    expect(lines).toEqual(["  0 hire(s): feasible, no bound, 0.0 s", "  1 hire(s): feasible, no bound, 0.0 s"]);
    expect(provenanceSolves(view).map((s) => s.statusText)).toEqual(["feasible, no bound", "feasible, no bound"]);
  });

  it("give a count's objective − bound as the report does, from its gap when the solve gave no bound", async () => {
    const { lines, view } = await whatIf(async (prepared) => outcomeOf(prepared, { assignments: prepared.input.staff.length === input.staff.length ? catOnIv : hireOnIv }, { status: "feasible", bound: undefined, gap: 0.05 }));
    const none = view.rows[0]!;
    expect(none.uncertaintyDollars).toBeCloseTo(0.05 * none.objective!, 6);
    expect(lines[0]).toBe(`  0 hire(s): feasible, gap 5.00 %, objective − bound ${money(none.uncertaintyDollars!)}, 0.0 s`);
  });

  it("name the count whose row became the schedule for one hire more, less a hire, at its lower price", async () => {
    // Count 0's search finds nobody working; count 1's finds Cat on IV beside the hire, which less the hire is
    // a schedule for count 0 that the checker prices lower: count 0's row becomes it after both solves.
    const { lines, own, view } = await whatIf(async (prepared) => outcomeOf(prepared, { assignments: prepared.input.staff.length === input.staff.length ? [] : hireOnIv }, noBound));
    const none = view.rows[0]!;
    expect(none.fromOneHireMore).toBe(true);
    expect(none.objective!).toBeLessThan(own[0]!.objective!);
    expect(lines).toEqual([
      "  0 hire(s): feasible, no bound, 0.0 s",
      "  1 hire(s): feasible, no bound, 0.0 s",
      `  0 hire(s) reported as the schedule for one hire more, less a hire: objective ${money(none.objective!)} (its own solve: ${money(own[0]!.objective!)}), feasible, no bound`,
    ]);
  });
});
