/**
 * Generates data/demo/department.yaml, the bundled demo department (Riverside General Hospital,
 * November 2026). Deterministic: no randomness, no clock; running it twice gives the same bytes.
 *
 *   npx tsx data/demo/generate.ts        (from the repository root)
 *
 * Every figure is explained in data/demo/README.md. Edit the tables here, regenerate, commit both files.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import type { PlanningInputFile } from "../../models/index.js";

type File = PlanningInputFile;
type StaffFile = File["staff"][number];
type TemplateFile = File["shiftTemplates"][number];
type RequestFile = NonNullable<StaffFile["requests"]>[number];

const HORIZON = { start: "2026-11-01", end: "2026-11-30" };
const THANKSGIVING = "2026-11-26";
const DAY_AFTER_THANKSGIVING = "2026-11-27";

/** Every date of the horizon with its ISO weekday (1 = Monday … 7 = Sunday); 2026-11-01 is a Sunday. */
const DATES: { date: string; weekday: number }[] = Array.from({ length: 30 }, (_, i) => ({
  date: `2026-11-${String(i + 1).padStart(2, "0")}`,
  weekday: ((i + 6) % 7) + 1,
}));
const WEEKEND_DATES = DATES.filter((d) => d.weekday >= 6).map((d) => d.date);

// ---------------------------------------------------------------------------------------------------
// Shift templates. Breaks: 30 min unpaid on every shift except the lone night pharmacist, who cannot leave.
// ---------------------------------------------------------------------------------------------------

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];
const rphPay = (night: boolean) => [
  ...(night ? [{ kind: "night" as const, dollarsPerHour: 7 }] : []),
  { kind: "weekend" as const, dollarsPerHour: 3 },
  { kind: "holiday" as const, dollarsPerHour: 10 },
];
const techPay = (night: boolean) => [
  ...(night ? [{ kind: "night" as const, dollarsPerHour: 4 }] : []),
  { kind: "weekend" as const, dollarsPerHour: 2 },
  { kind: "holiday" as const, dollarsPerHour: 5 },
];

const TEMPLATES: TemplateFile[] = [
  // Pharmacists: central order verification around the clock, clinical pharmacists on the units by day.
  { id: "RPH-D8", name: "Central pharmacist, day", area: "central", start: "07:00", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "pharmacist", requiredSkills: ["order-verification"], differentials: rphPay(false) },
  { id: "RPH-E8", name: "Central pharmacist, evening", area: "central", start: "15:00", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "pharmacist", requiredSkills: ["order-verification"], differentials: rphPay(false) },
  { id: "RPH-N8", name: "Central pharmacist, night", area: "central", start: "23:00", lengthMinutes: 480, unpaidBreakMinutes: 0, roleFamily: "pharmacist", requiredSkills: ["order-verification"], night: true, differentials: rphPay(true) },
  { id: "RPH-CL10", name: "Clinical pharmacist, day (10 h)", area: "clinical", start: "08:00", lengthMinutes: 600, unpaidBreakMinutes: 30, roleFamily: "pharmacist", requiredSkills: ["order-verification", "clinical"], differentials: rphPay(false) },
  { id: "ED10", name: "ED satellite pharmacist (10 h)", area: "ed-satellite", start: "10:00", lengthMinutes: 600, unpaidBreakMinutes: 30, roleFamily: "pharmacist", requiredSkills: ["order-verification"], differentials: rphPay(false) },
  { id: "ED12", name: "ED satellite pharmacist (12 h)", area: "ed-satellite", start: "10:00", lengthMinutes: 720, unpaidBreakMinutes: 30, roleFamily: "pharmacist", requiredSkills: ["order-verification"], differentials: rphPay(false) },
  // Technicians, central pharmacy: 12-hour day/night pairs plus 8-hour shifts for the 8/80 and part-time staff.
  { id: "TEC-D12", name: "Central technician, day (12 h)", area: "central", start: "07:00", lengthMinutes: 720, unpaidBreakMinutes: 30, roleFamily: "technician", differentials: techPay(false) },
  { id: "TEC-N12", name: "Central technician, night (12 h)", area: "central", start: "19:00", lengthMinutes: 720, unpaidBreakMinutes: 30, roleFamily: "technician", night: true, differentials: techPay(true) },
  { id: "TEC-D8", name: "Central technician, day (8 h)", area: "central", start: "07:00", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "technician", differentials: techPay(false) },
  { id: "TEC-E8", name: "Central technician, evening (8 h)", area: "central", start: "15:00", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "technician", differentials: techPay(false) },
  { id: "AUTO-D8", name: "Automation technician (carousel, ADC restock)", area: "central", start: "06:00", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "technician", requiredSkills: ["automation"], weekdays: WEEKDAYS, differentials: techPay(false) },
  // IV room (USP <797>): three overlapping 10-hour shifts.
  { id: "IV-D10", name: "IV room technician, day (10 h)", area: "iv-room", start: "06:00", lengthMinutes: 600, unpaidBreakMinutes: 30, roleFamily: "technician", requiredSkills: ["sterile-compounding"], differentials: techPay(false) },
  { id: "IV-E10", name: "IV room technician, evening (10 h)", area: "iv-room", start: "14:00", lengthMinutes: 600, unpaidBreakMinutes: 30, roleFamily: "technician", requiredSkills: ["sterile-compounding"], differentials: techPay(false) },
  { id: "IV-N10", name: "IV room technician, night (10 h)", area: "iv-room", start: "20:00", lengthMinutes: 600, unpaidBreakMinutes: 30, roleFamily: "technician", requiredSkills: ["sterile-compounding"], night: true, differentials: techPay(true) },
  // Hazardous compounding (USP <800>): weekday chemotherapy for the infusion center, a short weekend shift.
  { id: "HAZ-D8", name: "Hazardous compounding technician, weekday", area: "hazardous", start: "07:00", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "technician", requiredSkills: ["sterile-compounding", "hazardous-compounding"], weekdays: WEEKDAYS, differentials: techPay(false) },
  { id: "HAZ-WE8", name: "Hazardous compounding technician, weekend", area: "hazardous", start: "08:00", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "technician", requiredSkills: ["sterile-compounding", "hazardous-compounding"], weekdays: WEEKEND, differentials: techPay(false) },
  // ED satellite technician: medication histories for patients being admitted.
  { id: "ED-T12", name: "ED satellite technician, medication histories (12 h)", area: "ed-satellite", start: "10:00", lengthMinutes: 720, unpaidBreakMinutes: 30, roleFamily: "technician", differentials: techPay(false) },
  // OR satellite: anesthesia trays and controlled-substance kits on surgical weekdays.
  { id: "OR-D8", name: "OR satellite technician", area: "or-satellite", start: "06:30", lengthMinutes: 510, unpaidBreakMinutes: 30, roleFamily: "technician", requiredSkills: ["controlled-substances"], weekdays: WEEKDAYS, differentials: techPay(false) },
];

