import { CachedToken, TokenCache } from "../core/token-cache";
import { ZohoOAuthCredentials, ZohoTokenEndpoint } from "./token-endpoint";

/** Renew a little before Zoho's expiry so a token never dies in flight. */
const EXPIRY_MARGIN_MS = 60_000;

/** Every ZohoAccessToken of this process, by refresh token (the same key as the cache file). */
const shared = new Map<string, ZohoAccessToken>();

/**
 * Zoho's self-client flow: a long-lived refresh token buys short-lived access tokens (one hour) from the accounts
 * server, which caps how many one refresh token may mint in ten minutes. So each refresh token has one access token
 * per process, shared by every client (`ZohoAccessToken.for`), taken from the machine's token cache when another
 * process already minted one, and renewed only near expiry or after a 401; never two exchanges at once.
 */
export class ZohoAccessToken {
  private current?: CachedToken;
  private pending?: Promise<string>;

  constructor(private readonly endpoint: ZohoTokenEndpoint, private readonly cache: TokenCache | undefined, private readonly key: string) {}

  /** This process's token for these credentials, created on first use. */
  static for(credentials: ZohoOAuthCredentials, userAgent: string): ZohoAccessToken {
    const accountsUrl = credentials.accountsUrl.replace(/\/+$/, "");
    const key = TokenCache.keyFor(accountsUrl, credentials.clientId, credentials.refreshToken);
    let token = shared.get(key);
    if (!token) {
      token = new ZohoAccessToken(new ZohoTokenEndpoint({ ...credentials, accountsUrl }, userAgent), TokenCache.fromEnvironment(), key);
      shared.set(key, token);
    }
    return token;
  }

  /** A token with at least a minute left. */
  get(): Promise<string> {
    return this.obtain(() => true);
  }

  /** A token other than the one the vendor just refused (a 401): someone else's fresh one, or a new one. */
  renew(refused: string): Promise<string> {
    return this.obtain((token) => token !== refused);
  }

  private async obtain(acceptable: (token: string) => boolean): Promise<string> {
    // Wait for an exchange already under way (and share its failure): its token may be the one we need.
    while (this.pending) await this.pending;
    if (usable(this.current, acceptable)) return this.current.accessToken;
    this.pending = this.load(acceptable).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async load(acceptable: (token: string) => boolean): Promise<string> {
    const cached = await this.cache?.read(this.key);
    this.current = usable(cached, acceptable) ? cached : await this.endpoint.mint();
    if (this.current !== cached) await this.cache?.write(this.key, this.current);
    return this.current.accessToken;
  }
}

function usable(token: CachedToken | undefined, acceptable: (token: string) => boolean): token is CachedToken {
  return token !== undefined && token.expiresAt - EXPIRY_MARGIN_MS > Date.now() && acceptable(token.accessToken);
}
