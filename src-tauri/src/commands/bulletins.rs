//! Tauri commands for the bulletin: thin adapters over `bulletins::editing` and `sql`. Each
//! returns the issue as the editor shows it (with how many pages it runs to).

use tauri::State;

use crate::commands::dialogs::ChosenFile;
use ppg_desk_core::bulletins::editing;
use ppg_desk_core::bulletins::{ArticleInput, ArticleKind, Bulletin, BulletinInput};
use ppg_desk_core::documents::bulletin::{detail, BulletinDetail};
use ppg_desk_core::documents::{self, DocumentKind};
use ppg_desk_core::error::{Error, Result};
use ppg_desk_core::print::Profile;
use ppg_desk_core::state::AppState;

#[tauri::command(async)]
pub fn list_bulletins(state: State<'_, AppState>) -> Result<Vec<Bulletin>> {
    ppg_desk_core::state::guard(move || state.read(ppg_desk_core::bulletins::list))
}

#[tauri::command(async)]
pub fn get_bulletin(state: State<'_, AppState>, id: i64) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || state.read(|conn| detail(conn, id)))
}

#[tauri::command(async)]
pub fn create_bulletin(state: State<'_, AppState>, input: BulletinInput) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            let id = editing::create(tx, &input, &now)?;
            detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn copy_last_bulletin(state: State<'_, AppState>) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            let id = editing::copy_last(tx, today, &now)?;
            detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn update_bulletin(state: State<'_, AppState>, id: i64, input: BulletinInput) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let checked = input.checked()?;
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::bulletins::update(tx, id, &checked, &now)?;
            detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn add_bulletin_article(
    state: State<'_, AppState>,
    id: i64,
    kind: ArticleKind,
    chosen: Vec<i64>,
) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.stamp());
        state.write(|tx| {
            editing::add(tx, id, kind, &chosen, today, &now)?;
            detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn save_bulletin_article(
    state: State<'_, AppState>,
    id: i64,
    article_id: i64,
    input: ArticleInput,
) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            editing::save_article(tx, article_id, &input, &now)?;
            detail(tx, id)
        })
    })
}

/// Starts a translation of an article into `language`, placed just after it.
#[tauri::command(async)]
pub fn translate_bulletin_article(
    state: State<'_, AppState>,
    id: i64,
    article_id: i64,
    language: String,
) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            editing::translate(tx, id, article_id, &language, &now)?;
            detail(tx, id)
        })
    })
}

/// The languages a bulletin article, a survey or a directory entry can be in.
#[tauri::command(async)]
pub fn list_languages() -> Result<Vec<ppg_desk_core::languages::Language>> {
    ppg_desk_core::state::guard(|| Ok(ppg_desk_core::languages::LANGUAGES.to_vec()))
}

#[tauri::command(async)]
pub fn set_bulletin_picture(
    state: State<'_, AppState>,
    id: i64,
    article_id: i64,
    path: ChosenFile,
    alt: String,
) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let path = path.0;
        let bytes = ppg_desk_core::files::read_capped(&path, "a picture", ppg_desk_core::picture::MAX_FILE_BYTES)
            .map_err(|e| Error::invalid("image", e.to_string()))?;
        let now = state.stamp();
        state.write(|tx| {
            editing::set_picture(tx, article_id, &bytes, &alt, &now)?;
            detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn remove_bulletin_picture(state: State<'_, AppState>, id: i64, article_id: i64) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let now = state.stamp();
        state.write(|tx| {
            ppg_desk_core::bulletins::set_image(tx, article_id, None, "", &now)?;
            detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn delete_bulletin_article(state: State<'_, AppState>, id: i64, article_id: i64) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            ppg_desk_core::bulletins::delete_article(tx, article_id)?;
            detail(tx, id)
        })
    })
}

#[tauri::command(async)]
pub fn reorder_bulletin_articles(state: State<'_, AppState>, id: i64, order: Vec<i64>) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        state.write(|tx| {
            ppg_desk_core::bulletins::reorder(tx, id, &order)?;
            detail(tx, id)
        })
    })
}

/// Publishes an issue: prints it in both sizes, keeps those PDFs, and freezes it.
#[tauri::command(async)]
pub fn publish_bulletin(state: State<'_, AppState>, id: i64) -> Result<BulletinDetail> {
    ppg_desk_core::state::guard(move || {
        let (today, now) = (state.today(), state.now());
        let kind = DocumentKind::Bulletin { bulletin_id: id, edition: None };
        let standard = documents::render(&state, &kind, Profile::Standard, now)?;
        let large = documents::render(&state, &kind, Profile::LargePrint, now)?;
        state.write(|tx| {
            editing::publish(tx, id, &standard, &large, today)?;
            detail(tx, id)
        })
    })
}
