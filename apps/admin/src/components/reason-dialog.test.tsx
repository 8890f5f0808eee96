import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReasonDialog } from './reason-dialog';

function renderDialog(onConfirm = vi.fn(async () => undefined)) {
  render(
    <ReasonDialog triggerLabel="Disable" title="Disable this account" confirmLabel="Disable" onConfirm={onConfirm} />,
  );
  return onConfirm;
}

describe('ReasonDialog', () => {
  it('asks for a reason before doing anything, and sends it trimmed', async () => {
    const user = userEvent.setup();
    const onConfirm = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable this account' });
    expect(screen.getByLabelText('Reason')).toHaveFocus();

    await user.click(screen.getAllByRole('button', { name: 'Disable' }).at(-1)!);
    expect(await screen.findByText(/Say why you are doing this/)).toBeInTheDocument();
    expect(screen.getByLabelText('Reason')).toHaveAttribute('aria-invalid', 'true');
    expect(onConfirm).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Reason'), '   ');
    await user.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Reason'), 'spam sign-ups, ticket 12  ');
    await user.click(screen.getAllByRole('button', { name: 'Disable' }).at(-1)!);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith('spam sign-ups, ticket 12'));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('refuses a reason longer than the audit log keeps', async () => {
    const user = userEvent.setup();
    const onConfirm = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    await user.click(screen.getByLabelText('Reason'));
    await user.paste('x'.repeat(501));
    await user.click(screen.getAllByRole('button', { name: 'Disable' }).at(-1)!);
    expect(await screen.findByText('Keep the reason to 500 characters or fewer.')).toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('stays open with the error when the action fails, and returns focus to its button on Escape', async () => {
    const user = userEvent.setup();
    renderDialog(vi.fn(async () => Promise.reject(new Error('The last active admin cannot be disabled.'))));
    const trigger = screen.getByRole('button', { name: 'Disable' });
    await user.click(trigger);
    await user.type(screen.getByLabelText('Reason'), 'leaving');
    await user.click(screen.getAllByRole('button', { name: 'Disable' }).at(-1)!);
    expect(await screen.findByRole('alert')).toHaveTextContent('The last active admin cannot be disabled.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
  });
});
