// CSV for spreadsheets (RFC 4180, CRLF line ends). A cell that a spreadsheet
// would run as a formula (= + - @, or a leading tab or carriage return) gets
// a single quote in front, so a donor who types "=HYPERLINK(…)" as a name
// cannot make the newsroom's spreadsheet do anything.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
