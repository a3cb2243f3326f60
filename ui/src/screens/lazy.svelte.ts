// The screens behind the menu, loaded when first opened (Home is part of the first page):
// the window shows its first screen without waiting for the code of the other nine. Once
// Home is on screen the rest are fetched in the background, so a later click does not wait.
import type { Component } from 'svelte';
import type { Screen } from '../lib/shared/navigation';

// Each screen takes its own props; App.svelte passes the right ones to each.
type AnyScreen = Component<any>;

const LOADERS: Record<Exclude<Screen, 'home'>, () => Promise<{ default: AnyScreen }>> = {
  meetings: () => import('./meetings/MeetingsScreen.svelte'),
  actions: () => import('./actions/ActionsScreen.svelte'),
  feedback: () => import('./feedback/FeedbackScreen.svelte'),
  people: () => import('./people/PeopleScreen.svelte'),
  drivers: () => import('./drivers/DriversScreen.svelte'),
  befriending: () => import('./befriending/BefriendingScreen.svelte'),
  bulletins: () => import('./bulletins/BulletinsScreen.svelte'),
  contacts: () => import('./contacts/ContactsScreen.svelte'),
  directory: () => import('./directory/DirectoryScreen.svelte'),
  settings: () => import('./settings/SettingsScreen.svelte'),
};

/** The screens loaded so far, by name; App.svelte draws from here. */
export const screens: Partial<Record<Screen, AnyScreen>> = $state({});

/** Loads `screen`'s code if it is not loaded yet (Home always is). */
export async function loadScreen(screen: Screen): Promise<void> {
  if (screen === 'home' || screens[screen]) return;
  screens[screen] = (await LOADERS[screen]()).default;
}

/** Fetches every other screen when the window is idle, one after another. */
export function loadTheRestLater(): void {
  const next = (Object.keys(LOADERS) as Screen[]).filter((s) => !screens[s]);
  const step = () => {
    const screen = next.shift();
    if (screen) loadScreen(screen).then(() => setTimeout(step, 0), () => setTimeout(step, 0));
  };
  setTimeout(step, 300);
}
