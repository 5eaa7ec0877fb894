import { CredentialsRefusedError, HelpdeskError, VendorApiError } from "../core/errors";
import { Transport } from "../core/http/transport";
import { ImichatConnection } from "./connection";

export const AUTHORIZE = "/v3.1/authorize";
/** IMIchat's codes for a missing (2002) or wrong (2003) key at /authorize. */
const KEY_REFUSED = ["2002", "2003"];

/** The `key` header of /authorize: base64("<APIKey>@<DomainName>"), read from the settings when a request is sent. */
export function authorizationHeaders(connection: ImichatConnection): Record<string, string> {
  return { key: Buffer.from(`${connection.apiKey()}@${connection.domain()}`).toString("base64") };
}

/**
 * IMIchat's access token: GET /v3.1/authorize answers with the token in a response header. The request goes
 * through a Transport that sends the key, so it is retried and paced like any other. One token serves every
 * request of the process until IMIchat says it expired (2004), then one renewal serves them all.
 */
export class ImichatToken {
  private token?: Promise<string>;

  constructor(private readonly connection: ImichatConnection, private readonly transport: Transport) {}

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
    try {
      const { status, headers } = await this.transport.request({ method: "GET", path: AUTHORIZE });
      if (headers.access_token) return headers.access_token;
      throw new HelpdeskError(`IMIchat answered GET ${AUTHORIZE} with ${status} and no access_token header`);
    } catch (error) {
      if (error instanceof VendorApiError && error.code !== undefined && KEY_REFUSED.includes(error.code)) {
        throw new CredentialsRefusedError(
          `IMIchat refused the API key and domain at ${AUTHORIZE} (${error.code} ${descriptionOf(error.body)}): check ${this.connection.settingName("apiKey")} ` +
            `and ${this.connection.settingName("domain")}`,
        );
      }
      throw error;
    }
  }
}

function descriptionOf(envelope: unknown): string {
  const description = (envelope as { description?: unknown } | undefined)?.description;
  return typeof description === "string" ? description : "no description";
}
