type Tree = { [key: string]: string | Tree };

/** `{ case: { list: { title: 'x' } } }` → `{ 'case.list.title': 'x' }`. */
export function flatten(tree: Tree, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else flatten(value, path, out);
  }
  return out;
}
