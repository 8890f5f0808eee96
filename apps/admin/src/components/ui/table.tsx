import type { ComponentPropsWithoutRef, ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen instead of breaking the page; the scrolling region can be
 * focused, so a keyboard can scroll it too.
 */
export function Table({ caption, children, ...props }: ComponentPropsWithoutRef<'table'> & { caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table" {...props}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, ...props }: ComponentPropsWithoutRef<'th'> & { children: ReactNode }) {
  return (
    <th scope="col" {...props}>
      {children}
    </th>
  );
}
