import { formatDateTime } from '../../../lib/format';
import type { UserDetail } from '../api/get-user';
import { buildTimeline } from '../utils/build-timeline';

export function UserTimeline({ user }: { user: UserDetail }) {
  const events = buildTimeline(user);
  return (
    <ol className="timeline" aria-label="What happened, oldest first">
      {events.map((event) => (
        <li key={event.key} className={`timeline__event timeline__event--${event.tone}`}>
          <time className="timeline__time" dateTime={event.at}>
            {formatDateTime(event.at)}
          </time>
          <p className="timeline__title">{event.title}</p>
          {event.detail ? <p className="timeline__detail">{event.detail}</p> : null}
          {event.actor ? (
            <p className="timeline__detail">
              by {event.actor}
              {event.reason ? (
                <>
                  {' '}
                  · reason: <q>{event.reason}</q>
                </>
              ) : null}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
