import { useEffect, useState } from 'react';
import { session, type Person } from './session';

/** The signed-in person, following logins, logouts and expiry; `undefined` while a reload restores the session. */
export function useSession(): { person: Person | null | undefined; expired: boolean } {
  const [person, setPerson] = useState<Person | null | undefined>(session.person ?? undefined);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const unsubscribe = session.subscribe((next, reason) => {
      setExpired(reason === 'expired');
      setPerson(next);
    });
    if (session.person === null) {
      void session.restore().then((restored) => {
        setPerson(restored);
      });
    }
    return unsubscribe;
  }, []);
  return { person, expired };
}
