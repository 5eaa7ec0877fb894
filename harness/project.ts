import { spawn } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { offlinePulumiEnv } from "./pulumi-cli";

import { repoRoot } from "./repo-root";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a person at a terminal sees them. */
  output: string;
}

export interface ProjectOptions {
  name: string;
  /** The program's index.ts, written into a new temporary project folder. */
  program?: string;
  /** An existing project folder to run in place (its Pulumi.yaml and program), instead of a temporary one. */
  dir?: string;
  /** The stack to create (default "dev"). */
  stack?: string;
  /** Extra environment, typically the sandbox's (endpoints and credentials). */
  env?: NodeJS.ProcessEnv;
  /**
   * Install pulumi-helpdesk as a copy (a real folder in node_modules) instead of a link to this checkout, so a
   * test can change the installed package under existing state, as `npm install pulumi-helpdesk@next` would.
   */
  copyPackage?: boolean;
  /** Type-check the program with ts-node (slower); tests skip it to exercise the provider's own validation. */
  typeCheck?: boolean;
}

/** A Pulumi project in a temporary folder with its own file backend and stack "dev", run through the real CLI. */
export class PulumiProject {
  readonly dir: string;
  readonly stateDir: string;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(readonly options: ProjectOptions) {
    const scratch = mkdtempSync(join(tmpdir(), `pulumi-helpdesk-${options.name}-`));
    this.dir = options.dir ?? scratch;
    this.stateDir = join(scratch, ".state");
    mkdirSync(this.stateDir);
    this.env = {
      ...process.env,
      ...offlinePulumiEnv(this.stateDir, join(scratch, ".pulumi-home")),
      PULUMI_NODEJS_TRANSPILE_ONLY: options.typeCheck ? "false" : "true",
      ...options.env,
    };
  }

  static async create(options: ProjectOptions): Promise<PulumiProject> {
    const project = new PulumiProject(options);
    if (!options.dir) project.layOut(options.program ?? "");
    await project.pulumi(["stack", "init", options.stack ?? "dev"]).then(expectSuccess);
    return project;
  }

  get packageDir(): string {
    return join(this.dir, "node_modules", "pulumi-helpdesk");
  }

  writeProgram(source: string): void {
    writeFileSync(join(this.dir, "index.ts"), source);
  }

  /** Runs `pulumi <args>` in the project folder; never throws on a non-zero exit. */
  pulumi(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive", "--color", "never"], {
        cwd: this.dir,
        env: { ...this.env, ...extraEnv },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      let output = "";
      child.stdout.on("data", (chunk) => ((stdout += chunk), (output += chunk)));
      child.stderr.on("data", (chunk) => ((stderr += chunk), (output += chunk)));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, output }));
    });
  }

  /**
   * Starts `pulumi <args>` in a process group of its own and returns a function that SIGKILLs the whole group (the
   * CLI, the language host, the program and the provider plugins), as a crash or a cancelled CI job would.
   */
  startKillable(args: string[]): { kill(): void; exited: Promise<number> } {
    const child = spawn("pulumi", [...args, "--non-interactive", "--color", "never"], {
      cwd: this.dir,
      env: this.env,
      stdio: "ignore",
      detached: true,
    });
    const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
    return { kill: () => process.kill(-child.pid!, "SIGKILL"), exited };
  }

  up(...flags: string[]): Promise<RunResult> {
    return this.pulumi(["up", "--yes", "--skip-preview", ...flags]).then(expectSuccess);
  }

  preview(...flags: string[]): Promise<RunResult> {
    return this.pulumi(["preview", "--diff", ...flags]);
  }

  refresh(...flags: string[]): Promise<RunResult> {
    return this.pulumi(["refresh", "--yes", "--skip-preview", ...flags]).then(expectSuccess);
  }

  destroy(...flags: string[]): Promise<RunResult> {
    return this.pulumi(["destroy", "--yes", "--skip-preview", ...flags]).then(expectSuccess);
  }

  async config(key: string, value: string, secret = false): Promise<void> {
    await this.pulumi(["config", "set", key, value, ...(secret ? ["--secret"] : [])]).then(expectSuccess);
  }

  /** The stack's checkpoint as `pulumi stack export` prints it. */
  async exportState(): Promise<{ deployment: { resources: Array<{ type: string; urn: string; id?: string; inputs?: any; outputs?: any }> } }> {
    return JSON.parse((await this.pulumi(["stack", "export"]).then(expectSuccess)).stdout);
  }

  /** Every file the backend wrote, concatenated: what would sit in a state bucket. */
  stateFilesText(): string {
    const texts: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else texts.push(readFileSync(path, "utf8"));
      }
    };
    walk(this.stateDir);
    return texts.join("\n");
  }

  private layOut(program: string): void {
    writeFileSync(join(this.dir, "Pulumi.yaml"), `name: ${this.options.name}\nruntime: nodejs\nmain: index.ts\n`);
    writeFileSync(join(this.dir, "package.json"), JSON.stringify({ name: this.options.name, private: true }, null, 2));
    writeFileSync(
      join(this.dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "commonjs", moduleResolution: "node", strict: true, esModuleInterop: true, skipLibCheck: true } }),
    );
    this.writeProgram(program);
    const modules = join(this.dir, "node_modules");
    mkdirSync(modules);
    for (const entry of readdirSync(join(repoRoot, "node_modules"))) {
      if (entry === "pulumi-helpdesk" || entry.startsWith(".")) continue;
      symlinkSync(join(repoRoot, "node_modules", entry), join(modules, entry));
    }
    if (this.options.copyPackage) {
      mkdirSync(this.packageDir);
      cpSync(join(repoRoot, "package.json"), join(this.packageDir, "package.json"));
      cpSync(join(repoRoot, "dist", "provider"), join(this.packageDir, "dist", "provider"), { recursive: true });
    } else {
      symlinkSync(repoRoot, this.packageDir);
    }
    if (!existsSync(join(this.packageDir, "dist", "provider", "index.js"))) throw new Error("pulumi-helpdesk is not built: run npm run build");
  }
}

export function expectSuccess(result: RunResult): RunResult {
  if (result.code !== 0) throw new Error(`pulumi exited with ${result.code}:\n${result.output}`);
  return result;
}
