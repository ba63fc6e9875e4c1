import fs from 'node:fs';

/**
 * A small streaming RFC 4180 reader and writer (no CSV package is installed, and the brief forbids
 * adding one). Text goes in by chunks of any size; complete records come out, so a file of any
 * length is read with memory bounded by the longest record.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message);
  }
}

/** Refuse what no spreadsheet produces: 100 MB of junk must not become one endless value. */
export const MAX_FIELD_CHARS = 100_000;
export const MAX_COLUMNS = 500;

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvParser {
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  /** Just saw a closing quote: only a delimiter, a line break or "" may follow. */
  private afterQuote = false;
  private skipLf = false;
  private fieldStarted = false;
  /** 1-based number of the record being read (the header is record 1, as in a spreadsheet). */
  row = 1;
  private readonly delim: number;

  constructor(readonly delimiter: string) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Feeds text; returns the records completed by it. */
  push(text: string): string[][] {
    const out: string[][] = [];
    const d = this.delim;
    let start = 0;
    const n = text.length;
    let i = 0;
    const take = (end: number) => {
      if (end > start) {
        this.field += text.slice(start, end);
        if (this.field.length > MAX_FIELD_CHARS) throw new CsvError(`A value is longer than ${MAX_FIELD_CHARS} characters.`, this.row);
      }
    };
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          i++;
          start = i;
          continue;
        }
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          take(i);
          this.inQuotes = false;
          this.afterQuote = true;
          start = i + 1;
        }
        i++;
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (c === QUOTE) {
          // "" inside a quoted value is one quote; the value goes on.
          this.inQuotes = true;
          this.field += '"';
          i++;
          start = i;
          continue;
        }
        if (c !== d && c !== CR && c !== LF) throw new CsvError('Unexpected text after a closing quote.', this.row);
      }
      if (c === d) {
        take(i);
        this.endField();
        i++;
        start = i;
      } else if (c === CR || c === LF) {
        take(i);
        out.push(this.endRecord());
        if (c === CR) this.skipLf = true;
        i++;
        start = i;
      } else if (c === QUOTE && !this.fieldStarted && i === start && this.field === '') {
        this.inQuotes = true;
        this.fieldStarted = true;
        i++;
        start = i;
      } else {
        this.fieldStarted = true;
        i++;
      }
    }
    take(n);
    return out;
  }

  /** End of input: the last record (without a final line break), or an error for an open quote. */
  end(): string[][] {
    if (this.inQuotes) throw new CsvError('A quoted value is never closed.', this.row);
    if (this.record.length || this.field !== '' || this.fieldStarted || this.afterQuote) return [this.endRecord()];
    return [];
  }

  private endField() {
    this.record.push(this.field);
    if (this.record.length > MAX_COLUMNS) throw new CsvError(`More than ${MAX_COLUMNS} columns.`, this.row);
    this.field = '';
    this.fieldStarted = false;
    this.afterQuote = false;
  }

  private endRecord(): string[] {
    this.endField();
    const record = this.record;
    this.record = [];
    this.row++;
    return record;
  }
}

/** A record with nothing in it (a blank line, or only delimiters) is skipped, as spreadsheets do. */
export const isBlank = (record: string[]) => record.every((v) => v.trim() === '');

// ── encodings ───────────────────────────────────────────────────────────────────────────────
/** What a user may declare; `auto` reads a BOM, else requires valid UTF-8. */
export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1251', 'windows-1258', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The encoding a BOM announces, if any. */
export function bomEncoding(head: Buffer): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

export class EncodingError extends Error {
  constructor(
    readonly encoding: string,
    readonly row: number,
  ) {
    super(`The file is not valid ${encoding.toUpperCase()} (first bad bytes near row ${row}).`);
  }
}

/**
 * The file as text chunks in the given encoding (a BOM is dropped). Undecodable bytes stop the read
 * with an EncodingError; NUL characters mean a binary file and stop it too.
 */
export async function* decodeFile(file: string, encoding: Exclude<Encoding, 'auto'>, rowOf: () => number): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream) {
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw new EncodingError(encoding, rowOf());
      }
      if (text.includes('\u0000')) throw new EncodingError(encoding, rowOf());
      yield text;
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new EncodingError(encoding, rowOf());
    }
    if (tail) yield tail;
  } finally {
    stream.destroy();
  }
}

/** Reads every record of a file (header included) with its row number. */
export async function* readRecords(file: string, encoding: Exclude<Encoding, 'auto'>, delimiter: string): AsyncGenerator<{ row: number; values: string[] }> {
  const parser = new CsvParser(delimiter);
  let row = 1;
  for await (const text of decodeFile(file, encoding, () => parser.row)) {
    for (const values of parser.push(text)) yield { row: row++, values };
  }
  for (const values of parser.end()) yield { row: row++, values };
}

/** The delimiter of a header line: the most frequent of , ; tab | outside quotes (Excel in many locales writes ;). */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

// ── writing ─────────────────────────────────────────────────────────────────────────────────
/**
 * One CSV cell. Cells a spreadsheet would run as a formula (= + - @, tab, CR at the start) get a
 * leading apostrophe (OWASP CSV injection); then RFC 4180 quoting.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = Array.isArray(value) ? value.join('; ') : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`;

/** Excel opens a CSV as UTF-8 only when it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';
