/**
 * One edit of a generated program, as a person would make it: inside the block of resource `name`, the first
 * `from` becomes `to`. Throws when the resource or the text is not there, so a test cannot edit nothing.
 */
export function editResource(source: string, name: string, from: string, to: string): string {
  const start = source.indexOf(`("${name}", {`);
  const end = source.indexOf("\n});", start);
  const at = source.indexOf(from, start);
  if (start < 0 || at < 0 || at > end) throw new Error(`no '${from}' in resource ${name} of:\n${source}`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}
