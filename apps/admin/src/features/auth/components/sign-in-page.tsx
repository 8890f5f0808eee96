import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { FormError, TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/status';
import { toast } from '../../../components/ui/toast';
import { safeNext } from '../../../config/paths';
import { ApiError } from '../../../lib/api-error';
import { useSession } from '../../../lib/auth';
import { signInInputSchema, useSignIn, type SignInInput } from '../api/sign-in';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInInputSchema),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    try {
      const session = await signIn.mutateAsync(input);
      toast.success(`Signed in as ${session.staff.email}.`);
      onSignedIn();
    } catch (error) {
      if (error instanceof ApiError) {
        for (const problem of error.fieldProblems) {
          if (problem.field === 'email' || problem.field === 'password') {
            form.setError(problem.field, { message: problem.message });
          }
        }
        const retry = error.retryAt ? ` Try again after ${error.retryAt.toLocaleTimeString()}.` : '';
        if (!error.fieldProblems.length) form.setError('root.server', { message: `${error.message}${retry}` });
      } else {
        form.setError('root.server', { message: String(error) });
      }
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Sign in">
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
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register('password')}
      />
      <Button type="submit" variant="primary" busy={form.formState.isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}

export function SignInPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  if (session.isPending) return <Loading />;
  if (session.data) return <Navigate to={next} replace />;
  return (
    <main className="auth-page" id="main">
      <title>Sign in · Gatehouse</title>
      <div className="auth-card">
        <p className="brand">Gatehouse</p>
        <h1>Sign in to the dashboard</h1>
        <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
        <p className="muted">
          No account yet? An admin adds staff members. The first admin is created through the setup link that{' '}
          <code>npm start</code> prints.
        </p>
      </div>
    </main>
  );
}
