import { randomBytes } from 'node:crypto';

/** One file of a multipart/form-data body; `field` defaults to "file", the name every upload route reads. */
export interface FilePart {
  field?: string;
  filename: string;
  contentType: string;
  data: Buffer | string;
}

/** A multipart/form-data body with these files (and plain fields first), as a browser sends it. */
export function multipart(parts: FilePart[], fields: Record<string, string> = {}) {
  const boundary = `----sbtest${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? 'file'}"; filename="${p.filename}"\r\nContent-Type: ${p.contentType}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
