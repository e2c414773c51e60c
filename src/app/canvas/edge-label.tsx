/**
 * An edge's label as React Flow's EdgeText draws it (the same elements and
 * classes: a rounded background rect behind 10 px monospace text), sized from a
 * measurement shared by labels of the same shape. EdgeText measures every label
 * with getBBox once it is in the page; a 300-container world's veth labels made
 * 300 of those calls, the largest cost of drawing its first topology. Labels
 * whose characters differ only within the monospace font (every letter and digit
 * is one advance wide) have the same box, so one is measured and the rest read it.
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const measured = new Map<string, Box>();

/** Letters, digits and common punctuation are one advance wide in the label font; anything else (⇄) is kept as itself. */
export function labelShape(text: string): string {
  return text.replace(/[A-Za-z0-9@._:/-]/g, '0');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Measures, before they are drawn, the shapes of these labels not measured yet: one
 * text element per shape, in an SVG appended to `host` (inside the canvas, where the
 * labels' stylesheet applies), measured in one layout and removed. Labels drawn
 * afterwards know their box from their first render; otherwise each label of a
 * shape first drawn in one commit, 300 at 300 containers, drew twice (once empty).
 */
export function measureLabels(labels: Iterable<string>, host: Element): void {
  const todo = new Map<string, string>();
  for (const label of labels) {
    const shape = labelShape(label);
    if (!measured.has(shape) && !todo.has(shape)) todo.set(shape, label);
  }
  if (todo.size === 0) return;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.position = 'absolute';
  svg.style.visibility = 'hidden';
  const texts = [...todo].map(([shape, label]) => {
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('class', 'react-flow__edge-text');
    text.textContent = label;
    svg.appendChild(text);
    return { shape, text };
  });
  host.appendChild(svg);
  for (const { shape, text } of texts) {
    const b = text.getBBox();
    // Before the page's fonts are in the box is empty: the label then measures itself once drawn.
    if (b.width > 0) measured.set(shape, { x: b.x, y: b.y, width: b.width, height: b.height });
  }
  svg.remove();
}

interface EdgeLabelProps {
  x: number;
  y: number;
  label: string;
  padding: [number, number];
  radius: number;
}

export const EdgeLabel = memo(function EdgeLabel({ x, y, label, padding, radius }: EdgeLabelProps) {
  const shape = labelShape(label);
  const [box, setBox] = useState<Box | undefined>(() => measured.get(shape));
  const text = useRef<SVGTextElement>(null);
  const known = box ?? measured.get(shape);
  useLayoutEffect(() => {
    if (known || !text.current) return;
    // Another label of this shape, drawn in the same commit, may have measured it since this one rendered.
    const sibling = measured.get(shape);
    if (sibling) {
      setBox(sibling);
      return;
    }
    const b = text.current.getBBox();
    const next = { x: b.x, y: b.y, width: b.width, height: b.height };
    // A label drawn before the page's fonts are in gives an empty box: measured again on its next render.
    if (next.width > 0) measured.set(shape, next);
    setBox(next);
  }, [known, shape]);
  const size = known ?? { x: 1, y: 0, width: 0, height: 0 };
  // Placed by coordinates, not by a `transform` on the group as EdgeText does: every SVG transform is a
  // paint property node of its own, and Chromium re-layerizes them all on each drag move (300 at 300 containers).
  const left = x - size.width / 2;
  const top = y - size.height / 2;
  return (
    <g className="react-flow__edge-textwrapper" visibility={size.width ? 'visible' : 'hidden'}>
      <rect
        width={size.width + 2 * padding[0]}
        x={left - padding[0]}
        y={top - padding[1]}
        height={size.height + 2 * padding[1]}
        className="react-flow__edge-textbg"
        rx={radius}
        ry={radius}
      />
      <text className="react-flow__edge-text" x={left} y={top + size.height / 2} dy="0.3em" ref={text}>
        {label}
      </text>
    </g>
  );
});
