/**
 * Inline SVG line charts for the FTE report (no external assets, no script): a viewBox that scales to
 * the page width, axes with a few rounded ticks, one path per series and a dot per point when the
 * series is short. Input: series of numbers. Output: an `<svg>` element as text.
 */

export interface Series {
  name: string;
  /** One value per x position; undefined leaves a gap. */
  values: (number | undefined)[];
  /** CSS color of the line and its dots. */
  color: string;
  /** Draw as steps (hour-of-week demand) instead of straight segments. */
  step?: boolean;
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  /** Labels under the x axis: [index, text]. */
  xTicks: [number, string][];
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** viewBox size in CSS px (default 700 × 190). */
  width?: number;
  height?: number;
  /** Format of y tick labels (default plain numbers). */
  formatY?: (value: number) => string;
}

/** The charts' CSS, for every page that inlines them (the FTE report, the schedule page). */
export const CHART_CSS = `
svg.chart { width: 100%; height: auto; display: block; }
svg .chart-title { font-size: 12px; font-weight: 600; fill: #1d2733; } svg .tick, svg .legend { font-size: 10px; fill: #3e4c59; }
svg .axis-label { font-size: 10px; fill: #52606d; } svg .grid { stroke: #e4e8ec; } svg .axis { stroke: #7b8794; }
`;

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A tick step of 1, 2 or 5 × 10^k giving about `count` ticks up to `max`. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

export function lineChart(o: ChartOptions): string {
  const width = o.width ?? 700, height = o.height ?? 190;
  const left = 56, right = 12, top = 40, bottom = 40;
  const plotW = width - left - right, plotH = height - top - bottom;
  const n = Math.max(1, ...o.series.map((s) => s.values.length));
  const maxValue = Math.max(0, ...o.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
  const step = niceStep(maxValue);
  const yMax = Math.max(step, Math.ceil(maxValue / step) * step);
  const fy = o.formatY ?? ((v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 1 }));
  const stepped = o.series.some((s) => s.step);
  const slots = stepped ? n : Math.max(1, n - 1);
  const x = (i: number): number => left + (plotW * i) / slots;
  const y = (v: number): number => top + plotH - (plotH * v) / yMax;
  const parts: string[] = [];
  parts.push(`<text class="chart-title" x="${left}" y="14">${escapeXml(o.title)}</text>`);
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    parts.push(`<line class="grid" x1="${left}" x2="${left + plotW}" y1="${r1(y(v))}" y2="${r1(y(v))}"/>`);
    parts.push(`<text class="tick" x="${left - 4}" y="${r1(y(v) + 3)}" text-anchor="end">${escapeXml(fy(v))}</text>`);
  }
  for (const [i, label] of o.xTicks) {
    parts.push(`<line class="axis" x1="${r1(x(i))}" x2="${r1(x(i))}" y1="${top + plotH}" y2="${top + plotH + 4}"/>`);
    parts.push(`<text class="tick" x="${r1(x(i) + (stepped ? plotW / slots / 2 : 0))}" y="${top + plotH + 14}" text-anchor="${stepped ? "start" : "middle"}">${escapeXml(label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}"/>`);
  parts.push(`<text class="axis-label" x="${left + plotW / 2}" y="${height - 4}" text-anchor="middle">${escapeXml(o.xLabel)}</text>`);
  parts.push(`<text class="axis-label" transform="translate(12 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(o.yLabel)}</text>`);
  o.series.forEach((s, k) => {
    const d: string[] = [];
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === undefined) return void (pen = false);
      if (s.step) d.push(`${pen ? "L" : "M"}${r1(x(i))} ${r1(y(v))}H${r1(x(i + 1))}`);
      else d.push(`${pen ? "L" : "M"}${r1(x(i))} ${r1(y(v))}`);
      pen = true;
    });
    const dash = s.dashed ? ` stroke-dasharray="5 3"` : "";
    parts.push(`<path class="series" data-series="${escapeXml(s.name)}" d="${d.join("")}" fill="none" stroke="${s.color}" stroke-width="1.6"${dash}/>`);
    if (!s.step) {
      s.values.forEach((v, i) => {
        if (v !== undefined) parts.push(`<circle class="point" cx="${r1(x(i))}" cy="${r1(y(v))}" r="3" fill="${s.color}"><title>${escapeXml(`${s.name}: ${fy(v)}`)}</title></circle>`);
      });
    }
    // Legend on its own row under the title, left to right.
    const lx = left + 170 * k;
    parts.push(`<line x1="${lx}" x2="${lx + 18}" y1="26" y2="26" stroke="${s.color}" stroke-width="2"${dash}/><text class="legend" x="${lx + 22}" y="30">${escapeXml(s.name)}</text>`);
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(o.title)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}
