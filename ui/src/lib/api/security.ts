// Typed wrappers for protecting the data (tests/tidy.rs checks none is missing). Passphrases
// go to Rust and are wiped there after use; nothing here keeps them.
import { call } from './invoke';
import type { SecurityStatus } from './bindings/SecurityStatus';
import type { Strength } from './bindings/Strength';
import type { NewRecoveryKey } from './bindings/NewRecoveryKey';

export const getSecurityStatus = () => call<SecurityStatus>('get_security_status');
export const passphraseStrength = (passphrase: string) => call<Strength>('passphrase_strength', { passphrase });
export const protectData = (passphrase: string, remember: boolean, removePlainBackups: boolean) =>
  call<NewRecoveryKey>('protect_data', { passphrase, remember, removePlainBackups });
export const unlockData = (passphrase: string, recoveryKey: string | null = null) =>
  call<void>('unlock_data', { passphrase, recoveryKey });
export const lockNow = () => call<void>('lock_now');
export const changePassphrase = (current: string, newPassphrase: string) =>
  call<void>('change_passphrase', { current, newPassphrase });
export const resetPassphrase = (recoveryKey: string, newPassphrase: string) =>
  call<void>('reset_passphrase', { recoveryKey, newPassphrase });
export const makeNewRecoveryKey = (current: string) => call<NewRecoveryKey>('make_new_recovery_key', { current });
export const setRemembered = (remember: boolean) => call<string | null>('set_remembered', { remember });
export const rekeyData = (current: string, newPassphrase: string, remember: boolean) =>
  call<NewRecoveryKey>('rekey_data', { current, newPassphrase, remember });
