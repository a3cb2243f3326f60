import { describe, expect, it } from 'vitest';
import { befrienderWanted, nextStep, previousStep, readScores, stageLabel } from './befriending';

describe('the befriending pipeline in the window', () => {
  it('offers the next step by hand only where no other button moves it on', () => {
    expect(nextStep('received')).toBe('consentConfirmed');
    expect(nextStep('assessed')).toBe('waiting');
    expect(nextStep('waiting')).toBeNull();
    expect(nextStep('active')).toBe('ending');
    expect(previousStep('matched')).toBe('waiting');
    expect(previousStep('received')).toBeNull();
    expect(previousStep('closed')).toBeNull();
    expect(stageLabel('waiting')).toBe('Waiting for a match');
  });

  it('reads outcome answers and names each one out of range', () => {
    const good = { satisfied: '4', worthwhile: '5', happy: '0', anxious: '10', lackCompanionship: '3', leftOut: '1', isolated: '2', directLoneliness: '5' };
    expect(readScores(good)).toEqual({ scores: { satisfied: 4, worthwhile: 5, happy: 0, anxious: 10, lackCompanionship: 3, leftOut: 1, isolated: 2, directLoneliness: 5 } });
    const bad = readScores({ ...good, happy: '11', leftOut: '0', isolated: '2.5', directLoneliness: '' });
    expect('errors' in bad && Object.keys(bad.errors)).toEqual(['happy', 'leftOut', 'isolated', 'directLoneliness']);
  });
});

describe('the befriender someone would like', () => {
  it('is said as the printed referral says it', () => {
    expect(befrienderWanted('female')).toBe('a woman befriender');
    expect(befrienderWanted('male')).toBe('a man befriender');
    expect(befrienderWanted('')).toBe('');
  });
});
