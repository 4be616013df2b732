import { Button, Drawer } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * A "new" button and the side drawer it opens with a creation form; the form is mounted only while the drawer is
 * open (each opening starts empty) and closes it with `done`. Nothing is shown to whoever cannot create.
 */
export function useCreateDrawer({ label, allowed, form }: { label: string; allowed: boolean; form: (done: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return {
    button: allowed ? <Button onClick={() => setOpen(true)}>{label}</Button> : null,
    drawer: (
      <Drawer opened={open} onClose={close} title={label} position="right" size="md">
        {open && form(close)}
      </Drawer>
    ),
  };
}
