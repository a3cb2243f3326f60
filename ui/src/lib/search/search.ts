// Search's words for people and where a result opens: results grouped by kind in the order
// they came (best first), and the place in the window each record opens at.
import type { Hit } from '../api/bindings/Hit';
import { toLongDate, toMonth } from '../shared/dates';
import type { Destination, Screen } from '../shared/navigation';

export interface Group {
  name: string;
  hits: Hit[];
}

/** Hits grouped under their kind, each group where its best hit came. */
export function grouped(hits: Hit[]): Group[] {
  const groups: Group[] = [];
  for (const hit of hits) {
    const group = groups.find((g) => g.name === hit.group);
    if (group) group.hits.push(hit);
    else groups.push({ name: hit.group, hits: [hit] });
  }
  return groups;
}

const SCREENS: Screen[] = ['home', 'meetings', 'actions', 'feedback', 'people', 'drivers', 'befriending', 'bulletins', 'contacts', 'directory', 'settings'];

/** Where a result opens: the record itself where the screen can open one (a meeting at its
 * item, an action, a person, a professional, a local group, a befriending referral, a bulletin
 * issue, a trip, a driver, a passenger, a settings page; a place opens the places), else its
 * screen (feedback). */
export function destination(hit: Hit): Destination {
  const screen = SCREENS.find((s) => s === hit.opens.screen) ?? 'home';
  switch (screen) {
    case 'meetings':
      return { screen, meetingId: hit.opens.id, itemId: hit.opens.part ?? undefined };
    case 'drivers': {
      const tabs: Record<string, string> = { driver: 'drivers', passenger: 'passengers', place: 'places', trip: 'trips' };
      return { screen, recordId: hit.opens.id, tab: tabs[hit.kind] };
    }
    case 'actions':
    case 'people':
    case 'contacts':
    case 'directory':
    case 'befriending':
    case 'bulletins':
      return { screen, recordId: hit.opens.id };
    case 'settings':
      return { screen, tab: hit.opens.tab ?? undefined };
    default:
      return { screen };
  }
}

/** A result's date as PPG Desk shows dates everywhere ("Thursday 12 March 2026"); a month
 * ("2026-03", a bulletin issue) as "March 2026"; '' stays ''. */
export function whenWords(at: string): string {
  return at.length > 7 ? toLongDate(at) : toMonth(at);
}
