import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../testing/render';
import { filterFromParams, paramsFor } from '../hooks/use-users-filter';
import { UsersFilters } from './users-filters';

const location = () => screen.getByTestId('location').textContent ?? '';
const query = () => new URLSearchParams(location().split('?')[1] ?? '');

describe('the users filters and the URL', () => {
  it('show the filters a shared link carries', () => {
    renderPage(<UsersFilters />, {
      url: '/users?q=alice&status=pending&delivery=failed&createdAfter=2026-05-01&createdBefore=2026-06-01&pendingForDays=3&sort=asc',
    });
    expect(screen.getByLabelText('Search by address')).toHaveValue('alice');
    expect(screen.getByLabelText('Status')).toHaveValue('pending');
    expect(screen.getByLabelText('Latest email')).toHaveValue('failed');
    expect(screen.getByLabelText('Signed up on or after')).toHaveValue('2026-05-01');
    expect(screen.getByLabelText('Signed up before')).toHaveValue('2026-06-01');
    expect(screen.getByLabelText('Pending longer than (days)')).toHaveValue(3);
    expect(screen.getByLabelText('Order')).toHaveValue('asc');
  });

  it('ignore values the API would refuse', () => {
    renderPage(<UsersFilters />, {
      url: '/users?status=deleted&delivery=lost&pendingForDays=-2&createdAfter=yesterday',
    });
    expect(screen.getByLabelText('Status')).toHaveValue('');
    expect(screen.getByLabelText('Latest email')).toHaveValue('');
    expect(screen.getByLabelText('Pending longer than (days)')).toHaveValue(null);
    expect(screen.getByLabelText('Signed up on or after')).toHaveValue('');
  });

  it('write each choice to the URL at once, and start again from the first page', async () => {
    const user = userEvent.setup();
    renderPage(<UsersFilters />, { url: '/users?q=alice&cursor=abc' });
    await user.selectOptions(screen.getByLabelText('Status'), 'pending');
    expect(query().get('status')).toBe('pending');
    expect(query().get('q')).toBe('alice');
    expect(query().has('cursor')).toBe(false);
    await user.selectOptions(screen.getByLabelText('Latest email'), 'never emailed');
    expect(query().get('delivery')).toBe('none');
    expect(query().get('status')).toBe('pending');
    await user.selectOptions(screen.getByLabelText('Status'), 'Any');
    expect(query().has('status')).toBe(false);
  });

  it('filter undeliverable users (suppressed addresses) and back to any', async () => {
    const user = userEvent.setup();
    renderPage(<UsersFilters />, { url: '/users' });
    await user.selectOptions(screen.getByLabelText('Address'), 'undeliverable (suppressed)');
    expect(query().get('undeliverable')).toBe('true');
    await user.selectOptions(screen.getByLabelText('Address'), 'Any');
    expect(query().has('undeliverable')).toBe(false);
  });

  it('search as you type: the URL follows once typing pauses, not on every key', async () => {
    const user = userEvent.setup();
    renderPage(<UsersFilters />, { url: '/users?status=pending' });
    await user.type(screen.getByLabelText('Search by address'), 'bob@exa');
    expect(query().has('q')).toBe(false);
    await waitFor(() => expect(query().get('q')).toBe('bob@exa'));
    expect(query().get('status')).toBe('pending');
    await user.clear(screen.getByLabelText('Search by address'));
    await waitFor(() => expect(query().has('q')).toBe(false));
  });

  it('clear every filter', async () => {
    const user = userEvent.setup();
    renderPage(<UsersFilters />, { url: '/users?status=active&q=x' });
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location()).toBe('/users');
    expect(screen.getByLabelText('Search by address')).toHaveValue('');
  });
});

describe('filterFromParams and paramsFor', () => {
  it('round-trip a filter', () => {
    const filter = {
      q: 'example.com',
      status: 'pending',
      pendingForDays: 7,
      delivery: 'failed',
      undeliverable: true,
    } as const;
    expect(filterFromParams(paramsFor(filter, 'desc'))).toEqual(filter);
    expect(paramsFor(filter, 'asc').get('sort')).toBe('asc');
  });
});
