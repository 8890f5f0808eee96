import { DevInbox } from '@gatehouse/infrastructure/local/dev-inbox';
import { Module, type DynamicModule } from '@nestjs/common';
import { DevInboxPage } from './dev-inbox.page';

@Module({})
export class DevInboxModule {
  static forRoot(inbox: DevInbox): DynamicModule {
    return { module: DevInboxModule, controllers: [DevInboxPage], providers: [{ provide: DevInbox, useValue: inbox }] };
  }
}
