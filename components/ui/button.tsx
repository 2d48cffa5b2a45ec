import type { ButtonHTMLAttributes } from 'react';

const variants = {
  primary: 'bg-accent text-white hover:bg-accent-strong disabled:opacity-50',
  secondary:
    'border border-surface-border bg-surface-raised text-slate-200 hover:bg-slate-800 disabled:opacity-50',
  danger: 'bg-loss/90 text-white hover:bg-loss disabled:opacity-50',
} as const;

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return (
    <button
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-accent ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
