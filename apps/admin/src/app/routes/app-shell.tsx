import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { paths } from '../../config/paths';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { useSession } from '../../lib/auth';
import { Can } from '../../lib/authorization';

/** The frame of every signed-in page: skip link, navigation (what the role may open), who is signed in. */
export function AppShell() {
  const session = useSession();
  const location = useLocation();
  const navigation = useNavigation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a navigation, focus goes to the new page's heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <span className="brand">Gatehouse</span>
        <nav className="shell__nav" aria-label="Dashboard">
          <NavLink to={paths.overview} end>
            Overview
          </NavLink>
          <NavLink to={paths.users}>Users</NavLink>
          <Can permission="audit.read">
            <NavLink to={paths.audit}>Audit log</NavLink>
          </Can>
          <Can permission="staff.manage">
            <NavLink to={paths.staff}>Staff</NavLink>
          </Can>
        </nav>
        <div className="shell__me">
          <span className="shell__who">
            {session.data?.staff.email} <span className="badge badge--neutral">{session.data?.staff.role}</span>
          </span>
          <SignOutButton />
        </div>
      </header>
      {navigation.state === 'loading' ? (
        <div className="shell__progress" role="status">
          Loading the page…
        </div>
      ) : null}
      <main className="shell__main" id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
