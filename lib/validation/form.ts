/**
 * A server action is an HTTP endpoint: a crafted request can hand a form action any value
 * (a string, an array, nothing) instead of the form. Actions check before they read it.
 */
export const isFormData = (value: unknown): value is FormData => value instanceof FormData;

export const NOT_A_FORM = 'The form did not arrive as a form. Reload the page and try again.';
