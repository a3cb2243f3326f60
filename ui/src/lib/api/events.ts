// Change events from the one write path: a view reloads when a topic it shows changes.
import { listen } from '@tauri-apps/api/event';
import type { ChangedEvent } from './bindings/ChangedEvent';
import type { Topic } from './bindings/Topic';
import type { ProgressEvent } from './bindings/ProgressEvent';

/** Calls `reload` whenever any of `topics` changes. Returns a function that stops listening. */
export function onChanged(topics: Topic[], reload: () => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  listen<ChangedEvent>('changed', (event) => {
    if (event.payload.topics.some((t) => topics.includes(t))) reload();
  }).then((unlisten) => {
    if (stopped) unlisten();
    else stop = unlisten;
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

/** Calls `heard` with each step of long work (a print, an import). Returns a function that stops listening. */
export function onProgress(heard: (progress: ProgressEvent) => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  listen<ProgressEvent>('progress', (event) => heard(event.payload)).then((unlisten) => {
    if (stopped) unlisten();
    else stop = unlisten;
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
