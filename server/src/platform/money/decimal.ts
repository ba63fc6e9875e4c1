/**
 * Exact comparison of non-negative decimal strings ("1000000000000000.01"), as the API carries amounts:
 * through Number, 18 significant digits round to the same double and a paid amount one cent over the
 * invoice would pass. Amounts are summed in SQL (numeric); this is for the checks before writing.
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** -1, 0 or 1 as a is less than, equal to or greater than b. Throws on anything but a plain non-negative decimal. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const [ia, fa] = parts(a);
  const [ib, fb] = parts(b);
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const width = Math.max(fa.length, fb.length);
  const [pa, pb] = [fa.padEnd(width, '0'), fb.padEnd(width, '0')];
  return pa === pb ? 0 : pa < pb ? -1 : 1;
}

function parts(value: string): [string, string] {
  const match = DECIMAL.exec(value);
  if (!match) throw new TypeError(`Not a non-negative decimal: ${value}`);
  return [match[1].replace(/^0+(?=\d)/, ''), match[2] ?? ''];
}
