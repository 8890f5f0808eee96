import { AddressFolding } from '@gatehouse/domain/users/address-folding';
import type { Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/** Which spellings of an address are one account (EMAIL_FOLD_PLUS_TAGS, EMAIL_FOLD_DOTS_DOMAINS). */
export const addressFoldingProvider: Provider = {
  provide: AddressFolding,
  useFactory: (config: AppConfig) =>
    new AddressFolding({ plusTags: config.emailFoldPlusTags, dotInsensitiveDomains: config.emailFoldDotsDomains }),
  inject: [AppConfig],
};
