import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from '../lib/zod';
import { Button, type ButtonVariant } from './ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from './ui/dialog';
import { FormError, TextAreaField } from './ui/field';

export const REASON_MAX_LENGTH = 500;

/** The API's rule for a staff action's reason (libs/domain/src/staff/staff-reason.ts), checked before sending. */
export const reasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'Say why you are doing this; the reason is kept in the audit log.')
    .refine((value) => [...value].length <= REASON_MAX_LENGTH, {
      message: `Keep the reason to ${REASON_MAX_LENGTH} characters or fewer.`,
    }),
});

export interface ReasonDialogProps {
  /** The label of the button that opens the dialog. */
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  /** Done when the action succeeded; a rejection keeps the dialog open with the error shown. */
  onConfirm: (reason: string) => Promise<unknown>;
  /** Extra content above the reason, such as how many people an action reaches. */
  children?: ReactNode;
  confirmDisabled?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** Every action that changes something goes through this: a dialog that asks why before doing it. */
export function ReasonDialog({
  triggerLabel,
  triggerVariant = 'secondary',
  title,
  description,
  confirmLabel,
  confirmVariant = 'primary',
  onConfirm,
  children,
  confirmDisabled = false,
  onOpenChange,
}: ReasonDialogProps) {
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof reasonSchema>, unknown, z.output<typeof reasonSchema>>({
    resolver: zodResolver(reasonSchema),
    defaultValues: { reason: '' },
  });

  const changeOpen = (next: boolean) => {
    setOpen(next);
    if (!next) {
      form.reset();
      setFailure(undefined);
    }
    onOpenChange?.(next);
  };

  const submit = form.handleSubmit(async ({ reason }) => {
    setFailure(undefined);
    try {
      await onConfirm(reason);
      changeOpen(false);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  });

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant}>{triggerLabel}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <form className="form" onSubmit={submit} noValidate>
          {children}
          <TextAreaField
            label="Reason"
            hint="Kept in the audit log with your name."
            error={form.formState.errors.reason?.message}
            maxLength={REASON_MAX_LENGTH * 2}
            {...form.register('reason')}
          />
          {/* While the dialog is open the rest of the page, toasts included, is hidden from screen readers. */}
          <FormError message={failure} />
          <div className="dialog__actions">
            <DialogClose asChild>
              <Button variant="ghost">Cancel</Button>
            </DialogClose>
            <Button
              type="submit"
              variant={confirmVariant}
              busy={form.formState.isSubmitting}
              disabled={confirmDisabled}
            >
              {confirmLabel}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
