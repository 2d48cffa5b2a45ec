import type { Config } from 'tailwindcss';

/** Osprey's palette: a dark desk by default; profit and loss colours used by every number. */
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  darkMode: 'class',
  theme: {
    extend: {
      colors: {
        surface: { DEFAULT: '#0f1419', raised: '#161c24', border: '#243040' },
        accent: { DEFAULT: '#3b82f6', strong: '#2563eb' },
        profit: '#22c55e',
        loss: '#ef4444',
      },
      fontFamily: {
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'monospace'],
      },
    },
  },
} satisfies Config;
