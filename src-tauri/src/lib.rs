//! PPG Desk's library: the module list, and `run_gui`, which builds the Tauri app with its
//! state and the index of every command the window may call.

#[macro_use]
mod keyed;

pub mod actions;
pub mod backups;
pub mod befriending;
pub mod bulletins;
pub mod calendar;
pub mod changes;
pub mod check;
pub mod cli;
pub mod contacts;
pub mod csvfile;
pub mod dashboard;
pub mod db;
pub mod dialogs;
pub mod directory;
pub mod documents;
pub mod drivers;
pub mod error;
pub mod files;
pub mod meetings;
pub mod people;
pub mod picture;
pub mod print;
pub mod progress;
pub mod sample;
pub mod settings;
pub mod startup;
pub mod state;
pub mod words;

use serde::Serialize;
use tauri::{Emitter, Manager};
use ts_rs::TS;

use crate::db::DataPaths;
use crate::state::{AppState, Topic};

/// The event every window listens to: which parts of the data changed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChangedEvent {
    pub topics: Vec<Topic>,
}

/// A tidy-up a feature asks for each time the data is opened (it must never stop PPG Desk
/// opening, so its failure is ignored and it simply runs again next time).
pub type TidyUp = fn(&rusqlite::Connection, chrono::NaiveDate) -> error::Result<usize>;

/// The features' tidy-ups, listed here at the top of the house (where the command index
/// names every feature too), so the store below runs them without naming any feature:
/// forgetting DBS certificate numbers and outcomes six months after the check.
pub const ON_OPEN: &[TidyUp] = &[drivers::forget_old_dbs_details, befriending::forget_old_dbs_references];

