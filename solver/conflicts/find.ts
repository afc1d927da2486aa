/**
 * Infeasibility explained: which hard rules cannot all hold, and for whom. Input: a department whose model
 * the engine proved infeasible (with its grid, demand and locked assignments). Output: conflicts, each an
 * irreducible set of one person's hard rules (and locked assignments) with both sides named.
 *
 * Why per person: coverage is never hard, and every hard rule but the department-wide ones (budget caps,
 * overstaffing and slot lines, fairness) has rows over one person's columns only, so the hard rules
 * split into one small model per person, and the department is infeasible exactly when one of those is
 * (or a department-wide rule is). A person's model solves in milliseconds, where the whole model made
 * elastic took the whole time limit and came back with an unconverged schedule's hundreds of breaks.
 *
 * Then, per infeasible person, a deletion filter over their hard rules: relax one (disable it for them)
 * and solve again; if still infeasible, leave it relaxed, else it is a side of the conflict. What is left
 * is irreducible: every rule kept holds the conflict in place (leave *and* the contract minimum, not
 * five leave days picked at random), whatever each rule's unit. A second conflict of the same person is
 * looked for with the first one's rules relaxed. Only feasibility is asked (every cost zero), so HiGHS
 * stops at its first schedule.
 */
import type { Assignment, Conflict, Demand, PlanningInput, RuleId, StaffMember, TimeGrid } from "../../models/index.js";
import { buildModel, type FrozenDates } from "../model/build.js";
import type { LinearModel } from "../model/linear-model.js";
import { SolverSession } from "../engines/run.js";
import type { ConflictSearchProgress } from "../engines/types.js";
import { RULES } from "../rules/index.js";
import { resolveRule } from "../rules/resolve.js";
import { describeConflict, GROUND } from "./describe.js";

/** A side of a conflict: a hard rule, or the person's locked assignments. */
export type ConflictPart = RuleId | "locked" | "history";

export interface ConflictSearchOptions {
  /** Seconds the whole search may take (default 60); tests not run by then leave the answer unproven. */
  timeLimitSeconds?: number;
  locked?: readonly Assignment[];
  /** Dates on which only locked assignments may be worked (part of the locked side of a conflict). */
  frozen?: FrozenDates;
  /** Aborting ends the search with what it has. */
  signal?: AbortSignal;
  /**
   * Look at each person's rules only, not at department-wide ones over the whole model: for a solve that
   * ended with no schedule and no proof, where only the small models can be afforded.
   */
  peopleOnly?: boolean;
  /** Called as the search moves on: before each person is checked, before each is narrowed, and before the department-wide step. */
  onProgress?: (progress: ConflictSearchProgress) => void;
}

export interface ConflictSearch {
  conflicts: Conflict[];
  /** Every person was checked and every conflict is proven irreducible. */
  complete: boolean;
  seconds: number;
}

/** Rules whose rows join several people's columns: left out of a person's model, looked at last. */
const DEPARTMENT_WIDE = new Set<RuleId>(["budget.cap", "coverage.floor-shortfall", "coverage.interval-shortfall", "coverage.interval-overstaffing", "coverage.slot-under", "coverage.slot-over", "fairness.weekends", "fairness.nights"]);

/**
 * The deletion filter tries the ground rules first, so they are dropped whenever another rule explains
 * the conflict as well: a manager acts on leave, contracts and locks, rarely on eligibility, overlap or rest.
 */
const RELAX_FIRST = GROUND;

type Verdict = "infeasible" | "feasible" | "unknown";

