import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

/*
 * Radix's dialog: focus moves into it when it opens and stays there, Escape closes it, focus returns to the
 * button that opened it, and the rest of the page is hidden from assistive technology meanwhile.
 */

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

export interface DialogContentProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

export function DialogContent({ title, description, children }: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="dialog__overlay" />
      <RadixDialog.Content className="dialog">
        <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
        {description ? (
          <RadixDialog.Description className="dialog__description">{description}</RadixDialog.Description>
        ) : (
          // Radix expects a description to point aria-describedby at; without one it repeats the title unseen.
          <RadixDialog.Description className="visually-hidden">{title}</RadixDialog.Description>
        )}
        {children}
        <RadixDialog.Close className="dialog__close" aria-label="Close">
          <span aria-hidden="true">×</span>
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
