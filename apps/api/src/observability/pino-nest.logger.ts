import type { LoggerService } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';

/**
 * Nest's Logger written through pino: `new Logger('Context').warn(message)` becomes one line with `context`, and
 * an error's stack rides along as `stack`. Nest passes the context as the last string argument.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const extra = [...rest];
    if (extra.length && typeof extra[extra.length - 1] === 'string') fields.context = extra.pop();
    for (const value of extra) {
      if (value instanceof Error) fields.err = value;
      else if (typeof value === 'string') fields.stack = value;
      else if (value && typeof value === 'object') Object.assign(fields, value);
    }
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (message && typeof message === 'object') {
      const { msg, ...more } = message as { msg?: unknown };
      this.pino[level]({ ...fields, ...more }, typeof msg === 'string' ? msg : undefined);
    } else this.pino[level](fields, String(message));
  }
}
