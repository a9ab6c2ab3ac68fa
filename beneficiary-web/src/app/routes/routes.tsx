/**
 * Which screen a path shows. Thin: each route picks a feature screen and gives it what it needs
 * from other features (the names of the structures that see shared papers…). The secondary
 * screens are separate chunks, downloaded when first opened.
 */
import { lazy, useCallback, useEffect, useState } from 'react';
import { PapersScreen } from '../../features/papers/components/papers-screen';
import { listMyFollows } from '../../features/structures/api/follows';
import { useAuth } from '../../features/auth/auth-context';
import { matchPath } from '../../lib/router';
import { NotFoundScreen } from './not-found-screen';

const AddPaperScreen = lazy(() =>
  import('../../features/papers/components/add-paper-screen').then((m) => ({ default: m.AddPaperScreen })),
);
const PaperScreen = lazy(() =>
  import('../../features/papers/components/paper-screen').then((m) => ({ default: m.PaperScreen })),
);
const TrashScreen = lazy(() =>
  import('../../features/papers/components/trash-screen').then((m) => ({ default: m.TrashScreen })),
);
const TraceScreen = lazy(() =>
  import('../../features/trace/components/trace-screen').then((m) => ({ default: m.TraceScreen })),
);
const StructuresScreen = lazy(() =>
  import('../../features/structures/components/structures-screen').then((m) => ({ default: m.StructuresScreen })),
);
const DevicesScreen = lazy(() =>
  import('../../features/devices/components/devices-screen').then((m) => ({ default: m.DevicesScreen })),
);
const AccountScreen = lazy(() => import('./account-screen').then((m) => ({ default: m.AccountScreen })));

/** Names of the structures that follow me: who sees a shared paper. Null until known. */
function useSharedWith(): [readonly string[] | null, () => void] {
  const [names, setNames] = useState<readonly string[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    listMyFollows(controller.signal).then(
      (follows) => setNames(follows.filter((f) => f.status === 'active').map((f) => f.structure.name)),
      () => undefined,
    );
    return () => controller.abort();
  }, [version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return [names, refresh];
}

export function SignedInRoutes({ path }: { path: string }) {
  const { state, logout } = useAuth();
  const [sharedWith, refreshSharedWith] = useSharedWith();
  const me = state.status === 'signedIn' ? state.me : null;

  if (path === '/') return <PapersScreen sharedWith={sharedWith} />;
  if (path === '/papers/new') return <AddPaperScreen />;
  const paper = matchPath('/papers/:id', path);
  if (paper?.id) return <PaperScreen key={paper.id} id={paper.id} sharedWith={sharedWith} />;
  if (path === '/trash') return <TrashScreen />;
  if (path === '/history') return <TraceScreen />;
  if (path === '/structures') return <StructuresScreen onChanged={refreshSharedWith} />;
  if (path === '/devices' && me) return <DevicesScreen beneficiaryId={me.id} onLoggedOut={() => void logout()} />;
  if (path === '/account') return <AccountScreen />;
  return <NotFoundScreen />;
}
