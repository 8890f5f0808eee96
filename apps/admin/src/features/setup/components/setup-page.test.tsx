import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mock-api';
import { renderPage } from '../../../testing/render';
import { SetupPage } from './setup-page';

describe('the first-admin setup page', () => {
  it('creates the admin with the token from its link', async () => {
    const user = userEvent.setup();
    const requests = mockApi({
      'POST /api/admin/setup': {
        status: 201,
        body: { id: 'x', email: 'first@example.com', role: 'admin', disabled: false, lastSignInAt: null },
      },
    });
    renderPage(<SetupPage />, { url: '/setup?token=abc123', session: null });
    await user.type(screen.getByLabelText('Email address'), 'first@example.com');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create the admin' }));
    expect(await screen.findByText('Use at least 8 characters.')).toBeInTheDocument();
    expect(requests).toHaveLength(0);

    await user.type(screen.getByLabelText('Password'), ' but now long enough');
    await user.click(screen.getByRole('button', { name: 'Create the admin' }));
    expect(await screen.findByText(/is created\. This link no longer works\./)).toBeInTheDocument();
    expect(requests[0]?.body).toEqual({
      email: 'first@example.com',
      password: 'short but now long enough',
      token: 'abc123',
    });
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('says when the link was used or has expired', async () => {
    const user = userEvent.setup();
    mockApi({
      'POST /api/admin/setup': {
        status: 410,
        body: { error: 'setup_link_invalid', message: 'This setup link was used or has expired.' },
      },
    });
    renderPage(<SetupPage />, { url: '/setup?token=old', session: null });
    await user.type(screen.getByLabelText('Email address'), 'first@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough password');
    await user.click(screen.getByRole('button', { name: 'Create the admin' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This setup link was used or has expired.');
  });

  it('explains where the link comes from when opened without one', () => {
    renderPage(<SetupPage />, { url: '/setup', session: null });
    expect(screen.getByRole('alert')).toHaveTextContent(/one-time setup link that npm start prints/);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
