//! Tauri commands for the bulletin: thin adapters over `bulletins::editing` and `sql`. Each
//! returns the issue as the editor shows it (with how many pages it runs to).

use std::path::PathBuf;

use tauri::State;

use super::editing::{self, BulletinDetail};
use super::{sql, ArticleInput, ArticleKind, Bulletin, BulletinInput};
use crate::documents::{self, DocumentKind};
use crate::error::{Error, Result};
use crate::print::Profile;
use crate::state::{AppState, Topic};

const TOPIC: &[Topic] = &[Topic::Bulletins];

#[tauri::command]
pub fn list_bulletins(state: State<'_, AppState>) -> Result<Vec<Bulletin>> {
    state.read(sql::list)
}

#[tauri::command]
pub fn get_bulletin(state: State<'_, AppState>, id: i64) -> Result<BulletinDetail> {
    state.read(|conn| editing::detail(conn, id))
}

#[tauri::command]
pub fn create_bulletin(state: State<'_, AppState>, input: BulletinInput) -> Result<BulletinDetail> {
    let now = crate::stamp(state.now());
    state.write(TOPIC, |tx| {
        let id = editing::create(tx, &input, &now)?;
        editing::detail(tx, id)
    })
}

#[tauri::command]
pub fn copy_last_bulletin(state: State<'_, AppState>) -> Result<BulletinDetail> {
    let (today, now) = (state.today(), crate::stamp(state.now()));
    state.write(TOPIC, |tx| {
        let id = editing::copy_last(tx, today, &now)?;
        editing::detail(tx, id)
    })
}

#[tauri::command]
pub fn update_bulletin(state: State<'_, AppState>, id: i64, input: BulletinInput) -> Result<BulletinDetail> {
    let checked = input.checked()?;
    let now = crate::stamp(state.now());
    state.write(TOPIC, |tx| {
        sql::update(tx, id, &checked, &now)?;
        editing::detail(tx, id)
    })
}

#[tauri::command]
pub fn add_bulletin_article(state: State<'_, AppState>, id: i64, kind: ArticleKind, chosen: Vec<i64>) -> Result<BulletinDetail> {
    let (today, now) = (state.today(), crate::stamp(state.now()));
    state.write(TOPIC, |tx| {
        editing::add(tx, id, kind, &chosen, today, &now)?;
        editing::detail(tx, id)
    })
}

#[tauri::command]
pub fn save_bulletin_article(state: State<'_, AppState>, id: i64, article_id: i64, input: ArticleInput) -> Result<BulletinDetail> {
    let now = crate::stamp(state.now());
    state.write(TOPIC, |tx| {
        editing::save_article(tx, article_id, &input, &now)?;
        editing::detail(tx, id)
    })
}

#[tauri::command]
pub fn set_bulletin_picture(state: State<'_, AppState>, id: i64, article_id: i64, path: PathBuf, alt: String) -> Result<BulletinDetail> {
    let bytes = std::fs::read(&path).map_err(|_| Error::invalid("image", "That picture could not be opened."))?;
    let now = crate::stamp(state.now());
    state.write(TOPIC, |tx| {
        editing::set_picture(tx, article_id, &bytes, &alt, &now)?;
        editing::detail(tx, id)
    })
}

#[tauri::command]
pub fn remove_bulletin_picture(state: State<'_, AppState>, id: i64, article_id: i64) -> Result<BulletinDetail> {
    let now = crate::stamp(state.now());
    state.write(TOPIC, |tx| {
        sql::set_image(tx, article_id, None, "", &now)?;
        editing::detail(tx, id)
    })
}

#[tauri::command]
pub fn delete_bulletin_article(state: State<'_, AppState>, id: i64, article_id: i64) -> Result<BulletinDetail> {
    state.write(TOPIC, |tx| {
        sql::delete_article(tx, article_id)?;
        editing::detail(tx, id)
    })
}

#[tauri::command]
pub fn reorder_bulletin_articles(state: State<'_, AppState>, id: i64, order: Vec<i64>) -> Result<BulletinDetail> {
    state.write(TOPIC, |tx| {
        sql::reorder(tx, id, &order)?;
        editing::detail(tx, id)
    })
}

/// Publishes an issue: prints it in both sizes, keeps those PDFs, and freezes it.
#[tauri::command]
pub fn publish_bulletin(state: State<'_, AppState>, id: i64) -> Result<BulletinDetail> {
    let (today, now) = (state.today(), state.now());
    let kind = DocumentKind::Bulletin { bulletin_id: id };
    let standard = documents::render(&state, &kind, Profile::Standard, now)?;
    let large = documents::render(&state, &kind, Profile::LargePrint, now)?;
    state.write(TOPIC, |tx| {
        editing::publish(tx, id, &standard, &large, today)?;
        editing::detail(tx, id)
    })
}
