/**
 * Each language's catalogue is the deep merge of every JSON file in its folder: translation.json holds
 * the shell's keys, and each module keeps its own file (customers.json, tickets.json…), so modules can
 * grow their texts without touching one shared file. Two files defining the same key is an error.
 */
export type Tree = { [key: string]: string | Tree };

export function mergeCatalogue(files: Record<string, Tree>): Tree {
  const merged: Tree = {};
  for (const [file, tree] of Object.entries(files)) mergeInto(merged, tree, file, '');
  return merged;
}

function mergeInto(target: Tree, source: Tree, file: string, prefix: string) {
  for (const [key, value] of Object.entries(source)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const existing = target[key];
    if (typeof value === 'object' && value !== null) {
      if (typeof existing === 'string') throw new Error(`${file}: "${name}" is both a text and a group`);
      target[key] = existing ?? {};
      mergeInto(target[key] as Tree, value, file, name);
    } else {
      if (existing !== undefined) throw new Error(`${file}: "${name}" is defined twice`);
      target[key] = value;
    }
  }
}
