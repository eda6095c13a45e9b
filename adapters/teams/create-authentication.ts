/**
 * Bot Framework authentication for the adapter. Without MICROSOFT_APP_ID it is Emulator
 * mode: no inbound token check and no outbound token (local development only). With it,
 * every inbound activity must carry a token signed by a key from the OpenID metadata,
 * issued by the Bot Framework, for this app id, and naming the activity's serviceUrl.
 * All endpoints are passed explicitly: the factory takes every parameter literally once
 * any one is given, and the overrides let tests use a loopback OpenID/JWKS server.
 */
import {
  AuthenticationConfiguration,
  AuthenticationConstants,
  BotFrameworkAuthenticationFactory,
  PasswordServiceClientCredentialFactory,
  type BotFrameworkAuthentication,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import type { Config } from '../../src/config.ts';

export type TeamsAuthConfig = Pick<
  Config,
  | 'MICROSOFT_APP_ID'
  | 'MICROSOFT_APP_PASSWORD'
  | 'MICROSOFT_APP_TENANT_ID'
  | 'MICROSOFT_OPENID_METADATA_URL'
  | 'MICROSOFT_TOKEN_ISSUER'
>;

export function createCredentialsFactory(config: TeamsAuthConfig): ServiceClientCredentialsFactory {
  return new PasswordServiceClientCredentialFactory(
    config.MICROSOFT_APP_ID ?? '',
    config.MICROSOFT_APP_PASSWORD ?? '',
    config.MICROSOFT_APP_TENANT_ID ?? '',
  );
}

export function createTeamsAuthentication(
  config: TeamsAuthConfig,
  credentialsFactory: ServiceClientCredentialsFactory = createCredentialsFactory(config),
): BotFrameworkAuthentication {
  // A single-tenant app gets its outbound tokens from its own tenant.
  const loginUrl = config.MICROSOFT_APP_TENANT_ID
    ? `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${config.MICROSOFT_APP_TENANT_ID}`
    : AuthenticationConstants.ToChannelFromBotLoginUrl;
  return BotFrameworkAuthenticationFactory.create(
    '',
    true,
    loginUrl,
    AuthenticationConstants.ToChannelFromBotOAuthScope,
    config.MICROSOFT_TOKEN_ISSUER ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    AuthenticationConstants.OAuthUrl,
    config.MICROSOFT_OPENID_METADATA_URL ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerIdConstants.PublicAzureChannel,
    credentialsFactory,
    new AuthenticationConfiguration(),
  );
}