// ---------------------------------------------------------------------------------------------------
// Staff. Columns: id, name, level, FTE, hourly rate, overtime rule, employment, extra skills.
// ---------------------------------------------------------------------------------------------------

type Row = [id: string, name: string, level: string, fte: number, rate: number, ot: "weekly40" | "8/80", extra?: string[], employment?: "staff" | "prn"];
const STERILE = ["sterile-compounding"];
const HAZ = ["sterile-compounding", "hazardous-compounding"];

const ROWS: Row[] = [
  // Staff pharmacists
  ["rph01", "Maria Alvarez", "rph", 1.0, 68.5, "weekly40"],
  ["rph02", "David Chen", "rph", 1.0, 67.0, "weekly40"],
  ["rph03", "Priya Natarajan", "rph", 1.0, 66.25, "weekly40"],
  ["rph04", "James O'Connor", "rph", 1.0, 69.0, "8/80"],
  ["rph05", "Aisha Bello", "rph", 1.0, 65.75, "8/80"],
  ["rph06", "Tomás Rivera", "rph", 1.0, 64.5, "8/80"],
  ["rph07", "Hannah Kowalski", "rph", 1.0, 63.75, "weekly40"],
  ["rph08", "Samuel Okafor", "rph", 0.9, 66.0, "weekly40"],
  ["rph09", "Emily Tran", "rph", 0.9, 62.5, "8/80"],
  ["rph10", "Robert Haines", "rph", 0.8, 70.0, "weekly40"],
  ["rph11", "Grace Liu", "rph", 0.6, 63.0, "weekly40"],
  ["rph12", "Michael Brennan", "rph", 0.5, 62.0, "weekly40"],
  ["rph13", "Olivia Park", "rph", 0, 72.0, "weekly40", [], "prn"],
  // Clinical pharmacists
  ["clin01", "Sarah Goldberg", "rph-clin", 1.0, 71.5, "weekly40"],
  ["clin02", "Kevin Mensah", "rph-clin", 1.0, 70.25, "weekly40"],
  ["clin03", "Rachel Duarte", "rph-clin", 1.0, 69.75, "weekly40"],
  ["clin04", "Anthony Russo", "rph-clin", 1.0, 70.0, "weekly40"],
  ["clin05", "Nadia Haddad", "rph-clin", 1.0, 68.75, "weekly40"],
  ["clin06", "Benjamin Whitaker", "rph-clin", 0.9, 69.0, "weekly40"],
  ["clin07", "Lauren Fitzgerald", "rph-clin", 0.8, 68.0, "weekly40"],
  // Technician I
  ["tech01", "Jordan Ellis", "tech1", 1.0, 20.5, "weekly40"],
  ["tech02", "Marcus Bell", "tech1", 1.0, 21.0, "8/80"],
  ["tech03", "Destiny Howard", "tech1", 0.6, 20.25, "weekly40"],
  ["tech04", "Kyle Nguyen", "tech1", 0.8, 21.5, "weekly40"],
  ["tech05", "Brianna Scott", "tech1", 0.8, 20.0, "8/80"],
  ["tech06", "Luis Ortega", "tech1", 0.6, 20.75, "weekly40"],
  ["tech07", "Hailey Morgan", "tech1", 0.5, 20.0, "weekly40"],
  ["tech08", "Tyler Brooks", "tech1", 0, 23.0, "weekly40", [], "prn"],
  // Technician II
  ["tech09", "Camila Reyes", "tech2", 1.0, 24.5, "weekly40", STERILE],
  ["tech10", "Andre Jackson", "tech2", 0.9, 23.75, "weekly40"],
  ["tech11", "Megan Walsh", "tech2", 1.0, 24.0, "8/80"],
  ["tech12", "Darnell Price", "tech2", 1.0, 25.0, "weekly40", STERILE],
  ["tech13", "Sofia Petrova", "tech2", 0.8, 23.5, "weekly40"],
  ["tech14", "Ethan Cole", "tech2", 1.0, 24.25, "weekly40", HAZ],
  ["tech15", "Yasmin Farouk", "tech2", 0.9, 23.25, "8/80"],
  ["tech16", "Ryan Murphy", "tech2", 0.9, 24.0, "weekly40", STERILE],
  ["tech17", "Alyssa King", "tech2", 0.8, 23.0, "weekly40"],
  ["tech18", "Victor Salazar", "tech2", 0.5, 23.5, "weekly40"],
  ["tech19", "Nicole Turner", "tech2", 0, 26.0, "weekly40", STERILE, "prn"],
  // Technician III
  ["tech20", "Patricia Gomez", "tech3", 1.0, 27.5, "weekly40", HAZ],
  ["tech21", "William Harris", "tech3", 1.0, 26.75, "weekly40", STERILE],
  ["tech22", "Imani Washington", "tech3", 1.0, 28.0, "weekly40", HAZ],
  ["tech23", "Connor Bradley", "tech3", 1.0, 26.5, "8/80", ["automation"]],
  ["tech24", "Elena Vasquez", "tech3", 0.9, 27.0, "weekly40"],
  ["tech25", "Daniel Kim", "tech3", 0.9, 26.25, "weekly40", STERILE],
  ["tech26", "Rebecca Stone", "tech3", 0.8, 28.5, "weekly40"],
  // IV-room specialists
  ["iv01", "Gabriel Moreno", "tech-iv", 1.0, 29.5, "weekly40", ["hazardous-compounding"]],
  ["iv02", "Tanya Richardson", "tech-iv", 1.0, 28.25, "weekly40", ["hazardous-compounding"]],
  ["iv03", "Hassan Ali", "tech-iv", 1.0, 27.75, "weekly40"],
  ["iv04", "Chloe Bennett", "tech-iv", 0.8, 28.0, "weekly40"],
  ["iv05", "Oscar Delgado", "tech-iv", 1.0, 30.0, "weekly40", ["hazardous-compounding"]],
  ["iv06", "Jasmine Wright", "tech-iv", 0.9, 27.5, "weekly40"],
  ["iv07", "Peter Lindqvist", "tech-iv", 0.6, 27.0, "weekly40"],
  // Automation specialists
  ["auto01", "Kenji Watanabe", "tech-auto", 1.0, 29.0, "weekly40"],
  ["auto02", "Monique Dubois", "tech-auto", 1.0, 28.5, "weekly40"],
  ["auto03", "Frank Russo", "tech-auto", 0.8, 27.5, "8/80"],
];

