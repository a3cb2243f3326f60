// Membership's words: the answers each question offers, and percentages in words.
import type { Dimension } from '../api/bindings/Dimension';

export const QUESTIONS: { dimension: Dimension; field: 'ageBand' | 'sex' | 'ethnic' | 'carer' | 'condition'; label: string; answers: [string, string][] }[] = [
  { dimension: 'age', field: 'ageBand', label: 'Age', answers: [['0-17', 'Under 18'], ['18-39', '18 to 39'], ['40-64', '40 to 64'], ['65-79', '65 to 79'], ['80+', '80 and over']] },
  { dimension: 'sex', field: 'sex', label: 'Sex', answers: [['female', 'Female'], ['male', 'Male']] },
  {
    dimension: 'ethnic', field: 'ethnic', label: 'Ethnic group',
    answers: [['asian', 'Asian, Asian British or Asian Welsh'], ['black', 'Black, Black British, Black Welsh, Caribbean or African'], ['mixed', 'Mixed or multiple ethnic groups'], ['white', 'White'], ['other', 'Another ethnic group']],
  },
  { dimension: 'carer', field: 'carer', label: 'Looks after someone (a carer)', answers: [['yes', 'Yes'], ['no', 'No']] },
  { dimension: 'condition', field: 'condition', label: 'Has a long-term condition or disability', answers: [['yes', 'Yes'], ['no', 'No']] },
];

/** "34%", or "no figures" when there is nothing to count. */
export function percentWords(percent: number | null): string {
  return percent === null ? 'no figures' : `${percent}%`;
}
