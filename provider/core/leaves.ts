/**
 * The diff engine works on leaves: "tickets.delete" -> false. A resource owns the leaves its program declares;
 * everything else on the vendor side is somebody else's and is never compared, sent or shown.
 */
export type Tree = { [key: string]: unknown };

export function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every leaf path of a nested object, in declaration order. Arrays and scalars are leaves. */
export function leafPaths(tree: Tree, prefix: string[] = []): string[][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    isTree(value) ? leafPaths(value, [...prefix, key]) : value === undefined ? [] : [[...prefix, key]],
  );
}

export function valueAt(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const key of path) {
    if (!isTree(node)) return undefined;
    node = node[key];
  }
  return node;
}

export function withValueAt(tree: Tree, path: readonly string[], value: unknown): Tree {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...tree, [head]: value };
  const child = isTree(tree[head]) ? (tree[head] as Tree) : {};
  return { ...tree, [head]: withValueAt(child, rest, value) };
}

/** The declared leaves whose value differs from the same leaf in `current` (absent counts as different). */
export function changedLeaves(declared: Tree, current: unknown): string[][] {
  return leafPaths(declared).filter((path) => !sameValue(valueAt(declared, path), valueAt(current, path)));
}

/** A tree shaped like `shape` holding the values `source` has at those leaves (missing leaves are left out). */
export function pickLeaves(shape: Tree, source: unknown, paths: string[][] = leafPaths(shape)): Tree {
  return paths.reduce<Tree>((tree, path) => {
    const value = valueAt(source, path);
    return value === undefined ? tree : withValueAt(tree, path, value);
  }, {});
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.join(".");
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