/** Approved leave (hard). */
const LEAVE: Record<string, { start: string; end: string; reason: string }[]> = {
  rph03: [{ start: "2026-11-23", end: "2026-11-29", reason: "vacation (Thanksgiving week)" }],
  clin02: [{ start: "2026-11-02", end: "2026-11-04", reason: "continuing-education conference" }],
  rph10: [{ start: "2026-11-14", end: "2026-11-15", reason: "family event" }],
  iv04: [{ start: "2026-11-09", end: "2026-11-13", reason: "vacation" }],
  tech13: [{ start: "2026-11-16", end: "2026-11-20", reason: "medical leave" }],
  tech03: [{ start: "2026-11-26", end: "2026-11-27", reason: "holiday (Thanksgiving)" }],
  auto02: [{ start: "2026-11-30", end: "2026-11-30", reason: "jury duty" }],
};

/** Weighted requests (soft); weight 1 = nice to have … 5 = matters a lot. */
const REQUESTS: Record<string, RequestFile[]> = {
  rph01: [{ kind: "day-off", date: "2026-11-20", weight: 3 }],
  rph02: [{ kind: "shift-off", date: "2026-11-26", template: "RPH-D8", weight: 4 }],
  rph06: [{ kind: "shift-on", date: "2026-11-11", template: "RPH-D8", weight: 2 }],
  rph07: [{ kind: "day-off", date: "2026-11-05", weight: 2 }, { kind: "day-off", date: "2026-11-06", weight: 2 }],
  rph11: [{ kind: "shift-on", date: "2026-11-26", template: "RPH-E8", weight: 3 }],
  clin01: [{ kind: "day-off", date: "2026-11-25", weight: 4 }],
  clin04: [{ kind: "day-off", date: "2026-11-13", weight: 2 }],
  clin07: [{ kind: "shift-on", date: "2026-11-19", template: "RPH-CL10", weight: 1 }],
  tech01: [{ kind: "day-off", date: "2026-11-11", weight: 2 }],
  tech04: [{ kind: "shift-off", date: "2026-11-26", template: "TEC-N12", weight: 3 }],
  tech10: [{ kind: "day-off", date: "2026-11-20", weight: 5 }],
  tech11: [{ kind: "day-off", date: "2026-11-09", weight: 2 }, { kind: "day-off", date: "2026-11-10", weight: 2 }],
  tech12: [{ kind: "shift-on", date: "2026-11-10", template: "IV-E10", weight: 2 }],
  tech17: [{ kind: "shift-off", date: "2026-11-14", template: "TEC-N12", weight: 2 }],
  tech21: [{ kind: "day-off", date: "2026-11-26", weight: 4 }],
  tech24: [{ kind: "shift-on", date: "2026-11-27", template: "TEC-D12", weight: 2 }],
  iv02: [{ kind: "day-off", date: "2026-11-18", weight: 3 }],
  iv06: [{ kind: "shift-off", date: "2026-11-12", template: "IV-N10", weight: 2 }],
  auto01: [{ kind: "day-off", date: "2026-11-02", weight: 1 }],
  tech22: [{ kind: "shift-on", date: "2026-11-16", template: "HAZ-D8", weight: 2 }],
};

