import { Clock } from '@gatehouse/domain/ports/clock.port';

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
