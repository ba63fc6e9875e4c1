import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` whose name `keep` accepts, not descending into directories named in `skipDirs`. */
export function filesUnder(dir: string, keep: (file: string) => boolean, skipDirs: readonly string[] = []): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skipDirs.includes(entry.name) ? [] : filesUnder(full, keep, skipDirs);
    return keep(full) ? [full] : [];
  });
}
