//! Tauri commands for meetings: thin adapters over `meetings`, `meetings::agenda` and
//! `meetings::record`.

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::actions::views::ReviewLine;
use ppg_desk_core::actions::{ActionInput, ActionStatus};
use ppg_desk_core::error::{Error, Result};
use ppg_desk_core::meetings::agenda::{self, AgendaItemInput, MeetingDetail};
use ppg_desk_core::meetings::record::{self, AttendanceStatus, DecisionInput};
use ppg_desk_core::meetings::{Meeting, MeetingInput, MeetingStatus, TemplateItem};
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn list_meetings(state: State<'_, AppState>) -> Result<Vec<Meeting>> {
    ppg_desk_core::state::guard(move || state.read(ppg_desk_core::meetings::list))
}

#[tauri::command(async)]
pub fn get_meeting(state: State<'_, AppState>, id: i64) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || state.read(|conn| agenda::detail(conn, id)))
}

#[tauri::command(async)]
pub fn create_meeting(state: State<'_, AppState>, input: MeetingInput) -> Result<Meeting> {
    ppg_desk_core::state::guard(move || {
        let meeting = input.checked()?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::meetings::create(tx, &meeting, &now).and_then(|id| ppg_desk_core::meetings::get(tx, id))
        })
    })
}

#[tauri::command(async)]
pub fn update_meeting(state: State<'_, AppState>, id: i64, input: MeetingInput) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        let meeting = input.checked()?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::meetings::update(tx, id, &meeting, &now)?;
            agenda::detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn schedule_next_meeting(state: State<'_, AppState>, id: i64) -> Result<Meeting> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            let settings = ppg_desk_core::settings::load(tx)?
                .ok_or_else(|| Error::Refused("Please set up your PPG first.".into()))?;
            let next = ppg_desk_core::meetings::schedule_next(
                tx,
                id,
                settings.meeting_every,
                settings.meeting_every_unit,
                &now,
            )?;
            ppg_desk_core::meetings::get(tx, next)
        })
    })
}

#[tauri::command(async)]
pub fn set_meeting_status(state: State<'_, AppState>, id: i64, status: MeetingStatus) -> Result<Meeting> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            ppg_desk_core::meetings::set_status(tx, id, status, today, &now)?;
            ppg_desk_core::meetings::get(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn save_item_minutes(state: State<'_, AppState>, item_id: i64, text: String) -> Result<()> {
    ppg_desk_core::state::guard(move || state.write(|tx| agenda::save_minutes(tx, item_id, &text)))
}

#[tauri::command(async)]
pub fn add_agenda_item(state: State<'_, AppState>, meeting_id: i64, input: AgendaItemInput) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        let item = input.checked()?;
        let today = state.today();
        state.write(|tx| {
            let days = ppg_desk_core::settings::load(tx)?.unwrap_or_default().member_items_deadline_days;
            agenda::add_item(tx, meeting_id, &item, today, days)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn update_agenda_item(
    state: State<'_, AppState>,
    meeting_id: i64,
    item_id: i64,
    input: AgendaItemInput,
) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        let item = input.checked()?;
        state.write(|tx| {
            agenda::update_item(tx, item_id, &item)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn move_agenda_item(state: State<'_, AppState>, meeting_id: i64, item_id: i64, by: i32) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            agenda::move_item(tx, item_id, by)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn remove_agenda_item(state: State<'_, AppState>, meeting_id: i64, item_id: i64) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            agenda::remove_item(tx, item_id)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn set_attendance(
    state: State<'_, AppState>,
    meeting_id: i64,
    person_id: i64,
    status: Option<AttendanceStatus>,
) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            record::set_attendance(tx, meeting_id, person_id, status)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn add_decision(
    state: State<'_, AppState>,
    meeting_id: i64,
    item_id: i64,
    input: DecisionInput,
) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        let decision = input.checked()?;
        state.write(|tx| {
            record::add_decision(tx, item_id, &decision)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn remove_decision(state: State<'_, AppState>, meeting_id: i64, decision_id: i64) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            record::remove_decision(tx, decision_id)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn add_minutes_action(
    state: State<'_, AppState>,
    meeting_id: i64,
    item_id: i64,
    input: ActionInput,
) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            record::add_action(tx, item_id, &input, &now)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn remove_minutes_action(state: State<'_, AppState>, meeting_id: i64, action_id: i64) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            record::remove_action(tx, action_id)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn approve_previous_minutes(
    state: State<'_, AppState>,
    meeting_id: i64,
    corrections: String,
) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            record::approve_previous(tx, meeting_id, &corrections, today, &now)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn add_minutes_amendment(state: State<'_, AppState>, meeting_id: i64, text: String) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            record::add_amendment(tx, meeting_id, &text, today, &now)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn get_agenda_template(state: State<'_, AppState>) -> Result<Vec<TemplateItem>> {
    ppg_desk_core::state::guard(move || state.read(ppg_desk_core::meetings::template))
}

#[tauri::command(async)]
pub fn save_agenda_template(state: State<'_, AppState>, items: Vec<TemplateItem>) -> Result<Vec<TemplateItem>> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            ppg_desk_core::meetings::save_template(tx, &items)?;
            ppg_desk_core::meetings::template(tx)
        })
    })
}

/// Writes the meeting's calendar invite (.ics) where the person chose.
#[tauri::command(async)]
pub fn save_meeting_invite(state: State<'_, AppState>, id: i64, path: ChosenFile) -> Result<()> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let now = state.now();
        let text = state.read(|conn| ppg_desk_core::meetings::ics::for_meeting(conn, id, now))?;
        ppg_desk_core::files::write_atomically(&path, text.as_bytes())
    })
}

#[tauri::command(async)]
pub fn add_meeting_guest(state: State<'_, AppState>, meeting_id: i64, contact_id: i64) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            record::add_guest(tx, meeting_id, contact_id)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn remove_meeting_guest(state: State<'_, AppState>, meeting_id: i64, contact_id: i64) -> Result<MeetingDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            record::remove_guest(tx, meeting_id, contact_id)?;
            agenda::detail(tx, meeting_id)
        })
    })
}

#[tauri::command(async)]
pub fn get_meeting_review(state: State<'_, AppState>, meeting_id: i64) -> Result<Vec<ReviewLine>> {
    ppg_desk_core::state::guard(move || {
        let today = state.today();
        state.read(|conn| record::review(conn, meeting_id, today))
    })
}

/// At a meeting's review: records what was said (if anything) and, if asked, closes the action.
#[tauri::command(async)]
pub fn review_action(
    state: State<'_, AppState>,
    meeting_id: i64,
    id: i64,
    update: String,
    status: Option<ActionStatus>,
    reason: String,
) -> Result<Vec<ReviewLine>> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| record::review_action(tx, meeting_id, id, &update, status, &reason, today, &now))
    })
}
