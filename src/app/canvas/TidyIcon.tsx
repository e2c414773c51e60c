/** The tidy (automatic layout) button's icon. */
export function TidyIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden>
      <rect x="1" y="1" width="5" height="4" rx="1" fill="currentColor" />
      <rect x="10" y="1" width="5" height="4" rx="1" fill="currentColor" />
      <rect x="5.5" y="11" width="5" height="4" rx="1" fill="currentColor" />
      <path d="M3.5 5v3h9V5M8 8v3" stroke="currentColor" fill="none" strokeWidth="1.3" />
    </svg>
  );
}
