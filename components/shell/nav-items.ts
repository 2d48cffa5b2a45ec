/** The app's sections, in menu order. `admin` entries show to admins only. */
export const navItems = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/bots', label: 'Bots' },
  { href: '/trade', label: 'Trade' },
  { href: '/signals', label: 'Signals' },
  { href: '/ai-log', label: 'AI log' },
  { href: '/strategies', label: 'Strategies' },
  { href: '/backtests', label: 'Backtests' },
  { href: '/settings', label: 'Settings' },
  { href: '/admin', label: 'Admin', admin: true },
] as const;
