/**
 * Departments for benchmarks: the bundled demo, and departments of any size made from it — staff drawn
 * from the demo's people in a seeded order (cycled with new ids past 56), the forecast scaled to the staff
 * count and the budget to the staff count and days, the horizon of any length from 1 November 2026 (the
 * bench's 28 days cut November short; its 31 reach 1 December, which the demo's dated volumes do not list,
 * so its forecast there is the weekday's `dailyUnits`).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Assignment, PlanningInput, TimeGrid } from "../models/index.js";
import { parseInput } from "../src/pipeline.js";
import { addDays } from "../src/time/grid.js";

const DEMO_PATH = new URL("../data/demo/department.yaml", import.meta.url);

export function demoDepartment(): PlanningInput {
  const parsed = parseInput(parse(readFileSync(DEMO_PATH, "utf8")));
  if (!parsed.ok) throw new Error(`demo department does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function scaledDepartment(staffCount: number, days: number, seed = 1): PlanningInput {
  const demo = demoDepartment();
  const next = random(seed);
  const order = demo.staff.map((s) => ({ s, k: next() })).sort((a, b) => a.k - b.k).map((x) => x.s);
  const end = addDays(demo.horizon.start, days - 1);
  const inHorizon = (date: string): boolean => date >= demo.horizon.start && date <= end;
  const staff = Array.from({ length: staffCount }, (_, i) => {
    const base = order[i % order.length]!;
    const round = Math.floor(i / order.length);
    return {
      ...base,
      id: round === 0 ? base.id : `${base.id}-${round}`,
      name: round === 0 ? base.name : `${base.name} (${round + 1})`,
      requests: base.requests.filter((r) => inHorizon(r.date)),
    };
  });
  const scale = staffCount / demo.staff.length;
  const daysScale = days / 30;
  const scaled = (n: number | undefined): number | undefined => (n === undefined ? undefined : Math.round(n * scale * daysScale));
  const budget = {
    ...(demo.budget.laborDollars !== undefined ? { laborDollars: scaled(demo.budget.laborDollars) } : {}),
    ...(demo.budget.overtimeHours !== undefined ? { overtimeHours: scaled(demo.budget.overtimeHours) } : {}),
    ...(demo.budget.agencyHours !== undefined ? { agencyHours: scaled(demo.budget.agencyHours) } : {}),
  };
  const forecasts = demo.forecasts.map((f) =>
    f.kind === "profile"
      ? { ...f, dailyUnits: f.dailyUnits * scale, dailyUnitsByDate: Object.fromEntries(Object.entries(f.dailyUnitsByDate).map(([d, v]) => [d, v * scale])) }
      : { ...f, unitsPerHour: f.unitsPerHour.map((u) => u * scale) },
  );
  const parsed = parseInput({
    ...demo,
    site: { ...demo.site, name: `${demo.site.name} (${staffCount} staff, ${days} days)` },
    horizon: { start: demo.horizon.start, end },
    staff,
    forecasts,
    slotDemand: demo.slotDemand.filter((s) => inHorizon(s.date)),
    budget,
  });
  if (!parsed.ok) throw new Error(`scaled department does not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  return parsed.value;
}

/** A plausible month without solving: five days in seven, eligible templates in rotation. */
export function syntheticSchedule(input: PlanningInput, grid: TimeGrid): Assignment[] {
  const levels = new Map(input.levels.map((l) => [l.id, l]));
  const out: Assignment[] = [];
  input.staff.forEach((member, i) => {
    const level = levels.get(member.level)!;
    const skills = new Set([...level.skills, ...member.skills]);
    grid.days.forEach((day, d) => {
      if ((d + i) % 7 >= 5) return;
      const options = grid.shifts.filter((s) => s.date === day.date && s.roleFamily === level.roleFamily)
        .filter((s) => input.shiftTemplates.find((t) => t.id === s.template)!.requiredSkills.every((k) => skills.has(k)));
      const pick = options[(i + d) % Math.max(1, options.length)];
      if (pick) out.push({ staff: member.id, date: day.date, template: pick.template, locked: false });
    });
  });
  return out;
}
