import { hasPendingMigrations } from '@gatehouse/infrastructure/persistence/data-source';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

type Check = 'up' | 'down' | 'applied' | 'pending';

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** The process is running and answering. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready for traffic: the database answers and every migration has run. */
  @Get('ready')
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; checks: Record<string, Check> }> {
    const checks: Record<string, Check> = { database: 'down', migrations: 'pending' };
    try {
      await this.dataSource.query('SELECT 1');
      checks.database = 'up';
      checks.migrations = (await hasPendingMigrations(this.dataSource)) ? 'pending' : 'applied';
    } catch {
      // A database that does not answer is the "down" already recorded.
    }
    const ready = checks.database === 'up' && checks.migrations === 'applied';
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'unavailable', checks };
  }
}
