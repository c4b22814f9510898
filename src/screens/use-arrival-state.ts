import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { readNavigationState, type NavigationState } from '../app/navigation-state';

/**
 * What the previous screen handed over (notice, username, `from`), read once on arrival. The notice is
 * then dropped from the history entry so that a reload or a later "back" does not announce it again;
 * the rest stays for the guards that read it.
 */
export function useArrivalState(): NavigationState {
  const location = useLocation();
  const navigate = useNavigate();
  const [arrival] = useState(() => readNavigationState(location.state));

  useEffect(() => {
    if (readNavigationState(location.state).notice === undefined) return;
    const { notice: _shown, ...rest } = readNavigationState(location.state);
    navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true, state: rest });
  }, [location, navigate]);

  return arrival;
}
