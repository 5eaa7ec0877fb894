import { isTree, Tree, withValueAt } from "../core/leaves";

/**
 * During preview, inputs computed from other resources' outputs arrive as this sentinel string
 * (@pulumi/pulumi runtime/rpc unknownValue). Vendor logic must not validate or send it.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The inputs without their unknown leaves, and the paths those leaves had. */
export function splitUnknowns(tree: Tree, prefix: string[] = []): { known: Tree; unknownPaths: string[][] } {
  const known: Tree = {};
  const unknownPaths: string[][] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (value === UNKNOWN) unknownPaths.push([...prefix, key]);
    else if (isTree(value)) {
      const inner = splitUnknowns(value, [...prefix, key]);
      known[key] = inner.known;
      unknownPaths.push(...inner.unknownPaths);
    } else known[key] = value;
  }
  return { known, unknownPaths };
}

export function restoreUnknowns(tree: Tree, unknownPaths: string[][]): Tree {
  return unknownPaths.reduce((result, path) => withValueAt(result, path, UNKNOWN), tree);
}

/** A failure about a value nobody knows yet is premature: it is checked again when the value is known. */
export function touchesUnknown(property: string, unknownPaths: string[][]): boolean {
  return unknownPaths.some((path) => property === path.join(".") || property.startsWith(path.join(".") + "."));
}
