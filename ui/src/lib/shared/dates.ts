// Dates as people in England read and write them. Rust stores ISO (YYYY-MM-DD).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

function parts(iso: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** 2026-11-24 -> 24/11/2026 (what the edit forms show); empty for no date. */
export function toUkDate(iso: string | null | undefined): string {
  const p = iso ? parts(iso) : null;
  return p ? `${String(p[2]).padStart(2, '0')}/${String(p[1]).padStart(2, '0')}/${p[0]}` : '';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 2026-11-24 -> Tuesday 24 November 2026: the one way PPG Desk shows a date (no 8/1/2027, which
 * can be misread). */
export function toLongDate(iso: string | null | undefined): string {
  const p = iso ? parts(iso) : null;
  if (!p) return '';
  const weekday = WEEKDAYS[new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay()];
  return `${weekday} ${p[2]} ${MONTHS[p[1] - 1]} ${p[0]}`;
}

/** 2026-12 (or a date in it) -> December 2026. */
export function toMonth(iso: string | null | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})/.exec(iso) : null;
  const month = match ? Number(match[2]) : 0;
  return match && month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${match[1]}` : '';
}

/**
 * Reads a date as people in England type it, with the same rules as Rust's `check::parse_date`:
 * 8/1/2027, 08-01-2027, 8.1.27, 8 Jan 2027, 8th January 2027 or 2027-01-08. Returns ISO
 * (2027-01-08), or null when the text is not (yet) a date. Never throws.
 */
export function readUkDate(text: string): string | null {
  const pieces = text.trim().split(/[/\-. ,]+/).filter(Boolean);
  if (pieces.length !== 3) return null;
  const [a, b, c] = pieces[0].length === 4 ? [pieces[2], pieces[1], pieces[0]] : pieces;
  const day = Number(/^\d{1,2}(st|nd|rd|th)?$/i.test(a) ? a.replace(/\D+$/, '') : NaN);
  let month = /^\d{1,2}$/.test(b) ? Number(b) : NaN;
  if (Number.isNaN(month) && b.length >= 3) {
    const index = MONTHS.findIndex((m) => m.toLowerCase().startsWith(b.toLowerCase()));
    month = index >= 0 ? index + 1 : NaN;
  }
  if (!/^\d{2}$|^\d{4}$/.test(c)) return null;
  const year = c.length === 2 && pieces[0].length !== 4 ? 2000 + Number(c) : Number(c);
  if (Number.isNaN(day) || Number.isNaN(month) || year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 2026-11-24T09:30:15 -> 24 November 2026 at 09:30. */
export function toLongDateTime(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso);
  return time ? `${toLongDate(iso)} at ${time[1]}` : toLongDate(iso);
}

/** Today as DD/MM/YYYY in the computer's local time. */
export function todayUk(now: Date = new Date()): string {
  const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return toUkDate(iso);
}

/** A file name stamp such as 2026-11-24 (never personal data). */
export function fileStamp(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "18:30" -> "6.30pm", as printed on agendas and in the directory. */
export function spokenTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  if (Number.isNaN(h) || Number.isNaN(m)) return hhmm;
  if (h === 12 && m === 0) return '12 noon';
  if ((h === 0 || h === 24) && m === 0) return 'midnight';
  const suffix = h >= 12 ? 'pm' : 'am';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour}${suffix}` : `${hour}.${String(m).padStart(2, '0')}${suffix}`;
}
