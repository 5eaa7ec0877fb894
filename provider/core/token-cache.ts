import { createHash, randomBytes } from "crypto";
import { promises as fs } from "fs";
import { homedir } from "os";
import { join } from "path";

/** An access token and when it stops working (epoch ms). Nothing else is ever written to disk. */
export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Access tokens shared by every process on this machine, so a `pulumi up` (a preview process, then an update
 * process) and the commands after it reuse one token until it expires instead of asking the vendor each time:
 * vendors cap how many tokens a refresh token may mint (Zoho: about ten per ten minutes).
 *
 * One file per refresh token in ${XDG_CACHE_HOME:-~/.cache}/pulumi-helpdesk/tokens (PULUMI_HELPDESK_TOKEN_CACHE_DIR
 * moves it; PULUMI_HELPDESK_TOKEN_CACHE=off turns it off), named by a SHA-256 of what identifies the refresh token,
 * so the file name reveals nothing. The folder is 0700 and the files 0600, like ~/.ssh. The cache only saves
 * requests: a file that cannot be read, parsed or written is ignored and a token is minted as without it.
 */
export class TokenCache {
  private constructor(private readonly dir: string) {}

  /** The cache this environment asks for, or undefined when it is turned off. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): TokenCache | undefined {
    if (env.PULUMI_HELPDESK_TOKEN_CACHE?.toLowerCase() === "off") return undefined;
    const cacheHome = env.XDG_CACHE_HOME || join(homedir(), ".cache");
    return new TokenCache(env.PULUMI_HELPDESK_TOKEN_CACHE_DIR || join(cacheHome, "pulumi-helpdesk", "tokens"));
  }

  /** A file-name-safe key for the refresh token these parts identify (e.g. auth server, client id, refresh token). */
  static keyFor(...parts: string[]): string {
    return createHash("sha256").update(parts.join("\0")).digest("hex");
  }

  async read(key: string): Promise<CachedToken | undefined> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(this.file(key), "utf8"));
      const { accessToken, expiresAt } = (parsed ?? {}) as Partial<CachedToken>;
      if (typeof accessToken === "string" && accessToken !== "" && typeof expiresAt === "number") return { accessToken, expiresAt };
    } catch {
      // Missing, unreadable or corrupt: the same as no cached token.
    }
    return undefined;
  }

  /** Atomic (temporary file, then rename), so a process reading at the same time sees the old or the new token. */
  async write(key: string, token: CachedToken): Promise<void> {
    const temporary = `${this.file(key)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      await fs.writeFile(temporary, JSON.stringify({ accessToken: token.accessToken, expiresAt: token.expiresAt }), { mode: 0o600, flag: "wx" });
      await fs.rename(temporary, this.file(key));
    } catch {
      // A read-only or full disk costs one token exchange per process, as without the cache; it must not fail a deploy.
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}
