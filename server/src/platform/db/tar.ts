/**
 * A minimal POSIX ustar writer and reader, enough for Switchboard's backup archives (regular files and
 * directories, names up to 255 bytes). Written here rather than pulled from npm: the format is a few
 * fixed-width fields, and the backup must not depend on a package that nobody else uses.
 */
const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1; // 11 octal digits: 8 GiB per entry

export type TarEntryType = 'file' | 'directory';

export interface TarEntryHeader {
  name: string;
  type: TarEntryType;
  size: number;
  mode: number;
  mtime: Date;
}

export interface TarEntry extends TarEntryHeader {
  /** The entry's bytes; must be read to the end (or drained) before the next entry is pulled. */
  body: AsyncIterable<Buffer>;
}

function writeString(block: Buffer, value: string, offset: number, length: number) {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar: field too long: ${value}`);
  bytes.copy(block, offset);
}

function writeOctal(block: Buffer, value: number, offset: number, length: number) {
  // length - 1 digits, then NUL.
  writeString(block, value.toString(8).padStart(length - 1, '0'), offset, length - 1);
}

/** ustar splits a long path into prefix (155 bytes) + '/' + name (100 bytes). */
function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest) return { prefix, name: rest };
  }
  throw new Error(`tar: path too long for a ustar archive: ${name}`);
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return sum;
}

export function tarHeader(entry: TarEntryHeader): Buffer {
  if (entry.size > MAX_SIZE) throw new Error(`tar: ${entry.name} is larger than 8 GiB`);
  const block = Buffer.alloc(BLOCK);
  const { prefix, name } = splitName(entry.type === 'directory' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name);
  writeString(block, name, 0, 100);
  writeOctal(block, entry.mode & 0o7777, 100, 8);
  writeOctal(block, 0, 108, 8); // uid
  writeOctal(block, 0, 116, 8); // gid
  writeOctal(block, entry.type === 'file' ? entry.size : 0, 124, 12);
  writeOctal(block, Math.floor(entry.mtime.getTime() / 1000), 136, 12);
  block[156] = (entry.type === 'file' ? '0' : '5').charCodeAt(0);
  writeString(block, 'ustar\0', 257, 6);
  writeString(block, '00', 263, 2);
  writeString(block, prefix, 345, 155);
  writeString(block, checksum(block).toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return block;
}

export function tarPadding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(BLOCK * 2);

/** Pulls exact byte counts out of a chunked stream. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        this.buffered.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= n;
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? this.buffered[0] : Buffer.concat(this.buffered);
    this.buffered = all.length > n ? [all.subarray(n)] : [];
    this.length = all.length - n;
    return all.subarray(0, n);
  }

  /** Exactly n bytes, or null at a clean end of stream. */
  async read(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) {
      if (this.length === 0) return null;
      throw new Error('tar: archive is truncated');
    }
    return this.take(n);
  }

  /** Reads the source to its end: a gzip source verifies its checksum and length only there. */
  async drain(): Promise<void> {
    while (!(await this.iterator.next()).done);
    this.buffered = [];
    this.length = 0;
  }

  /** n bytes as they arrive, without holding them all in memory. */
  async *stream(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.length === 0 && !(await this.fill(1))) throw new Error('tar: archive is truncated');
      const chunk = this.take(Math.min(left, this.length));
      left -= chunk.length;
      yield chunk;
    }
  }
}

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(block: Buffer, offset: number, length: number): number {
  const text = readString(block, offset, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new Error('tar: corrupt header (numeric field)');
  return text ? parseInt(text, 8) : 0;
}

/**
 * Iterates a ustar stream. Only regular files and directories are accepted: anything else is refused.
 * After the end marker the source is read to its end, so a damaged compressed stream is noticed.
 */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source);
  for (;;) {
    const block = await reader.read(BLOCK);
    if (!block) throw new Error('tar: archive ends without its end marker (truncated?)');
    if (block.every((byte) => byte === 0)) {
      await reader.drain();
      return;
    }
    if (readOctal(block, 148, 8) !== checksum(block)) throw new Error('tar: corrupt header (checksum mismatch)');
    const prefix = readString(block, 345, 155);
    const rawName = readString(block, 0, 100);
    const name = (prefix ? `${prefix}/${rawName}` : rawName).replace(/\/$/, '');
    const flag = String.fromCharCode(block[156]);
    const type: TarEntryType | null = flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'directory' : null;
    if (!type) throw new Error(`tar: unsupported entry type "${flag}" for ${name}`);
    const size = type === 'file' ? readOctal(block, 124, 12) : 0;
    let taken = 0;
    const body = (async function* () {
      for await (const chunk of reader.stream(size)) {
        taken += chunk.length;
        yield chunk;
      }
    })();
    yield { name, type, size, mode: readOctal(block, 100, 8), mtime: new Date(readOctal(block, 136, 12) * 1000), body };
    for await (const _ of reader.stream(size - taken)); // whatever the caller did not read
    await reader.read(tarPadding(size).length);
  }
}
