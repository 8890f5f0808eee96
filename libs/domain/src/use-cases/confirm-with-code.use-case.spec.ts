import { sixDigitCode } from '../confirmation/confirmation-code';
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

  it('counts wrong codes even though each attempt fails, and voids the code after the fifth', async () => {
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
    expect([...store.tokens.values()][0].failedCodeAttempts).toBe(5);
    expect(store.userByEmail('alice@example.com')!.status).toBe('pending');
  });

  it('gives a new email a new code with fresh tries, and the old code stops working', async () => {
    const { clock, resend, confirmWithCode, latestCode, code } = await signedUp();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await confirmWithCode.execute({ email: 'alice@example.com', code: wrong(code) }).catch(() => undefined);
    }
    clock.advance(EMAIL_COOLDOWN_MS);
    await resend.execute({ email: 'alice@example.com' });
    const fresh = latestCode('alice@example.com');
    if (fresh !== code) {
      await expect(confirmWithCode.execute({ email: 'alice@example.com', code })).rejects.toMatchObject({
        code: 'CONFIRMATION.CODE_INVALID',
      });
    }
    await expect(confirmWithCode.execute({ email: 'alice@example.com', code: fresh })).resolves.toMatchObject({
      status: 'confirmed',
    });
  });

  it('answers an unknown address exactly as a wrong code', async () => {
    const { confirmWithCode } = await signedUp();
    await expect(confirmWithCode.execute({ email: 'nobody@example.com', code: '123456' })).rejects.toMatchObject({
      code: 'CONFIRMATION.CODE_INVALID',
    });
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
