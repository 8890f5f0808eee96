import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from './use-debounced-value';

/** How long typing must pause before a search or filter is applied. */
export const SETTLE_MS = 300;

/**
 * Typed text follows the URL once it has settled (a request per pause, not per key); a change of the URL from
 * elsewhere (back, a shared link) shows up in the box.
 */
export function useSettledText(fromUrl: string, write: (value: string) => void, delayMs = SETTLE_MS) {
  const [text, setText] = useState(fromUrl);
  const settled = useDebouncedValue(text, delayMs);
  const written = useRef(fromUrl);
  useEffect(() => {
    if (fromUrl !== written.current) {
      written.current = fromUrl;
      setText(fromUrl);
    }
  }, [fromUrl]);
  useEffect(() => {
    if (settled.trim() !== written.current) {
      written.current = settled.trim();
      write(settled.trim());
    }
    // Only a settled change writes; `write` is a new function on every render.
  }, [settled]);
  return [text, setText] as const;
}