/// The index of every command the window may call (also driven by the hostile-input test
/// through Tauri's own argument parsing).
pub fn invoke_handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        progress::commands::cancel_work,
        dialogs::commands::choose_open_path,
        dialogs::commands::choose_save_path,
        startup::commands::get_startup,
        startup::commands::load_sample_data,
        startup::commands::leave_sample,
        startup::commands::recover_from_latest_backup,
        settings::commands::get_settings,
        settings::commands::save_settings,
        settings::commands::get_logo,
        settings::commands::set_logo,
        settings::commands::clear_logo,
        documents::commands::render_document,
        documents::commands::suggest_document_file_name,
        documents::commands::save_document,
        documents::commands::open_document,
        documents::commands::list_printers,
        documents::commands::print_document,
        people::commands::list_people,
        people::commands::get_person,
        people::commands::create_person,
        people::commands::update_person,
        people::commands::mark_person_left,
        people::commands::preview_erase_person,
        people::commands::erase_person,
        people::commands::save_person_record_json,
        people::commands::preview_people_csv,
        people::commands::import_people_csv,
        people::commands::export_people_csv,
        meetings::commands::list_meetings,
        meetings::commands::get_meeting,
        meetings::commands::create_meeting,
        meetings::commands::schedule_next_meeting,
        meetings::commands::set_meeting_status,
        meetings::commands::save_item_minutes,
        meetings::commands::add_agenda_item,
        meetings::commands::update_agenda_item,
        meetings::commands::move_agenda_item,
        meetings::commands::remove_agenda_item,
        meetings::commands::update_meeting,
        meetings::commands::set_attendance,
        meetings::commands::add_decision,
        meetings::commands::remove_decision,
        meetings::commands::add_minutes_action,
        meetings::commands::remove_minutes_action,
        meetings::commands::approve_previous_minutes,
        meetings::commands::add_minutes_amendment,
        meetings::commands::get_agenda_template,
        meetings::commands::save_agenda_template,
        meetings::commands::save_meeting_invite,
        actions::commands::list_actions,
        actions::commands::get_action,
        actions::commands::create_action,
        actions::commands::update_action,
        actions::commands::set_action_status,
        actions::commands::add_action_update,
        meetings::commands::get_meeting_review,
        meetings::commands::review_action,
        actions::commands::save_actions_csv,
        dashboard::commands::get_dashboard,
        meetings::commands::add_meeting_guest,
        meetings::commands::remove_meeting_guest,
        contacts::commands::list_contacts,
        contacts::commands::get_contact,
        contacts::commands::create_contact,
        contacts::commands::update_contact,
        contacts::commands::delete_contact,
        contacts::commands::add_contact_interaction,
        contacts::commands::save_contacts_vcard,
        contacts::commands::import_contacts_vcard,
        drivers::commands::list_drivers,
        drivers::commands::get_driver,
        drivers::commands::create_driver,
        drivers::commands::update_driver,
        drivers::commands::save_driver_check,
        drivers::commands::add_driver_absence,
        drivers::commands::remove_driver_absence,
        drivers::commands::list_passengers,
        drivers::commands::create_passenger,
        drivers::commands::update_passenger,
        drivers::commands::delete_passenger,
        drivers::commands::save_passenger_record_json,
        drivers::commands::list_destinations,
        drivers::commands::create_destination,
        drivers::commands::update_destination,
        drivers::commands::delete_destination,
        drivers::commands::list_trips,
        drivers::commands::get_trip,
        drivers::commands::create_trip,
        drivers::commands::update_trip,
        drivers::commands::suggest_drivers,
        drivers::commands::assign_driver,
        drivers::commands::set_trip_status,
        drivers::commands::mark_trip_done,
        drivers::commands::get_mileage_claim,
        drivers::commands::save_other_miles,
        drivers::commands::list_former_drivers_due,
        drivers::commands::remove_driver_record,
        drivers::commands::save_driver_calendar,
        drivers::commands::get_scheme_summary,
        befriending::commands::list_referrals,
        befriending::commands::get_referral,
        befriending::commands::create_referral,
        befriending::commands::update_referral,
        befriending::commands::record_referral_consent,
        befriending::commands::move_referral,
        befriending::commands::log_referral_contact,
        befriending::commands::suggest_befrienders,
        befriending::commands::match_befriender,
        befriending::commands::record_first_meeting,
        befriending::commands::log_befriending_contact,
        befriending::commands::raise_concern,
        befriending::commands::pass_on_concern,
        befriending::commands::record_scores,
        befriending::commands::list_befrienders,
        befriending::commands::create_befriender,
        befriending::commands::update_befriender,
        befriending::commands::get_befriending_report,
        befriending::commands::list_referrals_due_for_erasure,
        befriending::commands::erase_referral,
        befriending::commands::save_subject_access_json,
        bulletins::commands::list_bulletins,
        bulletins::commands::get_bulletin,
        bulletins::commands::create_bulletin,
        bulletins::commands::copy_last_bulletin,
        bulletins::commands::update_bulletin,
        bulletins::commands::add_bulletin_article,
        bulletins::commands::save_bulletin_article,
        bulletins::commands::set_bulletin_picture,
        bulletins::commands::remove_bulletin_picture,
        bulletins::commands::delete_bulletin_article,
        bulletins::commands::reorder_bulletin_articles,
        bulletins::commands::publish_bulletin,
        directory::commands::list_directory,
        directory::commands::get_directory_entry,
        directory::commands::create_directory_entry,
        directory::commands::update_directory_entry,
        directory::commands::mark_directory_entry_checked,
        directory::commands::delete_directory_entry,
        directory::commands::add_directory_category,
        directory::commands::rename_directory_category,
        directory::commands::remove_directory_category,
        directory::commands::preview_directory_csv,
        directory::commands::import_directory_csv,
        directory::commands::save_directory_csv,
        directory::commands::import_directory_oruk,
        directory::commands::save_directory_oruk,
        backups::commands::list_backups,
        backups::commands::backup_to_file,
        backups::commands::take_backup_now,
        backups::commands::check_backup_file,
        backups::commands::check_listed_backup,
        backups::commands::restore_backup_file,
        backups::commands::restore_listed_backup,
    ]
}

/// Opens the window on the data in `paths`.
pub fn run_gui(paths: DataPaths) {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let handle = app.handle().clone();
            let notify = move |topics: &[Topic]| {
                // A failed emit only means no window is listening yet; the data is saved.
                let _ = handle.emit("changed", ChangedEvent { topics: topics.to_vec() });
            };
            let state = AppState::open(paths, Box::new(notify));
            let handle = app.handle().clone();
            state.on_progress(std::sync::Arc::new(move |task: &'static str, percent: u32| {
                let _ = handle.emit("progress", progress::ProgressEvent { task: task.into(), percent });
            }));
            app.manage(state);
            Ok(())
        })
        .invoke_handler(invoke_handler())
        .build(tauri::generate_context!());
    let result = result.map(|app| {
        app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // Documents opened or printed this session may show someone's details.
                app.state::<AppState>().paths().clear_exports();
            }
        })
    });
    if let Err(error) = result {
        eprintln!("PPG Desk could not start its window: {error}");
        std::process::exit(1);
    }
}
