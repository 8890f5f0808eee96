import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import { performance } from 'node:perf_hooks';

/**
 * Runs the work and answers no sooner than `floorMs` after it began (SIGNUP_MIN_RESPONSE_TIME,
 * RESEND_MIN_RESPONSE_TIME), so the time an answer takes says nothing about the address: a new one, which
 * costs a user, a token and an email, is answered when an active one, which costs a lookup, is. Input the
 * rules refuse is answered at once: that answer depends only on what was typed, which the sender knows.
 */
export async function answerNoSoonerThan<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  const waitOut = () => {
    const left = floorMs - (performance.now() - startedAt);
    return left > 0 ? new Promise<void>((resolve) => setTimeout(resolve, left)) : Promise.resolve();
  };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    if (!(error instanceof InvalidInput)) await waitOut();
    throw error;
  }
  await waitOut();
  return result;
}
