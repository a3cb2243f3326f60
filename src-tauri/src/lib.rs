//! PPG Desk's window: `run_gui` builds the Tauri app over the core's `AppState`, with the
//! index of every command the window may call (the adapters in `commands/`).

pub mod commands;

use ppg_desk_core::db::DataPaths;
use ppg_desk_core::state::{AppState, Topic};
use ppg_desk_core::{progress, ChangedEvent};
use tauri::{Emitter, Manager};

/// The index of every command the window may call (also driven by the hostile-input test
/// through Tauri's own argument parsing).
pub fn invoke_handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        commands::progress::cancel_work,
        commands::dialogs::choose_open_path,
        commands::dialogs::choose_save_path,
        commands::startup::get_first_screen,
        commands::startup::show_window,
        commands::startup::first_screen_painted,
        commands::startup::load_sample_data,
        commands::startup::leave_sample,
        commands::startup::recover_from_latest_backup,
        commands::settings::get_settings,
        commands::settings::save_settings,
        commands::settings::get_logo,
        commands::settings::set_logo,
        commands::settings::clear_logo,
        commands::documents::render_document,
        commands::documents::suggest_document_file_name,
        commands::documents::save_document,
        commands::documents::open_document,
        commands::documents::list_printers,
        commands::email::prepare_email,
        commands::email::hand_over_email,
        commands::email::show_email_pdf,
        commands::email::email_sent,
        commands::email::list_email_wordings,
        commands::email::save_email_wording,
        commands::email::reset_email_wording,
        commands::email::list_mailing_lists,
        commands::email::save_mailing_list,
        commands::email::delete_mailing_list,
        commands::feedback::feedback_page,
        commands::feedback::save_feedback,
        commands::feedback::delete_feedback,
        commands::feedback::save_feedback_theme,
        commands::feedback::delete_feedback_theme,
        commands::feedback::agree_improvement,
        commands::feedback::finish_improvement,
        commands::feedback::annual_report_years,
        commands::feedback::annual_report_choices,
        commands::feedback::save_annual_report_choices,
        commands::feedback::fft_months,
        commands::feedback::import_fft,
        commands::search::search_everything,
        commands::surveys::list_surveys,
        commands::surveys::save_survey,
        commands::surveys::delete_survey,
        commands::surveys::add_survey_form,
        commands::surveys::survey_forms,
        commands::surveys::delete_survey_form,
        commands::surveys::survey_results,
        commands::surveys::save_survey_csv,
        commands::surveys::survey_answer_to_feedback,
        commands::membership::membership_page,
        commands::membership::member_profile,
        commands::membership::save_member_profile,
        commands::membership::remove_member_profile,
        commands::membership::save_practice_groups,
        commands::membership::import_practice_csv,
        commands::membership::save_recruitment,
        commands::membership::delete_recruitment,
        commands::officers::list_officer_posts,
        commands::officers::appoint_officer,
        commands::officers::stand_down_officer,
        commands::officers::save_officer_post,
        commands::officers::agm_nominations,
        commands::officers::nominate_officer,
        commands::officers::elect_officer,
        commands::officers::withdraw_nomination,
        commands::officers::terms_versions,
        commands::officers::save_terms_version,
        commands::documents::print_document,
        commands::people::list_people,
        commands::people::get_person,
        commands::people::create_person,
        commands::people::update_person,
        commands::people::mark_person_left,
        commands::people::preview_erase_person,
        commands::people::erase_person,
        commands::people::save_person_record_json,
        commands::people::preview_people_csv,
        commands::people::import_people_csv,
        commands::people::export_people_csv,
        commands::meetings::list_meetings,
        commands::meetings::get_meeting,
        commands::meetings::create_meeting,
        commands::meetings::schedule_next_meeting,
        commands::meetings::set_meeting_status,
        commands::meetings::save_item_minutes,
        commands::meetings::add_agenda_item,
        commands::meetings::update_agenda_item,
        commands::meetings::move_agenda_item,
        commands::meetings::remove_agenda_item,
        commands::meetings::update_meeting,
        commands::meetings::set_attendance,
        commands::meetings::add_decision,
        commands::meetings::remove_decision,
        commands::meetings::add_minutes_action,
        commands::meetings::remove_minutes_action,
        commands::meetings::approve_previous_minutes,
        commands::meetings::add_minutes_amendment,
        commands::meetings::get_agenda_template,
        commands::meetings::save_agenda_template,
        commands::meetings::save_meeting_invite,
        commands::actions::list_actions,
        commands::actions::get_action,
        commands::actions::create_action,
        commands::actions::update_action,
        commands::actions::set_action_status,
        commands::actions::add_action_update,
        commands::meetings::get_meeting_review,
        commands::meetings::review_action,
        commands::actions::save_actions_csv,
        commands::dashboard::get_dashboard,
        commands::meetings::add_meeting_guest,
        commands::meetings::remove_meeting_guest,
        commands::contacts::list_contacts,
        commands::contacts::get_contact,
        commands::contacts::create_contact,
        commands::contacts::update_contact,
        commands::contacts::delete_contact,
        commands::contacts::add_contact_interaction,
        commands::contacts::save_contacts_vcard,
        commands::contacts::import_contacts_vcard,
        commands::drivers::list_drivers,
        commands::drivers::get_driver,
        commands::drivers::create_driver,
        commands::drivers::update_driver,
        commands::drivers::save_driver_check,
        commands::drivers::add_driver_absence,
        commands::drivers::remove_driver_absence,
        commands::drivers::list_passengers,
        commands::drivers::create_passenger,
        commands::drivers::update_passenger,
        commands::drivers::delete_passenger,
        commands::drivers::save_passenger_record_json,
        commands::drivers::list_destinations,
        commands::drivers::create_destination,
        commands::drivers::update_destination,
        commands::drivers::delete_destination,
        commands::drivers::list_trips,
        commands::drivers::get_trip,
        commands::drivers::create_trip,
        commands::drivers::update_trip,
        commands::drivers::suggest_drivers,
        commands::drivers::assign_driver,
        commands::drivers::set_trip_status,
        commands::drivers::mark_trip_done,
        commands::drivers::get_mileage_claim,
        commands::drivers::save_other_miles,
        commands::drivers::list_former_drivers_due,
        commands::drivers::remove_driver_record,
        commands::drivers::save_driver_calendar,
        commands::drivers::get_scheme_summary,
        commands::befriending::list_referrals,
        commands::befriending::get_referral,
        commands::befriending::create_referral,
        commands::befriending::update_referral,
        commands::befriending::record_referral_consent,
        commands::befriending::move_referral,
        commands::befriending::log_referral_contact,
        commands::befriending::suggest_befrienders,
        commands::befriending::match_befriender,
        commands::befriending::record_first_meeting,
        commands::befriending::log_befriending_contact,
        commands::befriending::raise_concern,
        commands::befriending::pass_on_concern,
        commands::befriending::record_scores,
        commands::befriending::list_befrienders,
        commands::befriending::create_befriender,
        commands::befriending::update_befriender,
        commands::befriending::get_befriending_report,
        commands::befriending::list_referrals_due_for_erasure,
        commands::befriending::erase_referral,
        commands::befriending::save_subject_access_json,
        commands::bulletins::list_bulletins,
        commands::bulletins::get_bulletin,
        commands::bulletins::create_bulletin,
        commands::bulletins::copy_last_bulletin,
        commands::bulletins::update_bulletin,
        commands::bulletins::add_bulletin_article,
        commands::bulletins::save_bulletin_article,
        commands::bulletins::translate_bulletin_article,
        commands::bulletins::list_languages,
        commands::bulletins::set_bulletin_picture,
        commands::bulletins::remove_bulletin_picture,
        commands::bulletins::delete_bulletin_article,
        commands::bulletins::reorder_bulletin_articles,
        commands::bulletins::publish_bulletin,
        commands::directory::list_directory,
        commands::directory::get_directory_entry,
        commands::directory::create_directory_entry,
        commands::directory::update_directory_entry,
        commands::directory::mark_directory_entry_checked,
        commands::directory::delete_directory_entry,
        commands::directory::add_directory_category,
        commands::directory::rename_directory_category,
        commands::directory::remove_directory_category,
        commands::directory::preview_directory_csv,
        commands::directory::import_directory_csv,
        commands::directory::save_directory_csv,
        commands::directory::import_directory_oruk,
        commands::directory::save_directory_oruk,
        commands::backups::list_backups,
        commands::backups::backup_to_file,
        commands::backups::take_backup_now,
        commands::backups::check_backup_file,
        commands::backups::check_listed_backup,
        commands::backups::restore_backup_file,
        commands::backups::restore_listed_backup,
        commands::security::get_security_status,
        commands::security::passphrase_strength,
        commands::security::protect_data,
        commands::security::unlock_data,
        commands::security::lock_now,
        commands::security::change_passphrase,
        commands::security::reset_passphrase,
        commands::security::make_new_recovery_key,
        commands::security::set_remembered,
        commands::security::rekey_data,
        commands::sharing::get_sharing_status,
        commands::dialogs::choose_shared_folder,
        commands::sharing::start_sharing,
        commands::sharing::join_shared_ppg,
        commands::sharing::send_and_receive_now,
        commands::sharing::settle_clash,
        commands::sharing::use_other_value,
        commands::sharing::remove_shared_laptop,
    ]
}

/// Shows the window and gives it the keyboard (it starts hidden, see `tauri.conf.json`).
pub fn show<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    if !window.is_visible().unwrap_or(true) {
        // A window that cannot be shown leaves nothing to do: the app carries on.
        let _ = window.show();
        let _ = window.set_focus();
    }
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
            // The window starts hidden and the page shows it once its first screen is drawn
            // (no white flash); should the page never say so, it is shown anyway.
            if let Some(window) = app.get_webview_window("main") {
                std::thread::spawn(move || {
                    std::thread::sleep(std::time::Duration::from_secs(4));
                    show(&window);
                });
            }
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
