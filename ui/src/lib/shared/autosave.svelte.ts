// Saving what someone types by itself: a moment after typing stops, when the field loses
// focus, and when the editor closes, so nothing typed is lost; `status` says honestly where
// it stands. Used by the minutes and the bulletin's articles.

export type SaveStatus = 'saved' | 'waiting' | 'saving' | 'failed';

export interface Autosave {
  readonly status: SaveStatus;
  /** Call on every keystroke: saves a moment after typing stops. */
  typed(): void;
  /** Saves now if anything changed (on leaving the field). */
  save(): Promise<void>;
  /** Sends any unsaved text without waiting (when the editor closes). */
  flush(): void;
}

/** Every autosaving editor made in this session, so locking can save them all first. */
const editors = new Set<Autosave>();

/** Saves every editor's unsaved text now (before the data is locked). */
export async function saveAllDrafts(): Promise<void> {
  await Promise.all([...editors].map((editor) => editor.save()));
}

/**
 * `read` gives the current text (or a serialised form); `write` stores it and throws when
 * it could not be saved; `failed` hears why.
 */
export function autosave(read: () => string, write: (text: string) => Promise<void>, failed: (error: unknown) => void, delay = 800): Autosave {
  let saved = read();
  let status: SaveStatus = $state('saved');
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function save() {
    clearTimeout(timer);
    const sending = read();
    if (sending === saved) {
      status = 'saved';
      return;
    }
    status = 'saving';
    try {
      await write(sending);
      saved = sending;
      status = read() === saved ? 'saved' : 'waiting';
      if (status === 'waiting') timer = setTimeout(save, delay);
    } catch (e) {
      status = 'failed';
      failed(e);
    }
  }

  const editor: Autosave = {
    get status() {
      return status;
    },
    typed() {
      status = 'waiting';
      clearTimeout(timer);
      timer = setTimeout(save, delay);
    },
    save,
    flush() {
      clearTimeout(timer);
      const now = read();
      if (now !== saved) write(now).catch(() => {});
    },
  };
  editors.add(editor);
  return editor;
}
