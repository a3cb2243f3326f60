// The people list as a screen sees it: the query, the matching people, kept current by
// change events from Rust.
import type { Person } from '../api/bindings/Person';
import type { PeopleQuery } from '../api/bindings/PeopleQuery';
import { listPeople } from '../api/commands';
import { onChanged } from '../api/events';
import { toAppError } from '../api/invoke';

class PeopleList {
  query: PeopleQuery = $state({ search: '', filter: 'current' });
  items: Person[] = $state([]);
  loaded = $state(false);
  problem = $state('');
  #request = 0;

  async reload() {
    const request = ++this.#request;
    try {
      const items = await listPeople($state.snapshot(this.query));
      if (request !== this.#request) return; // A newer search has been typed since.
      this.items = items;
      this.problem = '';
    } catch (e) {
      this.problem = toAppError(e).message;
    } finally {
      this.loaded = true;
    }
  }

  /** Loads now, again whenever the query or the people change; returns a stop function. */
  start(): () => void {
    const stopEffect = $effect.root(() => {
      $effect(() => {
        void this.query.search;
        void this.query.filter;
        this.reload();
      });
    });
    const stopListening = onChanged(['people'], () => this.reload());
    return () => {
      stopEffect();
      stopListening();
    };
  }
}

export const peopleList = new PeopleList();
