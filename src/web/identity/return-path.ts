/** Only same-app paths are followed after sign-in (no open redirect), and never back to sign-in itself. */
export const safeReturnPath = (from: unknown): string => {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\'))
    return '/';
  if (from === '/signin' || from.startsWith('/signin?') || from === '/password') return '/';
  return from;
};
