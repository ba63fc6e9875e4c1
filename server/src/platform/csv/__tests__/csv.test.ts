import { describe, expect, it } from 'vitest';
import { CsvError, CsvParser, csvCell, detectDelimiter } from '../csv.ts';

/** Feeds the text one chunk size at a time: a record split anywhere must come out the same. */
function parseInChunks(text: string, size: number, delimiter = ',') {
  const p = new CsvParser(delimiter);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
  out.push(...p.end());
  return out;
}

describe('RFC 4180 streaming parser', () => {
  const text = 'a,b,c\r\n"quoted, with comma","line1\r\nline2","say ""hi"""\r\n,,\nlast,"",x';
  const expected = [['a', 'b', 'c'], ['quoted, with comma', 'line1\r\nline2', 'say "hi"'], ['', '', ''], ['last', '', 'x']];

  it.each([1, 2, 3, 7, 1000])('gives the same records whatever the chunk size (%i)', (size) => {
    expect(parseInChunks(text, size)).toEqual(expected);
  });

  it('accepts CRLF, LF and CR line breaks and a final line break', () => {
    expect(parseInChunks('a\r\nb\nc\rd\r\n', 1)).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the row', () => {
    expect(() => parseInChunks('a\r\n"open', 4)).toThrow(CsvError);
    const error = (() => {
      try {
        parseInChunks('a\r\nb\r\n"x"y', 2);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).row).toBe(3);
    expect(() => parseInChunks('"x"y', 2)).toThrow(/after a closing quote/);
  });

  it('detects the delimiter of the header line outside quotes', () => {
    expect(detectDelimiter('name;email;"a,b,c"')).toBe(';');
    expect(detectDelimiter('name\temail')).toBe('\t');
    expect(detectDelimiter('name,email')).toBe(',');
  });

  it('escapes formula cells and quotes special characters when writing', () => {
    expect(['=1+1', '+84', '-5', '@x', '\tx', '\rx', 'plain', 'a,b', 'say "x"', null].map(csvCell)).toEqual([
      "'=1+1", "'+84", "'-5", "'@x", "'\tx", '"\'\rx"', 'plain', '"a,b"', '"say ""x"""', '',
    ]);
  });
});