/** Shifts worked 2026-10-29 … 10-31 (the end of the October schedule). */
const HISTORY: Record<string, { date: string; template: string }[]> = {
  rph04: [{ date: "2026-10-30", template: "RPH-N8" }, { date: "2026-10-31", template: "RPH-N8" }],
  rph01: [{ date: "2026-10-29", template: "RPH-D8" }, { date: "2026-10-30", template: "RPH-D8" }, { date: "2026-10-31", template: "RPH-D8" }],
  rph07: [{ date: "2026-10-30", template: "RPH-E8" }, { date: "2026-10-31", template: "RPH-E8" }],
  clin05: [{ date: "2026-10-29", template: "RPH-CL10" }, { date: "2026-10-30", template: "RPH-CL10" }],
  rph08: [{ date: "2026-10-31", template: "ED12" }],
  tech02: [{ date: "2026-10-29", template: "TEC-D8" }, { date: "2026-10-30", template: "TEC-D8" }, { date: "2026-10-31", template: "TEC-D8" }],
  tech10: [{ date: "2026-10-30", template: "TEC-N12" }, { date: "2026-10-31", template: "TEC-N12" }],
  tech24: [{ date: "2026-10-31", template: "TEC-N12" }],
  tech21: [{ date: "2026-10-29", template: "TEC-D12" }, { date: "2026-10-31", template: "TEC-D12" }],
  iv01: [{ date: "2026-10-29", template: "IV-D10" }, { date: "2026-10-30", template: "IV-D10" }, { date: "2026-10-31", template: "IV-D10" }],
  iv03: [{ date: "2026-10-30", template: "IV-N10" }, { date: "2026-10-31", template: "IV-N10" }],
  tech12: [{ date: "2026-10-31", template: "IV-E10" }],
  tech20: [{ date: "2026-10-31", template: "HAZ-WE8" }],
};

/** Per-person limits (accommodations and PRN agreements). */
const CONTRACTS: Record<string, NonNullable<StaffFile["contract"]>> = {
  rph12: { maxHoursPerWeek: 24 },
  rph13: { maxHoursPerPayPeriod: 48 },
  tech08: { maxHoursPerPayPeriod: 36 },
  tech19: { maxHoursPerPayPeriod: 40 },
  clin03: { maxShiftsPerTemplate: { "RPH-N8": 0 } },
  tech26: { maxConsecutiveNights: 2 },
};

