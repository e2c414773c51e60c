/** Small inline icons (fonts here may lack the media-control glyphs). */
const common = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': true } as const;

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </svg>
  );
}
export function PauseIcon() {
  return (
    <svg {...common}>
      <rect x="3.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
    </svg>
  );
}
export function StepBackIcon() {
  return (
    <svg {...common}>
      <rect x="2.5" y="2.5" width="2" height="11" fill="currentColor" />
      <path d="M13.5 2.5v11L5.5 8z" fill="currentColor" />
    </svg>
  );
}
export function StepForwardIcon() {
  return (
    <svg {...common}>
      <rect x="11.5" y="2.5" width="2" height="11" fill="currentColor" />
      <path d="M2.5 2.5v11l8-5.5z" fill="currentColor" />
    </svg>
  );
}
export function ReplayIcon() {
  return (
    <svg {...common}>
      <path d="M3 8a5 5 0 1 0 1.6-3.7" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
      <path d="M2.5 1.8v3.6h3.6" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
export function SunIcon() {
  return (
    <svg {...common}>
      <circle cx="8" cy="8" r="3" fill="currentColor" />
      <path d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6 13 13M3 13l1.4-1.4M11.6 4.4 13 3" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}
export function MoonIcon() {
  return (
    <svg {...common}>
      <path d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7z" fill="currentColor" />
    </svg>
  );
}
/** A hooked arrow back; RedoIcon is its mirror image. */
function HookArrow({ mirrored }: { mirrored: boolean }) {
  return (
    <svg {...common}>
      <g transform={mirrored ? 'matrix(-1 0 0 1 16 0)' : undefined} stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" strokeLinejoin="round">
        <path d="M5.5 2.5 2 6l3.5 3.5" />
        <path d="M2.5 6h7a4 4 0 0 1 0 8H7" />
      </g>
    </svg>
  );
}
export function UndoIcon() {
  return <HookArrow mirrored={false} />;
}
export function RedoIcon() {
  return <HookArrow mirrored />;
}
