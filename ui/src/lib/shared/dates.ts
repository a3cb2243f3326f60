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

/** 2026-11-24 -> 24 November 2026. */
export function toLongDate(iso: string | null | undefined): string {
  const p = iso ? parts(iso) : null;
  return p ? `${p[2]} ${MONTHS[p[1] - 1]} ${p[0]}` : '';
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
