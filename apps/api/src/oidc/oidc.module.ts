import { Clock } from '@gatehouse/domain/ports/clock.port';
import { PasswordHasher } from '@gatehouse/domain/ports/password-hasher.port';
import { UnitOfWork } from '@gatehouse/domain/ports/unit-of-work.port';
import { SignInUser } from '@gatehouse/domain/use-cases/sign-in-user.use-case';
import { AddressFolding } from '@gatehouse/domain/users/address-folding';
import { PostgresSigningKeys } from '@gatehouse/infrastructure/oidc/postgres.signing-keys';
import { SigningKeyCipher } from '@gatehouse/infrastructure/oidc/signing-key.cipher';
import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { addressFoldingProvider } from '../registration/address-folding.provider';
import type { Runtime } from '../runtime/runtime';
import { ViewRenderer } from '../views/view-renderer';
import { OidcEngine } from './oidc-engine';
import { OidcPayloadsPurge } from './oidc-payloads.purge';
import { createOidcProvider } from './oidc-provider.factory';
import { SignInPage } from './sign-in.page';

/** Sign-in with Gatehouse: the OpenID provider (mounted by bootstrap.ts), its sign-in page and its storage's purge. */
@Module({})
export class OidcModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: OidcModule,
      controllers: [SignInPage],
      providers: [
        addressFoldingProvider,
        {
          provide: SignInUser,
          useFactory: (uow: UnitOfWork, hasher: PasswordHasher, clock: Clock, folding: AddressFolding) =>
            new SignInUser(uow, hasher, clock, folding),
          inject: [UnitOfWork, PasswordHasher, Clock, AddressFolding],
        },
        {
          provide: OidcEngine,
          useFactory: async (config: AppConfig, dataSource: DataSource, views: ViewRenderer, uow: UnitOfWork) => {
            const keys = new PostgresSigningKeys(dataSource, new SigningKeyCipher(runtime.appSecret));
            const provider = createOidcProvider({
              config,
              appSecret: runtime.appSecret,
              dataSource,
              signingKeys: await keys.loadOrCreate(),
              views,
              findUser: async (id) => {
                const user = await uow.run((tx) => tx.users.findById(id));
                return user?.isActive ? user : null;
              },
            });
            return new OidcEngine(provider);
          },
          inject: [AppConfig, DataSource, ViewRenderer, UnitOfWork],
        },
        OidcPayloadsPurge,
      ],
      exports: [OidcEngine],
    };
  }
}
