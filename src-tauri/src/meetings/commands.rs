//! Tauri commands for meetings: thin adapters over `meetings` and `meetings::agenda`.

use tauri::State;

use super::agenda::{self, AgendaItemInput, MeetingDetail};
use super::{Meeting, MeetingInput, MeetingStatus};
use crate::error::{Error, Result};
use crate::state::{AppState, Topic};

#[tauri::command]
pub fn list_meetings(state: State<'_, AppState>) -> Result<Vec<Meeting>> {
    state.read(super::list)
}

#[tauri::command]
pub fn get_meeting(state: State<'_, AppState>, id: i64) -> Result<MeetingDetail> {
    state.read(|conn| agenda::detail(conn, id))
}

#[tauri::command]
pub fn create_meeting(state: State<'_, AppState>, input: MeetingInput) -> Result<Meeting> {
    let meeting = input.checked()?;
    let now = crate::stamp(state.now());
    state.write(&[Topic::Meetings], |tx| super::create(tx, &meeting, &now).and_then(|id| super::get(tx, id)))
}

#[tauri::command]
pub fn schedule_next_meeting(state: State<'_, AppState>, id: i64) -> Result<Meeting> {
    let now = crate::stamp(state.now());
    state.write(&[Topic::Meetings], |tx| {
        let settings = crate::settings::load(tx)?.ok_or_else(|| Error::Refused("Please set up your PPG first.".into()))?;
        let next = super::schedule_next(tx, id, settings.meeting_every, settings.meeting_every_unit, &now)?;
        super::get(tx, next)
    })
}

#[tauri::command]
pub fn set_meeting_status(state: State<'_, AppState>, id: i64, status: MeetingStatus) -> Result<Meeting> {
    let (today, now) = (state.today(), crate::stamp(state.now()));
    state.write(&[Topic::Meetings], |tx| {
        super::set_status(tx, id, status, today, &now)?;
        super::get(tx, id)
    })
}

#[tauri::command]
pub fn save_item_minutes(state: State<'_, AppState>, item_id: i64, text: String) -> Result<()> {
    state.write(&[Topic::Meetings], |tx| agenda::save_minutes(tx, item_id, &text))
}

#[tauri::command]
pub fn add_agenda_item(state: State<'_, AppState>, meeting_id: i64, input: AgendaItemInput) -> Result<MeetingDetail> {
    let item = input.checked()?;
    state.write(&[Topic::Meetings], |tx| {
        agenda::add_item(tx, meeting_id, &item)?;
        agenda::detail(tx, meeting_id)
    })
}

#[tauri::command]
pub fn update_agenda_item(state: State<'_, AppState>, meeting_id: i64, item_id: i64, input: AgendaItemInput) -> Result<MeetingDetail> {
    let item = input.checked()?;
    state.write(&[Topic::Meetings], |tx| {
        agenda::update_item(tx, item_id, &item)?;
        agenda::detail(tx, meeting_id)
    })
}

#[tauri::command]
pub fn move_agenda_item(state: State<'_, AppState>, meeting_id: i64, item_id: i64, by: i32) -> Result<MeetingDetail> {
    state.write(&[Topic::Meetings], |tx| {
        agenda::move_item(tx, item_id, by)?;
        agenda::detail(tx, meeting_id)
    })
}

#[tauri::command]
pub fn remove_agenda_item(state: State<'_, AppState>, meeting_id: i64, item_id: i64) -> Result<MeetingDetail> {
    state.write(&[Topic::Meetings], |tx| {
        agenda::remove_item(tx, item_id)?;
        agenda::detail(tx, meeting_id)
    })
}
