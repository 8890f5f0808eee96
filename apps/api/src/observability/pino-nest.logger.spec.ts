import { Logger } from '@nestjs/common';
import pino from 'pino';
import { PinoNestLogger } from './pino-nest.logger';

describe('PinoNestLogger', () => {
  const lines: Array<Record<string, unknown>> = [];
  const nest = new PinoNestLogger(
    pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }),
  );

  beforeAll(() => Logger.overrideLogger(nest));
  beforeEach(() => (lines.length = 0));
  afterAll(() => Logger.overrideLogger(new Logger()));

  it("writes Nest's Logger calls as one JSON line each, with the context and the level", () => {
    new Logger('Purge').log('Removed 3 account(s) never confirmed');
    new Logger('Worker').warn('Email 42 failed for good');
    new Logger('Quiet').verbose('below the level: not written');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Purge', msg: 'Removed 3 account(s) never confirmed' }),
      expect.objectContaining({ level: 40, context: 'Worker', msg: 'Email 42 failed for good' }),
    ]);
  });

  it("keeps an error's stack and the fields a caller passes, such as the request's id", () => {
    const failure = new Error('database went away');
    new Logger('HttpErrorFilter').error(
      { msg: 'POST /api/registrations failed', req: { id: 'lb-4711' } },
      failure.stack,
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        context: 'HttpErrorFilter',
        msg: 'POST /api/registrations failed',
        req: { id: 'lb-4711' },
        stack: failure.stack,
      }),
    ]);
  });

  it('logs an Error given as the message with its message and serialized error', () => {
    nest.error(new Error('boom'), 'Bootstrap');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        context: 'Bootstrap',
        msg: 'boom',
        err: expect.objectContaining({ message: 'boom' }),
      }),
    ]);
  });
});
