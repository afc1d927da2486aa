/**
 * The FTE justification report, assembled: settings → productivity view → what-if solves → demand
 * against the baseline schedule by hour of week → method and assumptions in words, with provenance.
 * Input: a parsed planning input, and options. Output: a JSON-ready `FteReport`, or one Problem per bad
 * setting or hire; `renderFteReport` turns it into JSON, CSV or HTML. The CLI (`src/cli/report.ts`) and
 * the API's report job (`src/jobs/fte-report-worker.ts`) each call `buildFteReport`, then render.
 */
import type { FteSettings, Parsed, PlanningInput } from "../../../models/index.js";
import { prepare } from "../../pipeline.js";
import type { OptimizeOutcome } from "../../optimize.js";
import { hourOfWeekProfiles, type AreaWeekProfile } from "./hour-of-week.js";
import { productivityView, type ProductivityView } from "./productivity.js";
import { resolveHire, resolveSettings, type HireSpec } from "./settings.js";
import { runWhatIf, type WhatIfView } from "./what-if.js";
import { methodAndAssumptions, solveStatusWords } from "./words.js";
import { fteReportToCsv } from "./csv.js";
import { fteReportToHtml } from "./html.js";

export interface FteReportOptions {
  /** Where the input came from (file path, "site riverside"), printed as provenance. */
  source: string;
  /** The hire to try; default `fte.defaultHire`, else 1.0 FTE of the largest level of the role family with the largest FTE gap, any shift. */
  hire?: HireSpec;
  /** Most hires tried; default `fte.maxHires` (3). */
  maxHires?: number;
  /** Per what-if solve, seconds (default 60); the solves run one after another. */
  timeLimitSeconds?: number;
  /** Relative gap at which a solve stops (default the optimizer's). */
  relativeGap?: number;
  signal?: AbortSignal;
  /** Stamped as the generation time (default now). */
  generatedAt?: Date;
  onSolved?: (hires: number, outcome: OptimizeOutcome) => void;
}

export interface FteReport {
  title: string;
  site: { id: string; name: string; timeZone: string };
  horizon: { start: string; end: string; days: number; payPeriods: number };
  provenance: {
    source: string;
    generatedAt: string;
    generator: string;
    /** Each count's solve; `statusText` says how it ended in `rxroster solve`'s words ("feasible, no bound"). */
    solves: { hires: number; status: string; statusText: string; gap?: number; uncertaintyDollars?: number; seconds: number; timeLimitSeconds: number; keptPreviousSchedule?: true; fromOneHireMore?: true; warnings?: string[] }[];
  };
  settings: FteSettings;
  productivity: ProductivityView;
  whatIf: WhatIfView;
  hourOfWeek: AreaWeekProfile[];
  /** What "saving" means, in a sentence HR can quote. */
  savingDefinition: string;
  method: string[];
  assumptions: string[];
  findings: string[];
}

export const FTE_REPORT_FORMATS = ["html", "csv", "json"] as const;
export type FteReportFormat = (typeof FTE_REPORT_FORMATS)[number];

function defaultHire(settings: FteSettings, productivity: ProductivityView): HireSpec {
  if (settings.defaultHire) return settings.defaultHire;
  const family = [...productivity.roleFamilies].sort((a, b) => b.gapFte - a.gapFte)[0]!;
  const level = [...family.levels].sort((a, b) => b.filledFte - a.filledFte)[0]!;
  return { level: level.level, fte: 1, pattern: "any" };
}

/** Each count's solve as the provenance lists it (and the API job's result carries it), its ending in words. */
export function provenanceSolves(whatIf: WhatIfView): FteReport["provenance"]["solves"] {
  return whatIf.rows.map((r) => ({
    hires: r.hires,
    status: r.status,
    statusText: solveStatusWords(r),
    ...(r.gap !== undefined ? { gap: r.gap } : {}),
    ...(r.uncertaintyDollars !== undefined ? { uncertaintyDollars: r.uncertaintyDollars } : {}),
    seconds: r.seconds,
    timeLimitSeconds: whatIf.timeLimitSeconds,
    ...(r.keptPreviousSchedule ? { keptPreviousSchedule: true as const } : {}),
    ...(r.fromOneHireMore ? { fromOneHireMore: true as const } : {}),
    ...(r.warnings ? { warnings: r.warnings } : {}),
  }));
}

export async function buildFteReport(input: PlanningInput, options: FteReportOptions): Promise<Parsed<FteReport>> {
  const settings = resolveSettings(input);
  if (!settings.ok) return settings;
  const prepared = prepare(input);
  const productivity = productivityView(prepared, settings.value);
  const hire = resolveHire(input, options.hire ?? defaultHire(settings.value, productivity), options.hire ? "hire" : "fte.defaultHire");
  if (!hire.ok) return hire;
  const maxHires = options.maxHires ?? settings.value.maxHires;
  const { view: whatIf, baseline } = await runWhatIf(input, {
    hire: hire.value,
    maxHires,
    uncoveredStaffHourDollars: settings.value.uncoveredStaffHourDollars,
    benefitsLoad: settings.value.benefitsLoad,
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.relativeGap !== undefined ? { relativeGap: options.relativeGap } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onSolved ? { onSolved: options.onSolved } : {}),
  });
  const report: Omit<FteReport, "savingDefinition" | "method" | "assumptions" | "findings"> = {
    title: `FTE justification — ${input.site.name}`,
    site: { id: input.site.id, name: input.site.name, timeZone: input.site.timeZone },
    horizon: { start: input.horizon.start, end: input.horizon.end, days: productivity.horizonDays, payPeriods: productivity.payPeriods },
    provenance: {
      source: options.source,
      generatedAt: (options.generatedAt ?? new Date()).toISOString(),
      generator: "rxroster report fte",
      solves: provenanceSolves(whatIf),
    },
    settings: settings.value,
    productivity,
    whatIf,
    hourOfWeek: hourOfWeekProfiles(prepared, baseline),
  };
  return { ok: true, value: { ...report, ...methodAndAssumptions(input, report) } };
}

export function renderFteReport(report: FteReport, format: FteReportFormat): { contentType: string; body: string } {
  switch (format) {
    case "json":
      return { contentType: "application/json; charset=utf-8", body: JSON.stringify(report, null, 2) + "\n" };
    case "csv":
      return { contentType: "text/csv; charset=utf-8", body: fteReportToCsv(report) };
    case "html":
      return { contentType: "text/html; charset=utf-8", body: fteReportToHtml(report) };
  }
}
