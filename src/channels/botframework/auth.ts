/**
 * Bot Framework authentication and the adapter. With an app id, inbound
 * requests must carry a valid channel (or Emulator) token and replies are
 * signed with the app's credentials; without one the channel runs anonymously
 * for local development, and its credentials factory hands out no credentials,
 * so replies never trigger a token request to Microsoft Entra ID.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  MicrosoftAppCredentials,
  ServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ServiceClientCredentials,
} from 'botframework-connector';
import { BotFrameworkConfigError } from './errors';

/** Bot Framework credentials, read from MICROSOFT_APP_ID, _PASSWORD, _TENANT_ID and _TYPE by the config. */
export interface BotFrameworkAuthOptions {
  /** The bot's Microsoft app id; without it the channel accepts unauthenticated requests (development only). */
  appId?: string;
  /** Client secret of the app; required unless appType is UserAssignedMSI. */
  appPassword?: string;
  /** Entra ID tenant; required for SingleTenant and UserAssignedMSI. */
  tenantId?: string;
  /** 'MultiTenant' (default), 'SingleTenant' or 'UserAssignedMSI'. */
  appType?: string;
}

/** Hands out empty credentials: Bot Framework's way of saying "send unsigned". */
class AnonymousCredentialsFactory extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string): Promise<boolean> {
    return !appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return true;
  }

  async createCredentials(): Promise<ServiceClientCredentials> {
    return MicrosoftAppCredentials.Empty;
  }
}

/** CloudAdapter with the authenticated entry point public, so the route can authenticate first and map failures itself. */
export class ChannelAdapter extends CloudAdapter {
  /**
   * Runs one activity whose request was already authenticated. Unlike
   * CloudAdapter.process, errors propagate unchanged instead of going to the console.
   */
  runAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export interface ChannelAuth {
  authentication: BotFrameworkAuthentication;
  adapter: ChannelAdapter;
  /** The app id proactive messages are sent as ('' when anonymous). */
  botAppId: string;
  anonymous: boolean;
}

function check(options: BotFrameworkAuthOptions): void {
  const msi = options.appType?.toLowerCase() === 'userassignedmsi';
  if (!options.appId && (options.appPassword || options.tenantId || options.appType)) {
    // Running open because one variable is missing would be a silent security hole.
    throw new BotFrameworkConfigError('MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID or MICROSOFT_APP_TYPE is set');
  }
  if (options.appId && !options.appPassword && !msi) {
    throw new BotFrameworkConfigError('MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID (unless MICROSOFT_APP_TYPE is UserAssignedMSI)');
  }
}

/**
 * Builds the authentication and the adapter from the configured credentials.
 * @throws BotFrameworkConfigError when the credentials are inconsistent.
 */
export function createChannelAuth(options: BotFrameworkAuthOptions): ChannelAuth {
  check(options);
  if (!options.appId) {
    const authentication = new ConfigurationBotFrameworkAuthentication({}, new AnonymousCredentialsFactory());
    return { authentication, adapter: new ChannelAdapter(authentication), botAppId: '', anonymous: true };
  }
  const settings = {
    MicrosoftAppId: options.appId,
    ...(options.appPassword ? { MicrosoftAppPassword: options.appPassword } : {}),
    ...(options.tenantId ? { MicrosoftAppTenantId: options.tenantId } : {}),
    ...(options.appType ? { MicrosoftAppType: options.appType } : {}),
  };
  try {
    const authentication = new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
    return { authentication, adapter: new ChannelAdapter(authentication), botAppId: options.appId, anonymous: false };
  } catch (error) {
    // botbuilder asserts e.g. "MicrosoftAppTenantId is required for SingleTenant": keep its words, name our variables.
    const detail = error instanceof Error ? error.message : String(error);
    throw new BotFrameworkConfigError(`Bot Framework credentials (MICROSOFT_APP_*) are inconsistent: ${detail}`, { cause: error });
  }
}
