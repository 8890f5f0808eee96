import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../../components/ui/dialog';
import { FormError, SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { toast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-error';
import { addStaffInputSchema, STAFF_ROLE_LABELS, STAFF_ROLES, useAddStaff, type AddStaffInput } from '../api/add-staff';

const FIELDS = ['email', 'password', 'role', 'reason'] as const;

export function AddStaffDialog() {
  const [open, setOpen] = useState(false);
  const addStaff = useAddStaff();
  const form = useForm<AddStaffInput>({
    resolver: zodResolver(addStaffInputSchema),
    defaultValues: { email: '', password: '', role: 'support', reason: '' },
  });
  const { errors } = form.formState;

  const changeOpen = (next: boolean) => {
    setOpen(next);
    if (!next) form.reset();
  };

  const submit = form.handleSubmit(async (input) => {
    try {
      const member = await addStaff.mutateAsync(input);
      toast.success(`${member.email} can now sign in as ${member.role}.`);
      changeOpen(false);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const known = error.fieldProblems.filter((p): p is { field: (typeof FIELDS)[number]; message: string } =>
        (FIELDS as readonly string[]).includes(p.field),
      );
      for (const problem of known) form.setError(problem.field, { message: problem.message });
      if (!known.length) form.setError('root.server', { message: error.message });
    }
  });

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">Add staff member…</Button>
      </DialogTrigger>
      <DialogContent
        title="Add a staff member"
        description="They sign in with this address and password; tell them the password another way."
      >
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label="Email address"
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="8 to 256 characters, not a common password and not their address."
            error={errors.password?.message}
            {...form.register('password')}
          />
          <SelectField label="Role" error={errors.role?.message} {...form.register('role')}>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {STAFF_ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label="Reason"
            hint="Kept in the audit log with your name."
            error={errors.reason?.message}
            {...form.register('reason')}
          />
          <FormError message={errors.root?.server?.message} />
          <div className="dialog__actions">
            <DialogClose asChild>
              <Button variant="ghost">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="primary" busy={form.formState.isSubmitting}>
              Add
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
