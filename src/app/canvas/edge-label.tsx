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
