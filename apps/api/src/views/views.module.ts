import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AssetsController } from '../http/assets.controller';
import { ViewRenderer } from './view-renderer';

@Global()
@Module({})
export class ViewsModule {
  static forRoot(productName: string): DynamicModule {
    return {
      module: ViewsModule,
      controllers: [AssetsController],
      providers: [{ provide: ViewRenderer, useValue: new ViewRenderer(productName) }],
      exports: [ViewRenderer],
    };
  }
}
