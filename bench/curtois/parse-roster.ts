/**
 * Curtois–Qu roster reader. Input: the text of a `solutions/*.roster` file, XML of the shape
 *   <Roster …> <SchedulingPeriodFile>…</SchedulingPeriodFile> [<Penalty>P</Penalty> …]
 *     <Employee ID="A"><Assign><Day>1</Day><Shift>D</Shift></Assign>…</Employee>…
 *     [<Violations>…</Violations>]
 *   </Roster>
 * Output: the assignments {employee, day, shift}, or problems naming their line. saxes, a strict SAX parser,
 * decodes the text and refuses what is not well-formed XML (a tag left open or closed out of turn, an undefined
 * entity, a second root); its events are built into a small tree here, and anything in an `<Employee>` or
 * `<Assign>` that is not an assignment is a problem too — a roster is judged as written or not at all, never
 * with a part guessed or dropped. The optional `<Violations>` block (instance 8's file) repeats `<Employee>`
 * elements that hold no assignment; it is skipped, as are the other descriptive children of `<Roster>`
 * (`<DateFound>`, `<CpuTime>`, …).
 * Whether the ids and days exist in the instance is the evaluator's question, not this one's.
 */
import { SaxesParser } from "saxes";
import type { CurtoisParsed } from "./instance.js";

export interface RosterAssignment {
  employee: string;
  /** 0-based day. */
  day: number;
  shift: string;
}

export interface CurtoisRoster {
  assignments: RosterAssignment[];
  /** Employees the file lists, in file order, including those with no assignment. */
  employees: string[];
  /** The `<SchedulingPeriodFile>` the roster names, when it does. */
  schedulingPeriodFile?: string;
  /** The `<Penalty>` the file states for itself, when it does (instance 8's file). */
  statedPenalty?: number;
}

export type RosterProblemCode = "not-a-roster" | "malformed" | "bad-assign" | "not-an-integer";

export interface RosterProblem {
  code: RosterProblemCode;
  line?: number;
  message: string;
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  line: number;
  children: XmlElement[];
  /** Character data directly inside the element (CDATA included), decoded, with the line of its first non-blank part. */
  text: string;
  textLine?: number;
}

