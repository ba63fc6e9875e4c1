import { inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { demoInvoicePdf, demoScreenshotPng } from '../demo-files.ts';

describe('demo attachments (TKT demo data: an image and a PDF)', () => {
  it('makes a PNG that the upload typing recognises as an inline image, with its declared size', async () => {
    const png = demoScreenshotPng();
    expect(await fileTypeFromBuffer(png)).toEqual({ ext: 'png', mime: 'image/png' });
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([160, 100]);
    // The pixel data inflates to exactly height × (filter byte + width × RGB).
    const idatLength = png.readUInt32BE(33);
    expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe(100 * (1 + 160 * 3));
  });

  it('makes a PDF whose cross-reference table points at each object', async () => {
    const pdf = demoInvoicePdf();
    expect(await fileTypeFromBuffer(pdf)).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    const text = pdf.toString('latin1');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(text.slice(Number(text.match(/startxref\n(\d+)/)![1])).startsWith('xref')).toBe(true);
  });
});
