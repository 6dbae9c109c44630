/**
 * Whether the screen is a phone's: the width at which the panel becomes a bottom sheet
 * (the same query as the stylesheet's), followed as the window is resized or turned.
 */
import { useEffect, useState } from 'preact/hooks';

export const NARROW_SCREEN = '(max-width: 640px)';

function matches(): boolean {
  return window.matchMedia?.(NARROW_SCREEN).matches ?? false;
}

export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(matches);
  useEffect(() => {
    const query = window.matchMedia?.(NARROW_SCREEN);
    if (!query) return;
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}
