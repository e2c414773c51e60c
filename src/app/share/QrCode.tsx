/**
 * A QR code of a link (uqr encodes; drawn here as one SVG path, with no markup
 * taken from a string), for moving a link to a phone. Links too long for a QR
 * code a phone can read say so instead.
 */
import { encode } from 'uqr';

/** Beyond this a QR code gets too dense for a phone camera at a readable size. */
export const QR_MAX_CHARS = 1200;

export function QrCode({ text, label }: { text: string; label: string }) {
  const qr = encode(text, { ecc: 'L', border: 2 });
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <svg className="qr" role="img" aria-label={label} viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges" data-testid="share-qr">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
