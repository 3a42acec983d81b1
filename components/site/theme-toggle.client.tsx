'use client';

import { useSyncExternalStore } from 'react';
import { THEME_KEY, type Theme } from '@/lib/theme';

const listeners = new Set<() => void>();
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(listener: () => void) {
  listeners.add(listener);
  const query = darkQuery();
  query.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    query.removeEventListener('change', listener);
  };
}

/** What the reader sees now: their choice, else the system's. */
function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return darkQuery().matches ? 'dark' : 'light';
}

function choose(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page.
  }
  listeners.forEach((listener) => listener());
}

/**
 * Dark mode on or off, remembered on this device. Until the reader chooses,
 * the site follows the system setting. Without JavaScript it is not shown
 * (the system setting still applies): the server renders it invisible, which
 * keeps its place in the header, so nothing moves when it appears.
 */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => null);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={() => choose(dark ? 'light' : 'dark')}
      className={`inline-flex items-center gap-1.5 rounded-sm border border-rule px-2.5 py-1.5 text-sm font-medium text-muted hover:border-ink hover:text-ink ${theme === null ? 'invisible' : ''}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path
          fillRule="evenodd"
          d="M7.455 2.004a.75.75 0 0 1 .26.77 7 7 0 0 0 9.958 7.967.75.75 0 0 1 1.067.853A8.5 8.5 0 1 1 6.647 1.921a.75.75 0 0 1 .808.083Z"
          clipRule="evenodd"
        />
      </svg>
      Dark mode
    </button>
  );
}
