import { useState } from 'react';
import { useMe } from '../../auth.tsx';
import { can } from '../../nav.tsx';
import { ConnectionCard } from './ConnectionCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { QualificationsCard } from './QualificationsCard.tsx';

/** One agency's connection: the computed checklist, its origin / 入吉备案, and its qualification certificates. */
export function AgencyView({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const manage = can.manageAgency(me, agencyId);
  // Any change below may change the checklist: it is fetched again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((n) => n + 1);
  return (
    <>
      <ConnectionCard agencyId={agencyId} version={version} />
      <ProfileCard agencyId={agencyId} canManage={manage} onChanged={changed} />
      <QualificationsCard agencyId={agencyId} canManage={manage} onChanged={changed} />
    </>
  );
}
