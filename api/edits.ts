/**
 * Manual edits of a draft schedule, applied in order: move an assignment (to another date, template or
 * person), swap what two people work on a date, lock, unlock or remove an assignment. An edit naming an assignment
 * that is not there is a problem at `edits[i]`; whether the result keeps the rules is the checker's call.
 */
import type { Assignment, Parsed, Problem } from "../models/index.js";
import type { Edit } from "./schemas.js";

type Slot = { staff: string; date: string; template: string };

const same = (a: Assignment, s: Slot): boolean => a.staff === s.staff && a.date === s.date && a.template === s.template;
const describe = (s: Slot): string => `${s.staff} on ${s.date} (${s.template})`;

export function applyEdits(assignments: readonly Assignment[], edits: readonly Edit[]): Parsed<Assignment[]> {
  let current = [...assignments];
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
        return;
      }
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: current };
}
