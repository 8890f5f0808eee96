import type { DevInbox } from '@gatehouse/infrastructure/local/dev-inbox';
import type { AppConfig } from '../config/app-config';

/** What the application runs against once start-up has resolved the defaults: real URLs and the secret. */
export interface Runtime {
  config: AppConfig;
  databaseUrl: string;
  smtpUrl: string;
  appSecret: string;
  /** Present only when Gatehouse runs its own development inbox. */
  devInbox?: DevInbox;
}
