import fetch from "node-fetch";
import { CredentialsRefusedError, HelpdeskError, VendorUnreachableError } from "../core/errors";
import { userAgent } from "../core/user-agent";
import { ImichatConnection } from "./connection";

const AUTHORIZE = "/v3.1/authorize";

/**
 * IMIchat's access token: GET /v3.1/authorize with base64("<APIKey>@<DomainName>") answers with the token in a
 * response header. The core Transport hands back bodies only, so this one request is sent here. One token serves
 * every request of the process until IMIchat says it expired (2004), then one renewal serves them all.
 */
export class ImichatToken {
  private token?: Promise<string>;

  constructor(private readonly connection: ImichatConnection) {}

  current(): Promise<string> {
    this.token ??= this.authorize().catch((error) => ((this.token = undefined), Promise.reject(error)));
    return this.token;
  }

  /** After IMIchat refused `refused`: a new token, unless another request already got one. */
  async renew(refused: string | undefined): Promise<void> {
    if (this.token && refused !== undefined && (await this.token.catch(() => undefined)) !== refused) return;
    this.token = undefined;
    await this.current();
  }

  private async authorize(): Promise<string> {
    const key = Buffer.from(`${this.connection.apiKey()}@${this.connection.domain()}`).toString("base64");
    let response;
    try {
      response = await fetch(`${this.connection.baseUrl()}${AUTHORIZE}`, { headers: { key, Accept: "application/json", "User-Agent": userAgent }, timeout: 30_000 });
    } catch (error) {
      throw new VendorUnreachableError("IMIchat", "GET", AUTHORIZE, 1, error);
    }
    const token = response.headers.get("access_token");
    if (response.ok && token) return token;
    const text = await response.text();
    const envelope = safeJson(text) as { status_code?: unknown; description?: unknown } | undefined;
    const code = envelope?.status_code;
    if (code === 2003 || code === 2002) {
      throw new CredentialsRefusedError(
        `IMIchat refused the API key and domain at ${AUTHORIZE} (${code} ${String(envelope?.description)}): check ${this.connection.settingName("apiKey")} ` +
          `and ${this.connection.settingName("domain")}`,
      );
    }
    throw new HelpdeskError(`IMIchat answered GET ${AUTHORIZE} with ${response.status}${code !== undefined ? ` ${code}` : ""} and no access_token header`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