/** The document's top-level elements and the first well-formedness problem saxes or a tag closed out of turn gives, if any. */
function readElements(xml: string): { roots: XmlElement[]; problem?: RosterProblem } {
  const parser = new SaxesParser();
  const root: XmlElement = { name: "", attributes: {}, line: 1, children: [], text: "" };
  const stack: XmlElement[] = [root];
  let problem: RosterProblem | undefined;
  let tagLine = 1;
  parser.on("opentagstart", () => (tagLine = parser.line));
  parser.on("opentag", ({ name, attributes, isSelfClosing }) => {
    const element: XmlElement = { name, attributes, line: tagLine, children: [], text: "" };
    stack.at(-1)!.children.push(element);
    if (!isSelfClosing) stack.push(element);
  });
  parser.on("closetag", ({ isSelfClosing }) => {
    if (isSelfClosing) return;
    const element = stack.pop()!;
    // saxes says only "unexpected close tag" for a tag closed out of turn: name it and the one it closes.
    const end = parser.position - 1;
    const closer = xml.slice(xml.lastIndexOf("</", end) + 2, end).trim();
    if (closer !== element.name) problem ??= { code: "malformed", line: parser.line, message: `</${closer}> closes <${element.name}> (opened on line ${element.line})` };
  });
  // Text and CDATA arrive where they end: their first non-blank part is as many lines up as newlines follow it
  // (a newline written `&#10;` counts too, and moves the line named up by one).
  const addText = (text: string): void => {
    const top = stack.at(-1)!;
    if (top.textLine === undefined && text.trim() !== "") top.textLine = parser.line - (text.trimStart().match(/\n/g)?.length ?? 0);
    top.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  let atEnd = false;
  parser.on("error", (error) => {
    if (problem) return; // saxes goes on after an error, but what it reads then is not to be trusted
    const open = stack.at(-1)!;
    const got = xml.slice(0, parser.position).match(/<?[^<\r\n]*$/)![0].trim().slice(-40);
    // At the end saxes names a tag left open but not its line, which a comment, CDATA or "&" left open also leads to.
    const message = atEnd && open !== root ? `<${open.name}> opened on line ${open.line} is never closed` : `${error.message.replace(/^\d+:\d+: /, "")}${got === "" ? "" : ` (got "${got}")`}`;
    problem = { code: "malformed", line: parser.line, message };
  });
  parser.write(xml);
  atEnd = true;
  parser.close();
  // saxes finds text outside the root where the text ends; the root's own text knows where it starts.
  if (root.textLine !== undefined && root.textLine < (problem?.line ?? Infinity)) problem = { code: "malformed", line: root.textLine, message: "text outside the <Roster> element" };
  return { roots: root.children, problem };
}

export function parseCurtoisRoster(xml: string): CurtoisParsed<CurtoisRoster, RosterProblem> {
  const { roots, problem } = readElements(xml);
  const rosterElement = roots[0];
  // A text with no element at all is no roster, whatever else saxes finds wrong with it.
  if (problem && rosterElement) return { ok: false, problems: [problem] };
  if (rosterElement?.name !== "Roster") {
    const got = rosterElement ? `the document's element is <${rosterElement.name}>` : "the text holds no element";
    return { ok: false, problems: [{ code: "not-a-roster", message: `no <Roster> … </Roster> element (${got})` }] };
  }

  const problems: RosterProblem[] = [];
  const roster: CurtoisRoster = { assignments: [], employees: [] };
  /** Text directly inside an element where only elements belong. */
  const strayText = (element: XmlElement, where: string): void => {
    if (element.textLine !== undefined) problems.push({ code: "malformed", line: element.textLine, message: `text in ${where} (got "${element.text.trim().slice(0, 40)}")` });
  };
  strayText(rosterElement, "<Roster>");
  /** <Employee> and <Assign> elements where the reader would not look for them (in <Violations> they repeat, unread), in file order; a loop, not recursion, so that no depth overflows the stack. */
  const misplaced = (top: XmlElement): void => {
    const pending = [{ element: top, parent: "Roster" }];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const { element, parent } = next;
      if (element.name === "Employee" || element.name === "Assign") {
        problems.push({ code: "malformed", line: element.line, message: `<${element.name}> in <${parent}>: <Employee> elements belong directly in <Roster>, <Assign> elements in an <Employee>` });
      } else if (element.name !== "Violations") {
        for (const child of [...element.children].reverse()) pending.push({ element: child, parent: element.name });
      }
    }
  };
  for (const child of rosterElement.children) {
    if (child.name === "SchedulingPeriodFile") roster.schedulingPeriodFile = child.text.trim();
    else if (child.name === "Penalty" && /^\s*\d+\s*$/.test(child.text)) roster.statedPenalty = Number(child.text);
    if (child.name !== "Employee") {
      misplaced(child);
      continue;
    }
    const employee = child.attributes.ID;
    if (employee === undefined || employee === "") {
      problems.push({ code: "malformed", line: child.line, message: '<Employee> needs an ID attribute (ID="…", case-sensitive)' });
      continue;
    }
    roster.employees.push(employee);
    strayText(child, `<Employee ID="${employee}">`);
    for (const assign of child.children) {
      if (assign.name !== "Assign") {
        problems.push({ code: "malformed", line: assign.line, message: `<${assign.name}> in <Employee ID="${employee}">: only <Assign> elements belong there` });
        continue;
      }
      strayText(assign, `an <Assign> of employee ${employee}`);
      const parts = (name: string): XmlElement[] => assign.children.filter((c) => c.name === name);
      const [day, shift] = [parts("Day"), parts("Shift")];
      const other = assign.children.find((c) => c.name !== "Day" && c.name !== "Shift");
      if (day.length !== 1 || shift.length !== 1 || other) {
        const got = assign.children.map((c) => `<${c.name}>`).join("") || "nothing";
        problems.push({ code: "bad-assign", line: assign.line, message: `an <Assign> of employee ${employee} holds one <Day> and one <Shift> (got ${got})` });
        continue;
      }
      const dayText = day[0]!.text.trim();
      const shiftId = shift[0]!.text.trim();
      if (!/^\d+$/.test(dayText)) {
        problems.push({ code: "not-an-integer", line: day[0]!.line, message: `<Day> of employee ${employee} must be a whole number (got "${dayText}")` });
        continue;
      }
      if (shiftId === "" || day[0]!.children.length > 0 || shift[0]!.children.length > 0) {
        problems.push({ code: "bad-assign", line: assign.line, message: `an <Assign> of employee ${employee} needs a day number and a shift id as text` });
        continue;
      }
      roster.assignments.push({ employee, day: Number(dayText), shift: shiftId });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: roster };
}