const STAFF: StaffFile[] = ROWS.map(([id, name, level, fte, hourlyRate, overtimeRule, extra, employment]) => {
  const member: StaffFile = { id, name, level, fte, hourlyRate, overtimeRule };
  if (employment === "prn") member.employment = "prn";
  if (extra && extra.length > 0) member.skills = extra;
  if (CONTRACTS[id]) member.contract = CONTRACTS[id];
  if (LEAVE[id]) member.leave = LEAVE[id];
  if (REQUESTS[id]) member.requests = REQUESTS[id];
  if (HISTORY[id]) member.history = HISTORY[id];
  return member;
});

// ---------------------------------------------------------------------------------------------------
// Workload: hour-of-week profiles (Monday 00:00 first) × daily volume.
// ---------------------------------------------------------------------------------------------------

/**
 * Units due per local hour on a typical weekday: peaks at the standard administration times 09, 13, 17
 * and 21, smaller ones at 06 and 00, a quiet small hours.
 */
const ADMIN_TIMES_DAY = [6, 2, 1.5, 1.5, 1.5, 2.5, 7, 3, 4, 14, 6, 4, 5, 11, 4, 4, 5, 11, 4, 3, 4, 10, 3, 2.5];
/** Weekend: same times, lower and flatter (fewer admissions, discharges and new orders). */
const ADMIN_TIMES_WEEKEND = [4, 1.5, 1, 1, 1, 2, 4.5, 2, 3, 8.5, 4, 3, 3.5, 7, 3, 3, 3.5, 7, 3, 2, 3, 6, 2, 1.5];
/** Order verification follows the administration times, plus the post-rounds surge 10–12 on weekdays. */
const ORDERS_DAY = ADMIN_TIMES_DAY.map((w, h) => w + (h >= 10 && h <= 12 ? 4 : 0));
/** ED orders due 11:00–22:00: the satellite's hours (the rest of the ED's orders go to central). */
const ED_DAY = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 7, 8, 9, 9, 10, 10, 10, 9, 8, 7, 6, 0];
/** Chemotherapy due at infusion-center chair times on weekdays, inpatient chemo late morning on weekends. */
const CHEMO_WEEKDAY = [0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 10, 8, 7, 7, 6, 3, 0, 0, 0, 0, 0, 0, 0];
/** Clinical reviews due through the day after morning rounds, most before the 13:00 and 17:00 doses. */
const REVIEWS_DAY = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 10, 9, 8, 7, 6, 4, 0, 0, 0, 0, 0, 0];
const CHEMO_WEEKEND = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/** 168 weights, Monday 00:00 first; weekend days lower. */
function week(weekday: number[], weekend: number[]): number[] {
  return [...weekday, ...weekday, ...weekday, ...weekday, ...weekday, ...weekend, ...weekend];
}

/** Daily volume overrides: weekends and Thanksgiving week. */
function byDate(weekend: number, thanksgiving: number, dayAfter?: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const date of WEEKEND_DATES) out[date] = weekend;
  out[THANKSGIVING] = thanksgiving;
  if (dayAfter !== undefined) out[DAY_AFTER_THANKSGIVING] = dayAfter;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const FORECASTS: File["forecasts"] = [
  { kind: "profile", workloadType: "orders", hourOfWeekWeights: week(ORDERS_DAY, ADMIN_TIMES_WEEKEND), dailyUnits: 2000, dailyUnitsByDate: byDate(1650, 1450, 1800) },
  { kind: "profile", workloadType: "ed-orders", hourOfWeekWeights: week(ED_DAY, ED_DAY), dailyUnits: 260, dailyUnitsByDate: byDate(250, 280) },
  { kind: "profile", workloadType: "doses", hourOfWeekWeights: week(ADMIN_TIMES_DAY, ADMIN_TIMES_WEEKEND), dailyUnits: 5600, dailyUnitsByDate: byDate(4900, 4400, 5200) },
  { kind: "profile", workloadType: "adc-refills", hourOfWeekWeights: week(ADMIN_TIMES_DAY, ADMIN_TIMES_WEEKEND), dailyUnits: 1350, dailyUnitsByDate: byDate(1050, 1000, 1150) },
  { kind: "profile", workloadType: "iv-admixtures", hourOfWeekWeights: week(ADMIN_TIMES_DAY, ADMIN_TIMES_WEEKEND), dailyUnits: 400, dailyUnitsByDate: byDate(340, 320, 360) },
  { kind: "profile", workloadType: "chemo", hourOfWeekWeights: week(CHEMO_WEEKDAY, CHEMO_WEEKEND), dailyUnits: 25, dailyUnitsByDate: byDate(4, 3, 16) },
  { kind: "profile", workloadType: "med-histories", hourOfWeekWeights: week(ED_DAY, ED_DAY), dailyUnits: 55, dailyUnitsByDate: byDate(50, 45) },
  { kind: "profile", workloadType: "patient-reviews", hourOfWeekWeights: week(REVIEWS_DAY, REVIEWS_DAY), dailyUnits: 340, dailyUnitsByDate: byDate(110, 110, 250) },
];

