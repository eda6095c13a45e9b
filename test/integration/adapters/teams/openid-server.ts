/**
 * A local stand-in for login.botframework.com: an OpenID configuration and a JWKS on
 * loopback, and a signer for Bot Framework channel tokens made with jose.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';

export const ISSUER = 'https://api.botframework.com';

export interface OpenIdServer {
  metadataUrl: string;
  /** Signs a channel → bot token; options bend one claim at a time for refusal tests. */
  token(
    claims: { aud: string; serviceUrl: string; expiresInSeconds?: number; issuer?: string },
    signer?: 'published' | 'unknown-kid' | 'impostor',
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startOpenIdServer(): Promise<OpenIdServer> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256', { extractable: true });
  const jwk = {
    ...(await exportJWK(published.publicKey)),
    kid: 'key-1',
    use: 'sig',
    alg: 'RS256',
    endorsements: ['msteams', 'emulator'],
  };
  let base = '';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({
          issuer: ISSUER,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else {
      res.end(JSON.stringify({ keys: [jwk] }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function token(
    claims: { aud: string; serviceUrl: string; expiresInSeconds?: number; issuer?: string },
    signer: 'published' | 'unknown-kid' | 'impostor' = 'published',
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + (claims.expiresInSeconds ?? 3600);
    const key: CryptoKey = signer === 'published' ? published.privateKey : unpublished.privateKey;
    // 'impostor' reuses the published key id with a key that is not the published one.
    const kid = signer === 'unknown-kid' ? 'key-unknown' : 'key-1';
    return new SignJWT({ serviceurl: claims.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? ISSUER)
      .setAudience(claims.aud)
      .setIssuedAt(Math.min(now, exp - 60))
      .setNotBefore(Math.min(now, exp - 60) - 5)
      .setExpirationTime(exp)
      .sign(key);
  }

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    token,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
