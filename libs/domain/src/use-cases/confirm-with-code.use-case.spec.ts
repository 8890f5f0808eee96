import { CODE_ATTEMPTS, sixDigitCode } from '../confirmation/confirmation-code';
import { EMAIL_COOLDOWN_MS, registrationHarness, TOKEN_TTL_MS } from '../testing/registration-harness';

async function signedUp() {
  const harness = registrationHarness();
  await harness.register.execute({ email: 'alice@example.com', password: 'correct horse', locale: 'en' });
  return { ...harness, code: harness.latestCode('alice@example.com') };
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('ConfirmWithCode', () => {
  it('activates the account with the address and the code, typed as people type them', async () => {
    const { store, confirmWithCode, code } = await signedUp();
    expect(code).toMatch(/^\d{6}$/);
    await expect(
      confirmWithCode.execute({ email: ' ALICE@example.com', code: `${code.slice(0, 3)} ${code.slice(3)}` }),
    ).resolves.toEqual({
      status: 'confirmed',
      maskedEmail: 'al***@example.com',
    });
    expect(store.userByEmail('alice@example.com')!.status).toBe('active');
    const [token] = store.tokens.values();
    expect(token.usedAt).not.toBeNull();
    expect(token.codeDigest).not.toContain(code);
  });

  it('counts wrong codes even though each attempt fails, and locks the address after the fifth', async () => {
    const { store, confirmWithCode, code } = await signedUp();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect(confirmWithCode.execute({ email: 'alice@example.com', code: wrong(code) })).rejects.toMatchObject({
        code: 'CONFIRMATION.CODE_INVALID',
      });
    }
    await expect(confirmWithCode.execute({ email: 'alice@example.com', code: wrong(code) })).rejects.toMatchObject({
      code: 'CONFIRMATION.CODE_LOCKED',
    });
    await expect(confirmWithCode.execute({ email: 'alice@example.com', code })).rejects.toMatchObject({
      code: 'CONFIRMATION.CODE_LOCKED',
    });
    expect(store.codeAttempts.get('alice@example.com')?.attempts).toBe(6);
    expect(store.userByEmail('alice@example.com')!.status).toBe('pending');
  });

  it('keeps the lockout through a new email, and lets the address try again once the hour is over', async () => {
    const { store, clock, resend, confirmWithCode, latestCode, code } = await signedUp();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await confirmWithCode.execute({ email: 'alice@example.com', code: wrong(code) }).catch(() => undefined);
    }
    clock.advance(EMAIL_COOLDOWN_MS);
    await resend.execute({ email: 'alice@example.com' });
    const fresh = latestCode('alice@example.com');
    await expect(confirmWithCode.execute({ email: 'alice@example.com', code: fresh })).rejects.toMatchObject({
      code: 'CONFIRMATION.CODE_LOCKED',
    });
    clock.advance(CODE_ATTEMPTS.windowMs);
    if (fresh !== code) {
      await expect(confirmWithCode.execute({ email: 'alice@example.com', code })).rejects.toMatchObject({
        code: 'CONFIRMATION.CODE_INVALID',
      });
    }
    await expect(confirmWithCode.execute({ email: 'alice@example.com', code: fresh })).resolves.toMatchObject({
      status: 'confirmed',
    });
    expect(store.codeAttempts.get('alice@example.com')).toBeUndefined();
  });

  it('answers an unknown address exactly as a pending one, lockout included', async () => {
    const { confirmWithCode, code } = await signedUp();
    const answers = async (email: string) => {
      const seen: string[] = [];
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        seen.push(
          await confirmWithCode.execute({ email, code: wrong(code) }).then(
            () => 'confirmed',
            (error: { code: string }) => error.code,
          ),
        );
      }
      return seen;
    };
    const pending = await answers('alice@example.com');
    expect(await answers('nobody@example.com')).toEqual(pending);
    expect(pending).toEqual([
      ...Array<string>(4).fill('CONFIRMATION.CODE_INVALID'),
      'CONFIRMATION.CODE_LOCKED',
      'CONFIRMATION.CODE_LOCKED',
    ]);
  });

  it('refuses an expired code, and input that is not an address and six digits', async () => {
    const { clock, confirmWithCode, code } = await signedUp();
    await expect(confirmWithCode.execute({ email: 'alice@example.com', code: '12345' })).rejects.toMatchObject({
      problems: [{ field: 'code', message: 'Enter the 6 digits from the email.' }],
    });
    await expect(confirmWithCode.execute({ email: 'alice', code })).rejects.toMatchObject({
      code: 'VALIDATION.INVALID_INPUT',
    });
    clock.advance(TOKEN_TTL_MS);
    await expect(confirmWithCode.execute({ email: 'alice@example.com', code })).rejects.toMatchObject({
      code: 'CONFIRMATION.TOKEN_EXPIRED',
    });
  });

  it('draws six digits, leading zeros kept', () => {
    expect(sixDigitCode(Uint8Array.from([0, 0, 0, 7]))).toBe('000007');
    expect(sixDigitCode(Uint8Array.from([255, 255, 255, 255]))).toBe('967295');
  });
});
