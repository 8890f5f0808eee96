import { hasPendingMigrations } from '@gatehouse/infrastructure/persistence/data-source';
import { WAITING_BY_CHANNEL } from '@gatehouse/infrastructure/persistence/email-outbox.record';
import { Controller, Get, HttpException, Res } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The process is running and answering. */
  @Get('live')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Ready for traffic: the database answers and every migration has run (503 otherwise). An outbox whose
   * oldest waiting email was queued longer ago than OUTBOX_STUCK_AFTER reports `degraded` but stays 200: an SMTP outage
   * must not take the sign-up page down with it, since emails wait safely in the outbox. Webhooks share the outbox's
   * table but are reported on their own (`webhooks`): a receiver that is down says nothing about email.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database(), () => this.migrations(), ...this.waiting()]);
    } catch (error) {
      // Terminus answers 503 with the full result; keep that body rather than the generic error shape.
      if (!(error instanceof HttpException)) throw error;
      void reply.status(error.getStatus());
      return error.getResponse() as HealthCheckResult;
    }
  }

  private async database() {
    const check = this.indicators.check('database');
    try {
      await this.dataSource.query('SELECT 1');
      return check.up();
    } catch {
      return check.down({ message: 'PostgreSQL does not answer.' });
    }
  }

  private async migrations() {
    const check = this.indicators.check('migrations');
    try {
      return (await hasPendingMigrations(this.dataSource))
        ? check.down({ message: 'Migrations are pending.' })
        : check.up();
    } catch {
      return check.down({ message: 'Migrations could not be read.' });
    }
  }

  /** The outbox's email and webhook checks, from one read of what waits. */
  private waiting() {
    const read = this.readWaiting();
    return [
      async () => {
        const { email } = await read;
        return this.stuckUnless('outbox', { waitingEmails: email.waiting, oldestWaitingSeconds: email.oldestSeconds });
      },
      async () => {
        const { webhook } = await read;
        return this.stuckUnless('webhooks', {
          waitingWebhooks: webhook.waiting,
          oldestWaitingSeconds: webhook.oldestSeconds,
        });
      },
    ];
  }

  private async readWaiting(): Promise<Record<'email' | 'webhook', { waiting: number; oldestSeconds: number }>> {
    const rows: Array<{ channel: string; waiting: number; oldest: number | null }> =
      await this.dataSource.query(WAITING_BY_CHANNEL);
    const of = (channel: string) => {
      const row = rows.find((candidate) => candidate.channel === channel);
      return { waiting: row?.waiting ?? 0, oldestSeconds: Math.max(0, Math.round(row?.oldest ?? 0)) };
    };
    return { email: of('email'), webhook: of('webhook') };
  }

  private stuckUnless(key: string, data: { oldestWaitingSeconds: number; [count: string]: number }) {
    const check = this.indicators.check(key);
    return data.oldestWaitingSeconds * 1000 > this.config.outboxStuckAfterMs ? check.degraded(data) : check.up(data);
  }
}
