import { DeliverabilityMetrics } from '@gatehouse/domain/ports/deliverability-metrics.port';
import { RegistrationMetrics } from '@gatehouse/domain/ports/registration-metrics.port';
import { PrometheusMetrics } from '@gatehouse/infrastructure/observability/prometheus.metrics';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** One metrics registry per process, for the use cases (as their RegistrationMetrics and DeliverabilityMetrics ports) and the adapters. */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: { http: boolean }): DynamicModule {
    return {
      module: MetricsModule,
      controllers: options.http ? [MetricsController] : [],
      providers: [
        { provide: PrometheusMetrics, useValue: new PrometheusMetrics() },
        { provide: RegistrationMetrics, useExisting: PrometheusMetrics },
        { provide: DeliverabilityMetrics, useExisting: PrometheusMetrics },
      ],
      exports: [PrometheusMetrics, RegistrationMetrics, DeliverabilityMetrics],
    };
  }
}
