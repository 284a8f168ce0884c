/**
 * SVG in the page without innerHTML: client charts are built element by
 * element (text through textContent), and the server's chart markup is parsed
 * as XML, which never runs scripts, then kept to plain drawing elements.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const DRAWING = new Set(['svg', 'g', 'rect', 'line', 'polyline', 'polygon', 'circle', 'path', 'text', 'tspan', 'title']);

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  children: (Node | string)[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** Server-rendered chart markup as a node; null when it is not a well-formed SVG. */
export function adoptSvg(markup: string): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return null;
  // Belt and braces: our builder escapes every label, but nothing but drawing may reach the page.
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (!DRAWING.has(el.localName)) {
      el.remove();
      continue;
    }
    for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name) || /href$/i.test(attr.name)) el.removeAttribute(attr.name);
  }
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

export interface Shares {
  negative: number;
  neutral: number;
  positive: number;
}

/** A 100%-stacked bar (negative, neutral, positive) with a title per part. */
export function stackedBar(shares: Shares, width = 180, height = 12): SVGSVGElement {
  let x = 0;
  const parts = (['negative', 'neutral', 'positive'] as const).map((key) => {
    const w = Math.max(0, shares[key]) * width;
    const rect = svg('rect', { x: x.toFixed(1), y: 0, width: w.toFixed(1), height, class: `fill-${key}`, 'data-part': key }, [
      svg('title', {}, [`${key} ${(shares[key] * 100).toFixed(1)}%`]),
    ]);
    x += w;
    return rect;
  });
  return svg(
    'svg',
    { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'sentiment distribution', 'data-testid': 'dist-bar' },
    parts,
  );
}

export interface DivergingBar {
  /** What the bar is (data-key for tests and scripts). */
  key: string;
  label: string;
  /** -1..1 */
  value: number;
  detail: string;
}

/** Horizontal bars around a zero line, for scores in [-1, 1] (aspect scores). */
export function divergingBars(bars: readonly DivergingBar[], title: string): SVGSVGElement {
  const labelW = 150;
  const half = 160;
  const rowH = 22;
  const width = labelW + 2 * half + 60;
  const zero = labelW + half;
  const rows = bars.map((bar, i) => {
    const y = i * rowH;
    const w = Math.min(1, Math.abs(bar.value)) * half;
    const x = bar.value >= 0 ? zero : zero - w;
    return svg('g', { 'data-testid': 'aspect-bar', 'data-aspect': bar.key, 'data-score': bar.value }, [
      svg('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12 }, [bar.label]),
      svg(
        'rect',
        { x: x.toFixed(1), y: y + 4, width: Math.max(1, w).toFixed(1), height: rowH - 8, class: bar.value >= 0 ? 'fill-positive' : 'fill-negative' },
        [svg('title', {}, [bar.detail])],
      ),
      svg('text', { x: bar.value >= 0 ? zero + w + 4 : zero + 4, y: y + 15, 'font-size': 11 }, [bar.value.toFixed(2)]),
    ]);
  });
  const axis = svg('line', { x1: zero, x2: zero, y1: 0, y2: bars.length * rowH, stroke: '#999' });
  return svg(
    'svg',
    { width, height: bars.length * rowH + 4, viewBox: `0 0 ${width} ${bars.length * rowH + 4}`, role: 'img', 'aria-label': title, 'font-family': 'sans-serif' },
    [axis, ...rows],
  );
}