export async function explainInfeasibility(input: PlanningInput, grid: TimeGrid, demand: Demand, options: ConflictSearchOptions = {}): Promise<ConflictSearch> {
  const started = performance.now();
  const deadline = started + (options.timeLimitSeconds ?? 60) * 1000;
  const locked = options.locked ?? [];
  const hard = RULES.map((d) => resolveRule(d, input)).filter((r) => r.enabled && r.hard).map((r) => r.id);
  const personal = order(hard.filter((id) => !DEPARTMENT_WIDE.has(id)));
  const session = new SolverSession("highs");
  let complete = true;
  const report = (step: ConflictSearchProgress["step"], done: number, of: number): void => options.onProgress?.({ step, done, of });

  const test = async (model: LinearModel): Promise<Verdict> => {
    const seconds = (deadline - performance.now()) / 1000;
    if (seconds <= 0 || options.signal?.aborted) return "unknown";
    try {
      const result = await session.solve(feasibilityOnly(model), { timeLimitSeconds: seconds, relativeGap: 0, ...(options.signal ? { signal: options.signal } : {}) });
      return result.status === "infeasible" ? "infeasible" : result.values ? "feasible" : "unknown";
    } catch {
      // A worker that died (out of memory, say) proves nothing either way.
      return "unknown";
    }
  };
  const personTest = (member: StaffMember, relaxed: ReadonlySet<ConflictPart>): Promise<Verdict> => {
    const only: PlanningInput = { ...input, staff: [member], rules: rulesWith(input, (id) => !personal.includes(id) || relaxed.has(id)) };
    const pins = relaxed.has("locked") ? [] : locked.filter((a) => a.staff === member.id);
    // The shifts worked before the horizon are a side too (a weekly maximum they alone exceed).
    const days = relaxed.has("history") ? { ...grid, history: { ...grid.history, [member.id]: [] } } : grid;
    const built = buildModel(only, days, demand, pins, relaxed.has("locked") ? undefined : options.frozen);
    // A pin no column allows makes its own problem; treat it as proven infeasible, as the model would be.
    return built.lockProblems.length > 0 ? Promise.resolve("infeasible") : test(built.model);
  };

  /**
   * What the department-wide rules (budget caps, overstaffing and slot lines, fairness) add, over the
   * whole department (bigger models, so this may well end at the limit unproven). With no personal
   * conflict the whole is known infeasible, and department-wide rules are in it. With personal
   * conflicts, those people are left out (with their locks): what the others still cannot do together
   * is a second, department-wide conflict that fixing the personal ones would only bring to light. Not
   * needed when no department-wide rule is hard: the per-person split is then exact.
   */
  const departmentConflict = async (afterPersonal: boolean, unsettled: ReadonlySet<string>): Promise<Conflict | undefined> => {
    if (afterPersonal ? !hard.some((id) => DEPARTMENT_WIDE.has(id)) : !complete) return undefined;
    const staff = input.staff.filter((s) => !unsettled.has(s.id));
    if (staff.length === 0) return undefined;
    report("department", 0, 1);
    const rest: PlanningInput = { ...input, staff };
    const restLocked = locked.filter((a) => !unsettled.has(a.staff));
    const wholeTest = (relaxed: ReadonlySet<ConflictPart>): Promise<Verdict> => {
      const built = buildModel({ ...rest, rules: rulesWith(input, (id) => !hard.includes(id) || relaxed.has(id)) }, grid, demand, relaxed.has("locked") ? [] : restLocked, relaxed.has("locked") ? undefined : options.frozen);
      return built.lockProblems.length > 0 ? Promise.resolve("infeasible") : test(built.model);
    };
    if (afterPersonal) {
      const verdict = await wholeTest(new Set());
      if (verdict === "unknown") complete = false;
      if (verdict !== "infeasible") return undefined;
    }
    const parts: ConflictPart[] = [...order(hard), ...(restLocked.length > 0 || options.frozen !== undefined ? ["locked" as const] : [])];
    const found = await deletionFilter(parts, new Set(), wholeTest);
    complete &&= found.proven;
    return found.kept.length > 0 ? describeConflict(rest, undefined, found.kept, found.proven, restLocked) : undefined;
  };

  try {
    // First who: each person's hard rules alone, everything hard.
    const infeasible: StaffMember[] = [];
    const unsettled = new Set<string>();
    for (const [checked, member] of input.staff.entries()) {
      report("people", checked, input.staff.length);
      const verdict = await personTest(member, new Set());
      if (verdict === "infeasible") infeasible.push(member);
      if (verdict !== "feasible") unsettled.add(member.id);
      if (verdict === "unknown") complete = false;
    }
    // Then what: the deletion filter per person, a second conflict with the first one's sides relaxed.
    const conflicts: Conflict[] = [];
    for (const [narrowed, member] of infeasible.entries()) {
      report("narrowing", narrowed, infeasible.length);
      const parts: ConflictPart[] = [
        ...personal,
        ...(locked.some((a) => a.staff === member.id) || options.frozen !== undefined ? ["locked" as const] : []),
        ...((grid.history[member.id] ?? []).length > 0 ? ["history" as const] : []),
      ];
      const relaxedBefore = new Set<ConflictPart>();
      for (let round = 0; round < parts.length; round++) {
        if (round > 0 && (await personTest(member, relaxedBefore)) !== "infeasible") break;
        const found = await deletionFilter(parts, relaxedBefore, (relaxed) => personTest(member, relaxed));
        complete &&= found.proven;
        conflicts.push(describeConflict(input, member, found.kept, found.proven, locked));
        found.kept.forEach((part) => relaxedBefore.add(part));
        if (found.kept.length === 0) break;
      }
    }
    if (!options.peopleOnly) {
      const conflict = await departmentConflict(conflicts.length > 0, unsettled);
      if (conflict) conflicts.push(conflict);
    }
    return { conflicts, complete, seconds: (performance.now() - started) / 1000 };
  } finally {
    session.close();
  }
}

