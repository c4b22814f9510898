import { useEffect, useId, useState } from 'react';

/** The QR code as squares on a grid: the path of the dark modules and the grid's size, quiet zone included. */
interface QrDrawing {
  value: string;
  size: number;
  path: string;
}

/** The blank border scanners need around the code (the QR specification asks for four modules). */
const QUIET_ZONE = 4;

/** Each run of dark modules in a row as one rectangle: a short path, drawn without gaps between modules. */
function darkModulesPath(modules: { size: number; get(row: number, col: number): number }): string {
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}

async function drawQrCode(value: string): Promise<QrDrawing> {
  // Loaded here, not with the app: only the authenticator set-up needs it (its own chunk, about 10 KB gzip).
  const { create } = await import('qrcode');
  // Level M: the default, and room enough for an otpauth URI at a size phones read from a screen.
  const { modules } = create(value, { errorCorrectionLevel: 'M' });
  return { value, size: modules.size + 2 * QUIET_ZONE, path: darkModulesPath(modules) };
}

export interface QrCodeProps {
  value: string;
  /** The text alternative: what the code is for, and where to find the same thing as text. */
  label: string;
  /** Shown instead of the code when it cannot be drawn (its chunk failed to load). */
  fallback: string;
}

/**
 * A QR code drawn as SVG elements by React. No `innerHTML`, no `style` attribute and no image URL: it
 * renders under the app's Content-Security-Policy as any other markup does, and what it encodes (an
 * authenticator key) never becomes a URL the browser could keep or send.
 */
export function QrCode({ value, label, fallback }: QrCodeProps) {
  const titleId = useId();
  const [drawing, setDrawing] = useState<QrDrawing | null>(null);
  const [failedValue, setFailedValue] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    drawQrCode(value).then(
      (result) => {
        if (current) setDrawing(result);
      },
      () => {
        if (current) setFailedValue(value);
      },
    );
    return () => {
      current = false;
    };
  }, [value]);

  if (failedValue === value) return <p className="qr-code qr-code--failed">{fallback}</p>;
  if (drawing?.value !== value) {
    // The same square while the code is drawn, so nothing below it moves when it appears.
    return <div className="qr-code qr-code--pending" />;
  }
  return (
    <svg
      className="qr-code"
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${drawing.size} ${drawing.size}`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{label}</title>
      <rect className="qr-code__background" width={drawing.size} height={drawing.size} />
      <path className="qr-code__modules" d={drawing.path} />
    </svg>
  );
}
