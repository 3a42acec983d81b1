// Lengths of the site settings' text fields: the server's schema and the form's inputs share them.
export const NAME_MAX = 80;
export const TAGLINE_MAX = 160;
export const SUPPORT_TEXT_MAX = 60;