/**
 * Relax each part in turn (on top of `relaxedBefore`): a part whose relaxation leaves the model
 * infeasible stays relaxed; one whose relaxation allows a schedule is kept as a side of the conflict. A
 * test that ends without an answer keeps its part too (the set stays infeasible, maybe not minimal).
 */
async function deletionFilter(parts: readonly ConflictPart[], relaxedBefore: ReadonlySet<ConflictPart>, test: (relaxed: ReadonlySet<ConflictPart>) => Promise<Verdict>): Promise<{ kept: ConflictPart[]; proven: boolean }> {
  const relaxed = new Set(relaxedBefore);
  const kept: ConflictPart[] = [];
  let proven = true;
  for (const part of parts) {
    if (relaxed.has(part)) continue;
    const verdict = await test(new Set([...relaxed, part]));
    if (verdict === "infeasible") relaxed.add(part);
    else {
      kept.push(part);
      if (verdict === "unknown") proven = false;
    }
  }
  return { kept, proven };
}

/** The rules with every soft rule and every rule `off` says disabled: only the hard rows matter here. */
function rulesWith(input: PlanningInput, off: (id: RuleId) => boolean): PlanningInput["rules"] {
  const rules: PlanningInput["rules"] = { ...input.rules };
  for (const definition of RULES) {
    const rule = resolveRule(definition, input);
    if (rule.enabled && (!rule.hard || off(definition.id))) rules[definition.id] = { ...(input.rules[definition.id] ?? { params: {} }), enabled: false };
  }
  return rules;
}

/** RELAX_FIRST first, then registry order, locks last. */
function order<T extends ConflictPart>(parts: readonly T[]): T[] {
  const rank = (part: ConflictPart): number => (part === "locked" || part === "history" ? Infinity : RELAX_FIRST.includes(part) ? RELAX_FIRST.indexOf(part) - RELAX_FIRST.length : RULES.findIndex((r) => r.id === part));
  return [...parts].sort((a, b) => rank(a) - rank(b));
}

/** The same rows and bounds with no objective: the engine stops at its first schedule. */
function feasibilityOnly(model: LinearModel): LinearModel {
  return { ...model, colCost: new Float64Array(model.numCols), offset: 0 };
}
