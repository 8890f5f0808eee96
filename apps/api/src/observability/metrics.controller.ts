import { PrometheusMetrics } from '@gatehouse/infrastructure/observability/prometheus.metrics';
import { Controller, Get, Headers, Res, UnauthorizedException, type OnModuleInit } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/** GET /metrics in Prometheus's text format; behind a bearer token when METRICS_TOKEN is set. */
@Controller('metrics')
export class MetricsController implements OnModuleInit {
  constructor(
    private readonly metrics: PrometheusMetrics,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.metrics.watchOutbox(this.dataSource);
    this.metrics.watchSuppressions(this.dataSource);
  }

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const expected = this.config.metricsToken;
    if (expected && !sameSecret(authorization ?? '', `Bearer ${expected}`)) {
      throw new UnauthorizedException('Send Authorization: Bearer <METRICS_TOKEN>.');
    }
    void reply.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