const ASHP_CSP = "Chaker A, Omair I, Mohamed WH, Mahomed SH, Siddiqui MA. Workforce planning and safe workload in sterile compounding hospital pharmacy services. Am J Health Syst Pharm. 2022;79(3):187-192";

const STANDARDS: File["productivityStandards"] = [
  { workloadType: "orders", roleFamily: "pharmacist", area: "central", minutesPerUnit: 1.8, leadMinutes: 60, source: "Department standard, approximate: loaded minutes per order (review, clarification calls, documentation, interruptions). Pure on-screen review is far shorter (8-24 s per order, Dakwa, Marshall, Chaffee, JAMIA 2020;27(2):284-293); error risk has been reported to rise above ~400 orders per pharmacist per 8-h shift (1.2 min/order). Replace with your own time study." },
  { workloadType: "patient-reviews", roleFamily: "pharmacist", area: "clinical", minutesPerUnit: 5.5, leadMinutes: 60, source: "Department standard, approximate: 5.5 min per occupied bed per day for profile review, monitoring (kinetics, renal dosing, anticoagulation) and interventions; weekends only high-risk patients. Replace with your own time study." },
  { workloadType: "med-histories", roleFamily: "technician", area: "ed-satellite", minutesPerUnit: 20, leadMinutes: 60, source: "Department standard, approximate: ~20 min per technician-obtained admission medication history (interview, pharmacy fill data, documentation); published figures vary widely with patient complexity. Replace with your own time study." },
  { workloadType: "ed-orders", roleFamily: "pharmacist", area: "ed-satellite", minutesPerUnit: 2.0, leadMinutes: 60, source: "Department standard, approximate: ED orders take longer (new patients, no medication history yet, STAT calls). Replace with your own time study." },
  { workloadType: "doses", roleFamily: "technician", area: "central", minutesPerUnit: 0.5, leadMinutes: 120, source: "Department standard, approximate: cart fill, first doses and patient-specific dispensing, picking plus labelling, ~30 s per dose. Replace with your own time study." },
  { workloadType: "adc-refills", roleFamily: "technician", area: "central", minutesPerUnit: 2, leadMinutes: 120, source: "Department standard, approximate: one automated dispensing cabinet pocket refill, including picking, travel to the unit and the count-back. Replace with your own time study." },
  { workloadType: "iv-admixtures", roleFamily: "technician", area: "iv-room", minutesPerUnit: 3.25, leadMinutes: 120, source: `Published time study: 3.25 min per compounded sterile preparation, overall average of 320 directly observed CSPs (${ASHP_CSP}). Approximate; batched CSPs were 1.90 min. Replace with your own.` },
  { workloadType: "chemo", roleFamily: "technician", area: "hazardous", minutesPerUnit: 17.7, leadMinutes: 90, source: `Published time study: 17.74 min per chemotherapy CSP (${ASHP_CSP}). Approximate; replace with your own.` },
];

// ---------------------------------------------------------------------------------------------------
// The department.
// ---------------------------------------------------------------------------------------------------

