/** The three scopes of the API (OAuth2 `scope` claim, space-separated). */
export const scopes = ['ai:read', 'ai:write', 'ai:admin'] as const;
export type Scope = (typeof scopes)[number];

/** Who is calling: the account (tenant) every record belongs to, the user, their scopes. */
export interface Principal {
  accountId: string;
  /** The token's `sub`; for API keys, the key's id. */
  userId: string;
  scopes: ReadonlySet<string>;
  /**
   * How the caller authenticated: a bearer JWT, an API key, a Slack workspace (request signed
   * with its signing secret), or the service itself (evaluation runs).
   */
  method: 'jwt' | 'api_key' | 'slack' | 'system';
  /** The token's `email` claim, when it has one (the `From:` of published status updates). */
  email?: string;
}

export const hasScope = (principal: Principal, scope: Scope): boolean => principal.scopes.has(scope);
