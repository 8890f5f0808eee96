import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

/*
 * The dashboard's own toasts. sonner injects a <style> element when it loads, which the API's
 * Content-Security-Policy refuses; these are styled from app.css and announced through a live region.
 */

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastMessage {
  id: number;
  tone: ToastTone;
  text: string;
}

const DURATION_MS: Record<ToastTone, number> = { success: 6000, info: 6000, error: 12000 };

let toasts: ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: ToastMessage[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

function show(tone: ToastTone, text: string): number {
  const id = nextId++;
  // The same sentence twice in a row (a failing refetch) is shown once.
  publish([...toasts.filter((t) => t.text !== text), { id, tone, text }].slice(-4));
  return id;
}

export const toast = {
  success: (text: string) => show('success', text),
  error: (text: string) => show('error', text),
  info: (text: string) => show('info', text),
  dismiss: (id: number) => publish(toasts.filter((t) => t.id !== id)),
  /** For tests: forget every toast. */
  clear: () => publish([]),
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function ToastItem({ message }: { message: ToastMessage }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(DURATION_MS[message.tone]);
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => toast.dismiss(message.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [paused, message.id]);
  return (
    <li
      className={`toast toast--${message.tone}`}
      // Hovering or focusing a toast keeps it until the pointer or focus leaves (time to read it).
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <p className="toast__text">{message.text}</p>
      <button type="button" className="toast__close" onClick={() => toast.dismiss(message.id)}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Dismiss</span>
      </button>
    </li>
  );
}

/** Where toasts appear; errors are announced at once (assertive), the rest politely. */
export function Toaster() {
  const current = useSyncExternalStore(subscribe, () => toasts);
  const errors = current.filter((t) => t.tone === 'error');
  const others = current.filter((t) => t.tone !== 'error');
  return (
    <section className="toaster" aria-label="Notifications">
      <ol className="toaster__list" aria-live="polite">
        {others.map((message) => (
          <ToastItem key={message.id} message={message} />
        ))}
      </ol>
      <ol className="toaster__list" aria-live="assertive">
        {errors.map((message) => (
          <ToastItem key={message.id} message={message} />
        ))}
      </ol>
    </section>
  );
}
