import { statSync, writeFileSync } from "fs";
import { dirname, resolve } from "path";

/** Refuses an --out file that cannot be written before the command reads anything (an export reads for minutes). */
export function checkOutFile(path: string): void {
  const folder = dirname(resolve(path));
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--out ${path}: the folder ${folder} does not exist; create it or give another file`);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--out ${path}: is a folder; give a file name`);
}

/** The command's result to the --out file, or to standard output without one. */
export function writeOut(path: string | undefined, text: string): void {
  if (path === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new Error(`--out ${path}: cannot write it (${(error as Error).message})`);
  }
}
