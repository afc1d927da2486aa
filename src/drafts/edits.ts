/**
 * Manual edits of a draft schedule, applied in order: move an assignment (to another date, template or
 * person), swap what two people work on a date, lock, unlock or remove an assignment. An edit naming an assignment
 * that is not there is a problem at `edits[i]`; whether the result keeps the rules is the checker's call,
 * whose problems name the edited schedule's assignments and are mapped back here to the edit that made
 * each one (`atEdits`), as the manager sent it. Rules of the schedule, not of HTTP: the route
 * (api/routes/schedules.ts) maps a refusal to a 400, and api/schemas.ts's `EditSchema` is an edit's body.
 */
import type { Assignment, Parsed, Problem } from "../../models/index.js";

/** One assignment of a draft, as an edit names it. */
type Slot = { staff: string; date: string; template: string };
type SlotField = keyof Slot;

/** A manual edit of a draft, applied in order (its HTTP form is api/schemas.ts's `EditSchema`). */
export type Edit =
  | { op: "move"; from: Slot; to: Partial<Slot> }
  | { op: "swap"; date: string; staff: [string, string] }
  | ({ op: "lock" | "unlock" | "remove" } & Slot);

/**
 * Where an edited assignment came from: the path of the edit's field that set each of its fields, and of
 * the edit that last put it in its slot. Absent for what is as stored.
 */
export interface EditOrigin {
  fields: Partial<Record<SlotField, string>>;
  slot?: string;
}

/** The draft's assignments after the edits, and where each came from (same order). */
export interface EditedAssignments {
  assignments: Assignment[];
  origins: EditOrigin[];
}

const same = (a: Assignment, s: Slot): boolean => a.staff === s.staff && a.date === s.date && a.template === s.template;
const describe = (s: Slot): string => `${s.staff} on ${s.date} (${s.template})`;

export function applyEdits(assignments: readonly Assignment[], edits: readonly Edit[]): Parsed<EditedAssignments> {
  let current = [...assignments];
  let origins: EditOrigin[] = current.map(() => ({ fields: {} }));
  const problems: Problem[] = [];
  edits.forEach((edit, i) => {
    const missing = (slot: Slot): void => {
      problems.push({ path: `edits[${i}]`, message: `there is no assignment of ${describe(slot)}` });
    };
    switch (edit.op) {
      case "move": {
        const at = current.findIndex((a) => same(a, edit.from));
        if (at < 0) return missing(edit.from);
        current[at] = { ...current[at]!, ...edit.to };
        const fields = { ...origins[at]!.fields };
        for (const field of Object.keys(edit.to) as SlotField[]) fields[field] = `edits[${i}].to.${field}`;
        origins[at] = { fields, slot: `edits[${i}].to` };
        return;
      }
      case "swap": {
        const [first, second] = edit.staff;
        if (first === second) {
          problems.push({ path: `edits[${i}].staff`, message: "must name two different people", value: first });
          return;
        }
        if (!current.some((a) => a.date === edit.date && (a.staff === first || a.staff === second))) {
          problems.push({ path: `edits[${i}]`, message: `neither ${first} nor ${second} works on ${edit.date}` });
          return;
        }
        origins = origins.map((origin, k) => {
          const a = current[k]!;
          if (a.date !== edit.date || (a.staff !== first && a.staff !== second)) return origin;
          return { fields: { ...origin.fields, staff: `edits[${i}].staff[${a.staff === first ? 1 : 0}]` }, slot: `edits[${i}]` };
        });
        current = current.map((a) => (a.date !== edit.date ? a : a.staff === first ? { ...a, staff: second } : a.staff === second ? { ...a, staff: first } : a));
        return;
      }
      case "lock":
      case "unlock": {
        const at = current.findIndex((a) => same(a, edit));
        if (at < 0) return missing(edit);
        current[at] = { ...current[at]!, locked: edit.op === "lock" };
        return;
      }
      case "remove": {
        const at = current.findIndex((a) => same(a, edit));
        if (at < 0) return missing(edit);
        current.splice(at, 1);
        origins.splice(at, 1);
        return;
      }
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { assignments: current, origins } };
}

/**
 * The checker's problems with the edited assignments (`assignments[k].staff`, `assignments[k]`), each at
 * the field of the edit that made it (`edits[i].to.staff`, `edits[i].to`), and any other assignment a
 * message names as the edit that made it or as one of the draft. A row the draft had, said to repeat a
 * row an edit made (the same shift twice), is that edit's problem. A problem of what no edit touched
 * keeps its path.
 */
export function atEdits(problems: readonly Problem[], origins: readonly EditOrigin[]): Problem[] {
  const row = /^assignments\[(\d+)\](?:\.(staff|date|template))?$/;
  const mentioned = /assignments\[(\d+)\]/g;
  const named = (k: number): string => origins[k]?.slot ?? "an assignment of the draft";
  return problems.map((problem) => {
    const match = row.exec(problem.path);
    if (!match) return problem;
    const k = Number(match[1]);
    const field = match[2] as SlotField | undefined;
    const origin = origins[k];
    const path = (field && origin?.fields[field]) ?? origin?.slot;
    if (path !== undefined) return { ...problem, path, message: problem.message.replace(mentioned, (_m, n: string) => named(Number(n))) };
    const other = field ? undefined : [...problem.message.matchAll(mentioned)].map((m) => Number(m[1])).find((n) => origins[n]?.slot !== undefined);
    if (other === undefined) return problem;
    return { ...problem, path: origins[other]!.slot!, message: problem.message.replace(mentioned, (_m, n: string) => (Number(n) === other ? named(k) : named(Number(n)))) };
  });
}
