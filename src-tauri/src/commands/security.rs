//! Tauri commands for protecting the data: status, protect, unlock, lock, the passphrase,
//! the recovery key, "Remember on this computer" and re-keying.

use tauri::State;

use ppg_desk_core::error::Result;
use ppg_desk_core::security::{self, NewRecoveryKey, SecurityStatus, Strength};
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn get_security_status(state: State<'_, AppState>) -> Result<SecurityStatus> {
    ppg_desk_core::state::guard(move || security::status(&state))
}

/// How good a passphrase is, in words, as it is typed.
#[tauri::command(async)]
pub fn passphrase_strength(passphrase: String) -> Result<Strength> {
    ppg_desk_core::state::guard(move || Ok(security::strength(&passphrase)))
}

#[tauri::command(async)]
pub fn protect_data(
    state: State<'_, AppState>,
    passphrase: String,
    remember: bool,
    remove_plain_backups: bool,
) -> Result<NewRecoveryKey> {
    ppg_desk_core::state::guard(move || {
        let passphrase = zeroize::Zeroizing::new(passphrase);
        security::protect(&state, &passphrase, remember, remove_plain_backups)
    })
}

/// Opens locked data with the passphrase, or the recovery key when one is given.
#[tauri::command(async)]
pub fn unlock_data(state: State<'_, AppState>, passphrase: String, recovery_key: Option<String>) -> Result<()> {
    ppg_desk_core::state::guard(move || state.unlock(&security::secret(passphrase, recovery_key)))
}

#[tauri::command(async)]
pub fn lock_now(state: State<'_, AppState>) -> Result<()> {
    ppg_desk_core::state::guard(move || state.lock_now())
}

#[tauri::command(async)]
pub fn change_passphrase(state: State<'_, AppState>, current: String, new_passphrase: String) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let new_passphrase = zeroize::Zeroizing::new(new_passphrase);
        security::change_passphrase(&state, &security::secret(current, None), &new_passphrase)
    })
}

/// After opening with the recovery key: a new passphrase without typing the old one.
#[tauri::command(async)]
pub fn reset_passphrase(state: State<'_, AppState>, recovery_key: String, new_passphrase: String) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let new_passphrase = zeroize::Zeroizing::new(new_passphrase);
        security::change_passphrase(&state, &security::secret(String::new(), Some(recovery_key)), &new_passphrase)
    })
}

#[tauri::command(async)]
pub fn make_new_recovery_key(state: State<'_, AppState>, current: String) -> Result<NewRecoveryKey> {
    ppg_desk_core::state::guard(move || security::new_recovery_key(&state, &security::secret(current, None)))
}

#[tauri::command(async)]
pub fn set_remembered(state: State<'_, AppState>, remember: bool) -> Result<Option<String>> {
    ppg_desk_core::state::guard(move || security::set_remembered(&state, remember))
}

#[tauri::command(async)]
pub fn rekey_data(
    state: State<'_, AppState>,
    current: String,
    new_passphrase: String,
    remember: bool,
) -> Result<NewRecoveryKey> {
    ppg_desk_core::state::guard(move || {
        let new_passphrase = zeroize::Zeroizing::new(new_passphrase);
        security::rekey(&state, &security::secret(current, None), &new_passphrase, remember)
    })
}
