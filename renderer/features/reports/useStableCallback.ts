import { useCallback, useRef } from 'react';

/**
 * A function whose identity never changes but which always runs the latest `callback`: handlers passed to the
 * memoised section cards, so typing in one section does not re-render the others.
 */
export function useStableCallback<Arguments extends unknown[], Result>(callback: (...args: Arguments) => Result): (...args: Arguments) => Result {
  const latest = useRef(callback);
  latest.current = callback;
  return useCallback((...args: Arguments) => latest.current(...args), []);
}
