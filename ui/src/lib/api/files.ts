// The system's open and save dialogs. Suggested file names never contain personal data.
import { open, save } from '@tauri-apps/plugin-dialog';

type Kind = 'csv' | 'backup' | 'pdf' | 'picture' | 'calendar' | 'vcard' | 'oruk' | 'json';

const FILTERS: Record<Kind, { name: string; extensions: string[] }> = {
  csv: { name: 'Spreadsheet (CSV)', extensions: ['csv'] },
  backup: { name: 'PPG Desk backup', extensions: ['sqlite3', 'ppgdesk', 'db'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  picture: { name: 'Picture (PNG or JPEG)', extensions: ['png', 'jpg', 'jpeg'] },
  calendar: { name: 'Calendar invite (iCalendar)', extensions: ['ics'] },
  vcard: { name: 'Contact cards (vCard)', extensions: ['vcf', 'vcard'] },
  oruk: { name: 'Open Referral UK directory (JSON)', extensions: ['json'] },
  json: { name: 'Record (JSON)', extensions: ['json'] },
};

/** Asks where to save; returns the chosen path, or null if the person cancelled. */
export async function chooseSavePath(kind: Kind, suggestedName: string): Promise<string | null> {
  return save({ defaultPath: suggestedName, filters: [FILTERS[kind]] });
}

/** Asks which file to open; returns its path, or null if the person cancelled. */
export async function chooseOpenPath(kind: Kind): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: [FILTERS[kind]] });
  return typeof chosen === 'string' ? chosen : null;
}
