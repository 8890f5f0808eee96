import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { FormError, TextField } from '../../../components/ui/field';
import { toast } from '../../../components/ui/toast';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-error';
import { setupInputSchema, useCompleteSetup, type SetupInput } from '../api/complete-setup';

function SetupForm({ token, onDone }: { token: string; onDone: (email: string) => void }) {
  const setup = useCompleteSetup();
  const form = useForm<SetupInput>({
    resolver: zodResolver(setupInputSchema),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    try {
      const admin = await setup.mutateAsync({ ...input, token });
      toast.success(`The admin ${admin.email} is created. Sign in with that address and password.`);
      onDone(admin.email);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = error.fieldProblems.filter((p) => p.field === 'email' || p.field === 'password');
      for (const problem of fields) form.setError(problem.field as keyof SetupInput, { message: problem.message });
      if (!fields.length) form.setError('root.server', { message: error.message });
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Create the first admin">
      <FormError message={errors.root?.server?.message} />
      <TextField
        label="Email address"
        type="email"
        autoComplete="username"
        autoFocus
        error={errors.email?.message}
        {...form.register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="8 to 256 characters; a long phrase is best."
        error={errors.password?.message}
        {...form.register('password')}
      />
      <Button type="submit" variant="primary" busy={form.formState.isSubmitting}>
        Create the admin
      </Button>
    </form>
  );
}

/** Behind the one-time link `npm start` prints while Gatehouse has no staff: creates the first admin. */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [created, setCreated] = useState<string>();
  return (
    <main className="auth-page" id="main">
      <title>Create the first admin · Gatehouse</title>
      <div className="auth-card">
        <p className="brand">Gatehouse</p>
        <h1>Create the first admin</h1>
        {created ? (
          <>
            <p>
              The admin <strong>{created}</strong> is created. This link no longer works.
            </p>
            <p>
              <Link className="button button--primary" to={paths.signIn}>
                Sign in
              </Link>
            </p>
          </>
        ) : token ? (
          <>
            <p>
              Gatehouse has no staff yet. Choose the address and password of its first admin; admins add everyone else.
            </p>
            <SetupForm token={token} onDone={setCreated} />
          </>
        ) : (
          <p role="alert">
            This page needs the one-time setup link that <code>npm start</code> prints while Gatehouse has no staff (it
            ends in <code>?token=…</code>). Restart Gatehouse for a new link, or use{' '}
            <code>npm run staff -- create</code>.
          </p>
        )}
      </div>
    </main>
  );
}
