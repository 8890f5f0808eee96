/**
 * Stands in for the react-style-singleton package (see the alias in vite.config.ts). The original adds a <style>
 * element to the page at run time, which the API's Content-Security-Policy refuses (style-src 'self', nothing
 * inline) with a console error. This one adds nothing: the rules it would have injected for Radix's scroll lock
 * are in app.css. Each call still returns a new component, because react-remove-scroll tells its locks apart by
 * that identity.
 */
type Sheet = (props: { styles: string; dynamic?: boolean }) => null;

export function styleSingleton(): Sheet {
  return function NoInlineStyle() {
    return null;
  };
}

export function styleHookSingleton(): (styles: string, isDynamic?: boolean) => void {
  return () => undefined;
}

export function stylesheetSingleton(): { add(style: string): void; remove(): void } {
  return { add: () => undefined, remove: () => undefined };
}
