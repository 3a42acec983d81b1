export const THEME_KEY = 'masthead-theme';
export type Theme = 'light' | 'dark';

/**
 * Runs in <head> before the page paints, so a reader who chose a theme never
 * sees a flash of the other one. Kept tiny and constant: a CSP can allow it by hash.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('${THEME_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
