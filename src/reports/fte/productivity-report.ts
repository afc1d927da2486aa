/**
 * The productivity view alone, as a small JSON-ready report: no schedule is solved, so it is quick enough
 * to answer on a request (`GET /sites/{id}/reports/fte`). Input: a planning input. Output: the same
 * `productivity` figures the full report carries, with the site, horizon, settings and provenance, or one
 * Problem per bad field of the `fte` section.
 */
import type { FteSettings, Parsed, PlanningInput } from "../../../models/index.js";
import { prepare } from "../../pipeline.js";
import { productivityView, type ProductivityView } from "./productivity.js";
import type { FteReport } from "./report.js";
import { resolveSettings } from "./settings.js";

export interface ProductivityReport {
  title: string;
  site: FteReport["site"];
  horizon: FteReport["horizon"];
  provenance: { source: string; generatedAt: string; generator: string };
  settings: FteSettings;
  productivity: ProductivityView;
}

export function buildProductivityReport(input: PlanningInput, options: { source: string; generatedAt?: Date }): Parsed<ProductivityReport> {
  const settings = resolveSettings(input);
  if (!settings.ok) return settings;
  const productivity = productivityView(prepare(input), settings.value);
  return {
    ok: true,
    value: {
      title: `FTE justification (productivity view) — ${input.site.name}`,
      site: { id: input.site.id, name: input.site.name, timeZone: input.site.timeZone },
      horizon: { start: input.horizon.start, end: input.horizon.end, days: productivity.horizonDays, payPeriods: productivity.payPeriods },
      provenance: { source: options.source, generatedAt: (options.generatedAt ?? new Date()).toISOString(), generator: "rxroster API, productivity view" },
      settings: settings.value,
      productivity,
    },
  };
}
