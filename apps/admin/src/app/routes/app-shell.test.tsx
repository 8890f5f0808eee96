import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { aSession } from '../../testing/sessions';
import { AppShell } from './app-shell';

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Dashboard' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('the navigation', () => {
  it('offers support staff no admin-only page', () => {
    renderPage(<AppShell />, { session: aSession('support') });
    expect(navLinks()).toEqual(['Overview', 'Users']);
    expect(screen.getByText('support@example.com')).toBeInTheDocument();
  });

  it('offers admins the audit log and the staff list', () => {
    renderPage(<AppShell />, { session: aSession('admin') });
    expect(navLinks()).toEqual(['Overview', 'Users', 'Audit log', 'Staff']);
  });
});