export const DEPARTMENT: File = {
  site: {
    id: "riverside-general",
    name: "Riverside General Hospital — Department of Pharmacy",
    timeZone: "America/New_York",
    payPeriodAnchor: "2026-10-25",
    workweekStartDay: 7,
    holidays: [
      { date: "2026-11-11", name: "Veterans Day" },
      { date: THANKSGIVING, name: "Thanksgiving Day" },
    ],
  },
  horizon: HORIZON,
  intervalMinutes: 30,
  areas: [
    { id: "central", name: "Central pharmacy", location: "Main tower, level B1" },
    { id: "iv-room", name: "IV room (sterile compounding, USP <797>)", location: "Main tower, level B1, cleanroom suite" },
    { id: "hazardous", name: "Hazardous compounding (USP <800>, chemotherapy)", location: "Main tower, level B1, negative-pressure buffer room" },
    { id: "ed-satellite", name: "Emergency department satellite", location: "Main tower, ground floor, ED" },
    { id: "or-satellite", name: "Operating room satellite", location: "Surgical pavilion, level 2" },
    { id: "clinical", name: "Unit-based clinical pharmacy", location: "Inpatient units, levels 3-9" },
  ],
  skills: [
    { id: "order-verification", name: "Order verification (pharmacist)" },
    { id: "clinical", name: "Clinical pharmacy services (unit-based)" },
    { id: "sterile-compounding", name: "Sterile compounding (USP <797> competency)" },
    { id: "hazardous-compounding", name: "Hazardous drug compounding (USP <800> competency)" },
    { id: "automation", name: "Pharmacy automation (carousel, ADC, packager)" },
    { id: "controlled-substances", name: "Controlled substances (vault, OR kits)" },
    { id: "tech-product-verification", name: "Tech-check-tech product verification" },
  ],
  levels: [
    { id: "rph", name: "Staff Pharmacist", roleFamily: "pharmacist", skills: ["order-verification"], payGrade: "P1" },
    { id: "rph-clin", name: "Clinical Pharmacist", roleFamily: "pharmacist", skills: ["order-verification", "clinical"], payGrade: "P2" },
    { id: "tech1", name: "Technician I", roleFamily: "technician", skills: [], payGrade: "T1" },
    { id: "tech2", name: "Technician II", roleFamily: "technician", skills: ["controlled-substances"], payGrade: "T2" },
    { id: "tech3", name: "Technician III", roleFamily: "technician", skills: ["controlled-substances", "tech-product-verification"], payGrade: "T3" },
    { id: "tech-iv", name: "IV-room Specialist", roleFamily: "technician", skills: ["sterile-compounding", "controlled-substances"], payGrade: "T3" },
    { id: "tech-auto", name: "Automation Specialist", roleFamily: "technician", skills: ["automation", "controlled-substances"], payGrade: "T3" },
  ],
  staff: STAFF,
  shiftTemplates: TEMPLATES,
  workloadTypes: [
    { id: "orders", name: "Inpatient medication orders verified", unit: "order" },
    { id: "ed-orders", name: "ED medication orders verified", unit: "order" },
    { id: "doses", name: "Doses dispensed (cart fill, first doses)", unit: "dose" },
    { id: "adc-refills", name: "Automated dispensing cabinet refills", unit: "refill" },
    { id: "iv-admixtures", name: "IV admixtures (compounded sterile preparations)", unit: "preparation" },
    { id: "chemo", name: "Chemotherapy preparations (hazardous CSPs)", unit: "preparation" },
    { id: "patient-reviews", name: "Patient profiles reviewed by a clinical pharmacist", unit: "patient-day" },
    { id: "med-histories", name: "Admission medication histories taken in the ED", unit: "history" },
  ],
  productivityStandards: STANDARDS,
  forecasts: FORECASTS,
  floors: [
    { area: "central", roleFamily: "pharmacist", count: 1, from: "00:00", to: "00:00" },
    { area: "central", roleFamily: "technician", count: 1, from: "00:00", to: "00:00" },
    { area: "iv-room", roleFamily: "technician", count: 2, from: "07:00", to: "19:00" },
    { area: "ed-satellite", roleFamily: "pharmacist", count: 1, from: "10:00", to: "22:00" },
    { area: "hazardous", roleFamily: "technician", count: 1, from: "07:00", to: "15:30", weekdays: WEEKDAYS },
    { area: "or-satellite", roleFamily: "technician", count: 1, from: "07:00", to: "15:00", weekdays: WEEKDAYS },
  ],
  rules: {
    "rest.min-between-shifts": { hard: true, params: { minRestMinutes: 600 } },
    "days.max-consecutive": { hard: true, params: { maxDays: 5 } },
    "weekends.max-per-window": { hard: false, weight: 150, params: { maxWeekends: 2, windowWeekends: 4 } },
  },
  // Near the cost of a full-staff month with some overtime to meet demand (see README).
  budget: { laborDollars: 350000, overtimeHours: 150, agencyHours: 150 },
  // Department assumptions for the FTE report (see README, "FTE report settings").
  fte: {
    productiveShare: 0.88,
    nonProductiveSplit: { pto: 0.085, education: 0.015, sick: 0.02 },
    fixedActivities: [
      { name: "Staff meetings and daily huddles", roleFamily: "pharmacist", hoursPerPayPeriod: 20 },
      { name: "Staff meetings and daily huddles", roleFamily: "technician", hoursPerPayPeriod: 36 },
      { name: "Interdisciplinary rounds and committee work", roleFamily: "pharmacist", level: "rph-clin", hoursPerPayPeriod: 28 },
      { name: "Cleanroom cleaning, environmental monitoring and competencies (USP <797>)", roleFamily: "technician", level: "tech-iv", hoursPerPayPeriod: 28 },
      { name: "Hazardous-drug room decontamination and training (USP <800>)", roleFamily: "technician", level: "tech-iv", hoursPerPayPeriod: 8 },
      { name: "Controlled-substance counts and audits", roleFamily: "technician", level: "tech2", hoursPerPayPeriod: 14 },
      { name: "Automation maintenance and ADC inventory audits", roleFamily: "technician", level: "tech-auto", hoursPerPayPeriod: 10 },
    ],
    budgetedFte: { "rph": 11.5, "rph-clin": 7, "tech1": 6, "tech2": 9, "tech3": 7, "tech-iv": 7, "tech-auto": 3 },
    benefitsLoad: 0.32,
    uncoveredStaffHourDollars: { pharmacist: 100, technician: 45 },
    defaultHire: { level: "rph", fte: 1, pattern: "any" },
    maxHires: 3,
  },
};

