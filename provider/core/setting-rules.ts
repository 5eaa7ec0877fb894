import type { SettingSpec } from "./settings";

/**
 * What is wrong with a setting's value, as the end of "the value ... ", or undefined when nothing is. These are
 * values no request can succeed with; caught when the setting is read, they fail the operation at once, naming the
 * setting, instead of surfacing after every retry as an unreachable vendor.
 */
export function settingProblem(spec: SettingSpec, value: string): string | undefined {
  // Every setting ends up in a header, a URL or a form field, and none of them can carry a control character.
  // The usual source is a trailing newline from a file or a copied terminal line.
  if (/[\u0000-\u001f\u007f]/.test(value)) return "contains a line break or other control character";
  if (spec.format === "http-url") return httpUrlProblem(value);
  return spec.rule?.(value);
}

function httpUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not an absolute URL (expected e.g. https://host/path)";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `has the scheme ${url.protocol} where https: (or http:) is needed`;
  return undefined;
}
