/** The short pan that brings a new node into view (canvas/camera.ts). */
import { describe, expect, it } from 'vitest';
import { boundsOf, panToShow } from '../../../src/app/canvas/camera.ts';

const canvas = { width: 800, height: 400 };

describe('panToShow', () => {
  it('leaves the view alone when the node is already in view', () => {
    expect(panToShow({ x: 0, y: 0, zoom: 1 }, canvas, { x: 100, y: 100, width: 250, height: 100 })).toBeUndefined();
  });

  it('pans by as little as shows the node with a margin, at the same zoom', () => {
    // Off the right edge at zoom 0.5: its right side at 0.5 * 1700 = 850 px, 74 px past the margin.
    const view = panToShow({ x: 0, y: 0, zoom: 0.5 }, canvas, { x: 1450, y: 100, width: 250, height: 100 })!;
    expect(view).toEqual({ x: -74, y: 0, zoom: 0.5 });
    // Above the top: brought down to the margin.
    expect(panToShow({ x: 0, y: 0, zoom: 1 }, canvas, { x: 100, y: -300, width: 250, height: 100 })).toEqual({ x: 0, y: 324, zoom: 1 });
  });

  it('centres a group of nodes wider than the canvas (and keeps the margin above it)', () => {
    const view = panToShow({ x: 0, y: 0, zoom: 1 }, canvas, { x: 0, y: 0, width: 1000, height: 100 })!;
    expect(view).toEqual({ x: -100, y: 24, zoom: 1 });
  });

  it('bounds several boxes', () => {
    expect(boundsOf([{ x: 0, y: 10, width: 5, height: 5 }, { x: -5, y: 0, width: 5, height: 5 }])).toEqual({ x: -5, y: 0, width: 10, height: 15 });
    expect(boundsOf([])).toBeUndefined();
  });
});
