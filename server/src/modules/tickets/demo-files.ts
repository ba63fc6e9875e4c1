import { encodePng } from '../../platform/files/png.ts';

/**
 * The demo conversation's attachments, made here rather than shipped as binaries: a real PNG (shown
 * inline, since its bytes say it is one) and a real one-page PDF (always a download).
 */

/** A 160×100 RGB screenshot-like picture: a title bar, a red error banner and grey text lines. */
export function demoScreenshotPng(): Buffer {
  return encodePng(160, 100, (x, y) => {
    if (y < 14) return [34, 139, 230];
    if (y >= 24 && y < 40 && x >= 10 && x < 150) return [250, 82, 82];
    if ((y - 50) % 12 < 4 && y >= 50 && x >= 10 && x < 150 - ((y * 7) % 40)) return [173, 181, 189];
    return [248, 249, 250];
  });
}

/** A one-page PDF with a line of text, with a correct cross-reference table. */
export function demoInvoicePdf(): Buffer {
  const text = 'Invoice INV-2026-000042 - Switchboard demo';
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
