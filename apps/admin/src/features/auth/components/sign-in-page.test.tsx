import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mock-api';
import { renderPage } from '../../../testing/render';
import { aSession } from '../../../testing/sessions';
import { SignInPage } from './sign-in-page';

const signInPage = (url = '/sign-in') =>
  renderPage(<SignInPage />, {
    url,
    path: '/sign-in',
    otherRoutes: [
      { path: '/', element: <h1>Overview</h1> },
      { path: '/users', element: <h1>Users</h1> },
    ],
  });

describe('the sign-in form', () => {
  it('says what is missing before asking the server', async () => {
    const user = userEvent.setup();
    const requests = mockApi({ 'GET /api/admin/session': { status: 401, body: { error: 'session_required' } } });
    signInPage();
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email address')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText('Email address'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an email address such as name@example.com.')).toBeInTheDocument();
    expect(requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('shows the server’s answer to a wrong password in the form, and a lockout with its time', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    mockApi({
      'GET /api/admin/session': { status: 401, body: { error: 'session_required' } },
      'POST /api/admin/session': () =>
        ++attempts === 1
          ? { status: 401, body: { error: 'sign_in_failed', message: 'That address and password do not match.' } }
          : {
              status: 429,
              body: { error: 'sign_in_locked', message: 'Too many failed sign-ins.', retryAt: '2026-05-01T10:15:00Z' },
            },
    });
    signInPage();
    await user.type(await screen.findByLabelText('Email address'), 'admin@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That address and password do not match.');
    // A 401 here is an answer, not an ended session: the person stays on the form.
    expect(screen.getByTestId('location')).toHaveTextContent('/sign-in');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(/Too many failed sign-ins\. Try again after/),
    );
  });

  it('signs in and goes back to the page that asked for it', async () => {
    const user = userEvent.setup();
    const requests = mockApi({
      'GET /api/admin/session': { status: 401, body: { error: 'session_required' } },
      'POST /api/admin/session': { body: aSession('support') },
    });
    signInPage('/sign-in?next=%2Fusers');
    await user.type(await screen.findByLabelText('Email address'), 'support@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Users' })).toBeInTheDocument();
    expect(requests[1]?.body).toEqual({ email: 'support@example.com', password: 'a long password' });
  });

  it('never sends anyone to another site after signing in', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /api/admin/session': { status: 401, body: {} },
      'POST /api/admin/session': { body: aSession('admin') },
    });
    signInPage('/sign-in?next=%2F%2Fevil.example');
    await user.type(await screen.findByLabelText('Email address'), 'admin@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
  });
});
