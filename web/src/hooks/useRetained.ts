import { useState } from 'react';

/** The last non-null value: keeps a dialog's content on screen while it animates closed. */
export function useRetained<T>(value: T | null): T | null {
  const [kept, setKept] = useState<T | null>(value);
  if (value !== null && value !== kept) setKept(value);
  return value ?? kept;
}
