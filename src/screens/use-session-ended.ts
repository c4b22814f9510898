import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { NavigationState } from '../app/navigation-state';
import { paths } from '../app/paths';

/**
 * For a signed-in screen whose call found the session over (the auth layer has signed out already): sign-in,
 * saying why, and back here afterwards. Stable across renders, so effects may depend on it.
 */
export function useSessionEnded(): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  const fromRef = useRef(from);
  useEffect(() => {
    fromRef.current = from;
  }, [from]);
  return useCallback(() => {
    const state: NavigationState = { notice: 'sessionEnded', from: fromRef.current };
    navigate(paths.signIn, { replace: true, state });
  }, [navigate]);
}