// ---------------------------------------------------------------------------------------------------
// YAML output: block style, short lists in flow style, 168-hour profiles as seven rows of 24.
// ---------------------------------------------------------------------------------------------------

const HEADER = `Riverside General Hospital — Department of Pharmacy: the RxRoster demo department.
GENERATED by data/demo/generate.ts — edit that script and regenerate; see data/demo/README.md
for the story, every assumption and the sources of the productivity standards.`;

const SECTION_COMMENTS: Record<string, string> = {
  site: " The site: New York time (fall DST change 2026-11-01 02:00), 14-day pay periods from Sunday 2026-10-25.",
  horizon: " One calendar month.",
  intervalMinutes: " Coverage is judged per 30 minutes so the 06:30 and 15:30 edges count.",
  areas: " Where work happens; demand is per area and role family.",
  levels: " Career ladder (data, not code): role family, default skills, pay grade.",
  staff: " 20 pharmacists and 36 technicians. FTE 1.0 = 80 h per 14-day pay period; PRN: fte 0.",
  shiftTemplates: " Shift templates. A shift belongs to the date it starts on; the night shifts run past midnight.",
  productivityStandards: " Minutes of work per unit; work is done in the hour that starts leadMinutes before the units are due.",
  forecasts: " Hour-of-week profiles (Monday 00:00 first, seven rows of 24) × daily volume.\n The daily volume is per date: weekends and Thanksgiving week are set in dailyUnitsByDate.",
  floors: " Minimum staffing, whatever the forecast says.",
  rules: " Rules left at their defaults except these, set to show the format.",
  budget: " Caps for the month.",
  fte: " FTE justification report settings (rxroster report fte): department assumptions, see README.",
};

function toYaml(data: File): string {
  const doc = new YAML.Document(data);
  YAML.visit(doc, {
    // Quoted so that YAML 1.1 readers do not take 07:00 for a number or a date for a timestamp.
    Scalar(key, node) {
      if (typeof node.value === "string" && /^(\d\d:\d\d|\d{4}-\d\d-\d\d)$/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
    Seq(key, node) {
      if (node.items.length > 0 && node.items.length < 168 && node.items.every((i) => YAML.isScalar(i))) node.flow = true;
    },
    Map(key, node, path) {
      const parent = path[path.length - 1];
      const grand = path[path.length - 2];
      const parentKey = YAML.isPair(grand) && YAML.isScalar(grand.key) ? String(grand.key.value) : "";
      if (YAML.isSeq(parent) && ["leave", "requests", "history", "holidays", "differentials", "areas", "skills", "workloadTypes", "floors"].includes(parentKey)) node.flow = true;
      if (parentKey === "maxShiftsPerTemplate" || parentKey === "params") node.flow = true;
    },
  });
  doc.commentBefore = HEADER.split("\n").map((l) => ` ${l}`).join("\n");
  const top = doc.contents as YAML.YAMLMap<YAML.Scalar<string>, unknown>;
  for (const pair of top.items) {
    const comment = SECTION_COMMENTS[pair.key.value];
    if (comment) pair.key.commentBefore = comment;
    if (pair !== top.items[0]) pair.key.spaceBefore = true;
  }
  // Weights: replaced by a marker, then written as seven rows of 24 with the day named.
  const weights: number[][] = [];
  YAML.visit(doc, {
    Pair(_, pair) {
      if (YAML.isScalar(pair.key) && pair.key.value === "hourOfWeekWeights" && YAML.isSeq(pair.value)) {
        weights.push(pair.value.items.map((i) => Number((i as YAML.Scalar).value)));
        pair.value = doc.createNode(`@@WEIGHTS${weights.length - 1}@@`);
      }
    },
  });
  let text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  text = text.replace(/^( *)(hourOfWeekWeights: )"?@@WEIGHTS(\d+)@@"?$/gm, (_, indent: string, key: string, k: string) => {
    const rows = weights[Number(k)]!;
    const lines = days.map((day, d) => `${indent}  ${rows.slice(d * 24, d * 24 + 24).join(", ")},  # ${day} 00-23`);
    return `${indent}${key}[\n${lines.join("\n")}\n${indent}]`;
  });
  return text;
}

const out = fileURLToPath(new URL("./department.yaml", import.meta.url));
writeFileSync(out, toYaml(DEPARTMENT));
console.log(`wrote ${out}`);
