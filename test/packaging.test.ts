import { execFile } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { promisify } from "util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../harness/project";
import { repoRoot } from "../harness/repo-root";
import { projectEnv } from "./support/helpdesk-cli";

// The package as a user gets it: `npm pack` in this checkout, the tarball installed into a fresh Pulumi project
// outside it, following README.md's "Using it in your own project" and "The sandbox" word for word.

const exec = promisify(execFile);
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };
const tarballName = `pulumi-helpdesk-${manifest.version}.tgz`;

/** The README's first TypeScript block: the program a reader copies. */
const readmeProgram = /```ts\n([\s\S]*?)```/.exec(readme)![1];
/** The README's install line for a packed tarball, e.g. `npm install /path/to/pulumi-helpdesk-0.1.0.tgz @pulumi/pulumi`. */
const readmeInstall = readme.split("\n").find((line) => /^npm install \S+\.tgz /.test(line.trim()))?.trim();
const readmeOneLiner = 'eval "$(npx pulumi-helpdesk-sandbox --print-env)"';
const sandboxEnvNames = ["ZOHO_DESK_API_BASE_URL", "ZOHO_ACCOUNTS_URL", "ZOHO_DESK_ORG_ID", "ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN"];

describe("the npm tarball, installed into a fresh project as the README says", () => {
  let scratch: string;
  let tarball: string;
  let packed: string[];
  let projectDir: string;
  /** TMPDIR for the sandbox CLI, so its default pid file lands in the scratch folder. */
  let sandboxTmp: string;
  let sandboxEnv: Record<string, string>;

  const sandboxCli = (args: string): Promise<{ stdout: string; stderr: string }> =>
    exec("bash", ["-c", `./node_modules/.bin/pulumi-helpdesk-sandbox ${args}`], { cwd: projectDir, env: { ...process.env, TMPDIR: sandboxTmp } });
  const pidFile = (): string => join(sandboxTmp, `pulumi-helpdesk-sandbox-${process.getuid?.() ?? "user"}.pid`);

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, "dist", "provider", "runtime.js"))) throw new Error("pulumi-helpdesk is not built: run npm run build");
    scratch = mkdtempSync(join(tmpdir(), "pulumi-helpdesk-packaging-"));
    projectDir = join(scratch, "project");
    sandboxTmp = join(scratch, "tmp");
    mkdirSync(projectDir);
    mkdirSync(sandboxTmp);
    // What `npm pack` packs, minus its `prepare` (a tsc build): the tests run after `npm run build`, and rebuilding
    // dist/ here would rewrite files that engine tests running beside this one are loading.
    const { stdout } = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], { cwd: repoRoot });
    const [result] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    expect(result.filename).toBe(tarballName);
    tarball = join(scratch, result.filename);
    packed = result.files.map((f) => f.path);
  });

  afterAll(async () => {
    if (sandboxTmp && existsSync(pidFile())) await sandboxCli("--stop").catch(() => undefined);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("carries the built package, its license and every document the README links to, and no sources or tests", () => {
    for (const file of [
      "package.json",
      "README.md",
      "LICENSE",
      "docs/pulumi-cli.md",
      "docs/reference/zohoDesk.Profile.md",
      "sandbox/README.md",
      "dist/provider/index.js",
      "dist/provider/index.d.ts",
      "dist/provider/runtime.js",
      "dist/sandbox/cli.js",
      "dist/cli/main.js",
      "dist/sandbox/index.d.ts",
      "scripts/link-self.js",
    ]) {
      expect(packed, file).toContain(file);
    }
    expect(readFileSync(join(repoRoot, "LICENSE"), "utf8")).toMatch(/Apache License\s+Version 2\.0, January 2004[\s\S]*END OF TERMS AND CONDITIONS/);

    expect(packed.filter((p) => /^(dist\/)?(test|harness|bench|scripts)\//.test(p) && p !== "scripts/link-self.js")).toEqual([]);
    // TypeScript only as declarations; the examples are programs for the reader, not the package's source.
    expect(packed.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts") && !p.startsWith("examples/"))).toEqual([]);
    expect(packed.filter((p) => /(^|\/)(node_modules|\.pulumi-state)\/|Pulumi\.[^/]+\.yaml$/.test(p))).toEqual([]);

    // Every relative link in the README lands on a packed file or folder, except links into the TypeScript source,
    // which are for readers of the repository.
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links.filter((l) => !(l.endsWith(".ts") && !l.endsWith(".d.ts")))) {
      const target = link.replace(/\/$/, "");
      expect(packed.some((p) => p === target || p.startsWith(`${target}/`)), `README link ${link}`).toBe(true);
    }
  });

  it("installs with npm as the README tells users, and its prepare step finds nothing missing", async () => {
    expect(readmeInstall, "README: npm install <tarball> @pulumi/pulumi").toMatch(new RegExp(`^npm install \\S*/${tarballName.replace(/\./g, "\\.")} @pulumi/pulumi$`));
    writeFileSync(join(projectDir, "Pulumi.yaml"), "name: helpdesk-packaging\nruntime: nodejs\nmain: index.ts\n");
    writeFileSync(join(projectDir, "package.json"), JSON.stringify({ name: "helpdesk-packaging", private: true }, null, 2));
    // What `pulumi new typescript` writes.
    writeFileSync(
      join(projectDir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node", sourceMap: true, experimentalDecorators: true, pretty: true, noFallthroughCasesInSwitch: true, noImplicitReturns: true, forceConsistentCasingInFileNames: true },
        files: ["index.ts"],
      }, null, 2),
    );
    writeFileSync(join(projectDir, "index.ts"), readmeProgram);

    // The README's line, with the SDK pinned to this checkout's version so the warm npm cache serves everything.
    await exec("npm", ["install", tarball, `@pulumi/pulumi@${manifest.dependencies["@pulumi/pulumi"]}`, "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: projectDir,
      maxBuffer: 16 * 1024 * 1024,
    });
    const installed = join(projectDir, "node_modules", "pulumi-helpdesk");
    expect(JSON.parse(readFileSync(join(installed, "package.json"), "utf8")).version).toBe(manifest.version);
    expect(existsSync(join(projectDir, "node_modules", ".bin", "pulumi-helpdesk-sandbox"))).toBe(true);
    expect(existsSync(join(projectDir, "node_modules", ".bin", "pulumi-helpdesk"))).toBe(true);
    // npm runs `prepare` when a folder like this one is installed with `npm install <folder>`.
    await exec("npm", ["run", "--silent", "prepare"], { cwd: installed });
  });

  it("starts the sandbox from the installed bin with the README's one-liner, runs up, a clean preview and destroy, and stops it", async () => {
    expect(readme).toContain(readmeOneLiner);
    expect(readme).toContain("npx pulumi-helpdesk-sandbox --stop");

    // The one-liner in a shell, then the environment that shell has: what `pulumi up` typed next would see.
    const { stdout } = await exec(
      "bash",
      ["-c", `${readmeOneLiner.replace("npx pulumi-helpdesk-sandbox", "./node_modules/.bin/pulumi-helpdesk-sandbox")} && node -e 'process.stdout.write(JSON.stringify(process.env))'`],
      { cwd: projectDir, env: { ...process.env, TMPDIR: sandboxTmp } },
    );
    const shellEnv = JSON.parse(stdout) as Record<string, string>;
    sandboxEnv = Object.fromEntries(sandboxEnvNames.map((name) => [name, shellEnv[name]]));
    expect(Object.values(sandboxEnv).every(Boolean), JSON.stringify(sandboxEnv)).toBe(true);
    const pid = Number(readFileSync(pidFile(), "utf8"));
    if (existsSync(`/proc/${pid}/cmdline`)) {
      expect(readFileSync(`/proc/${pid}/cmdline`, "utf8")).toContain(join(projectDir, "node_modules", "pulumi-helpdesk", "dist", "sandbox", "cli.js"));
    }

    const adminUrl = new URL(sandboxEnv.ZOHO_DESK_API_BASE_URL).origin;
    const profileNamed = async (name: string) => {
      const profiles = (await (await fetch(`${adminUrl}/__sandbox/zoho-desk/profiles`)).json()) as Array<{ name: string; permissions: any }>;
      return profiles.find((p) => p.name === name);
    };

    const project = await PulumiProject.create({ name: "helpdesk-packaging", dir: projectDir, env: sandboxEnv, typeCheck: true });
    await project.up();
    const created = await profileNamed("Tier 1 Agents");
    expect(created?.permissions.tickets).toMatchObject({ view: true, edit: true, delete: false, export: false });

    const preview = await project.preview("--expect-no-changes");
    expect(preview.code, preview.output).toBe(0);
    // The state names the package; it holds no path into this checkout.
    expect(project.stateFilesText()).not.toContain(repoRoot);

    // The package's own CLI from the installed bin: the scheduled drift check passes, and an export of the account
    // sees the profile this stack made (and leaves it to its owner).
    const helpdesk = (args: string) =>
      exec("bash", ["-c", `./node_modules/.bin/pulumi-helpdesk ${args}`], { cwd: projectDir, env: { ...process.env, ...projectEnv(project, sandboxEnv), GITHUB_STEP_SUMMARY: "" } });
    const drift = await helpdesk(`drift --stack dev --cwd ${projectDir}`);
    expect(drift.stdout).toMatch(/no drift|matches/i);
    const exported = await helpdesk("export --vendor zohoDesk");
    expect(exported.stdout).toContain("Tier 1 Agents");
    expect(exported.stdout).not.toContain(sandboxEnv.ZOHO_REFRESH_TOKEN);

    await project.destroy();
    expect(await profileNamed("Tier 1 Agents")).toBeUndefined();

    await sandboxCli("--stop");
    expect(existsSync(pidFile())).toBe(false);
    // Gone, or a zombie waiting for whichever process adopted it to reap it.
    if (existsSync("/proc")) expect(existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"))).toBe(false);
  });
});
