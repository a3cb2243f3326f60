// Where the window can go: a screen, and for links from the dashboard, what to show there.
import type { ActionView } from '../api/bindings/ActionView';

export type Screen = 'home' | 'meetings' | 'actions' | 'feedback' | 'people' | 'drivers' | 'befriending' | 'bulletins' | 'contacts' | 'directory' | 'settings';

export interface Destination {
  screen: Screen;
  actionView?: ActionView;
  meetingId?: number;
  /** The agenda item of that meeting to open at (from a search). */
  itemId?: number;
  /** The record to open on the screen (an action, a professional, a local group). */
  recordId?: number;
  directoryDue?: boolean;
  /** Which of the driver or befriending screen's views to show ("erasure", "drivers"). */
  tab?: string;
}
