//! Which part of the data (a `Topic`) each table belongs to, and the topics a transaction
//! wrote, found from the SQL it ran: the only place that lists tables by topic, so no write
//! has to remember which screens to refresh.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

/// A part of the data that changed; every open view of it reloads. Which tables belong to
/// which topic is said once, in `changes.rs`; a write's topics are found from what it wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Topic {
    Settings,
    People,
    Backups,
    Meetings,
    Actions,
    Contacts,
    Directory,
    Drivers,
    Befriending,
    Bulletins,
    Sharing,
    /// A scheme's anonymous numbers, shared with the whole committee.
    Reports,
    /// What patients told the PPG, its themes, and the improvements answering it.
    Feedback,
    /// The practice's patients by group, and what the PPG did to reach more of them.
    Membership,
    /// Members' own equality answers (special category data): kept on this laptop only.
    Profiles,
    /// The search index: worked out on each laptop from what it holds, so it travels nowhere.
    Search,
}

impl Topic {
    /// Every part of the data: announced after a restore, a recovery or a change of folder,
    /// when anything may have changed.
    pub const ALL: &'static [Topic] = &[
        Topic::Settings,
        Topic::People,
        Topic::Backups,
        Topic::Meetings,
        Topic::Actions,
        Topic::Contacts,
        Topic::Directory,
        Topic::Drivers,
        Topic::Befriending,
        Topic::Bulletins,
        Topic::Sharing,
        Topic::Reports,
        Topic::Feedback,
        Topic::Membership,
        Topic::Profiles,
        Topic::Search,
    ];
}

/// The topic a table's rows belong to; `None` for a table PPG Desk does not know.
pub fn topic_of(table: &str) -> Option<Topic> {
    Some(match table {
        "settings" | "practices" => Topic::Settings,
        "people" | "person_roles" | "mailing_lists" | "mailing_list_people" | "officer_posts" | "officer_terms" => {
            Topic::People
        }
        "meetings" | "agenda_items" | "agenda_template" | "attendance" | "decisions" | "minute_amendments"
        | "meeting_guests" | "minutes_approvals" => Topic::Meetings,
        "actions" | "action_owners" | "action_updates" => Topic::Actions,
        "contacts" | "contact_interactions" => Topic::Contacts,
        "directory_categories" | "directory_entries" | "directory_entry_categories" => Topic::Directory,
        "drivers"
        | "driver_absences"
        | "driver_availability"
        | "driver_checks"
        | "driver_other_miles"
        | "passengers"
        | "trips"
        | "destinations" => Topic::Drivers,
        "befrienders"
        | "befriending_history"
        | "concerns"
        | "match_logs"
        | "matches"
        | "outcome_scores"
        | "referrals"
        | "referral_contacts" => Topic::Befriending,
        "email_log" | "annual_reports" | "agm_nominations" | "terms_of_reference" => Topic::Meetings,
        "email_templates" => Topic::Settings,
        "bulletins" | "bulletin_articles" | "bulletin_prints" | "bulletin_publications" => Topic::Bulletins,
        "sharing" | "sharing_outbox" | "sharing_received" | "sharing_clashes" | "sharing_deleted"
        | "sharing_old_keys" | "sharing_removed" | "sharing_aliases" => Topic::Sharing,
        "scheme_numbers" => Topic::Reports,
        "feedback"
        | "feedback_themes"
        | "feedback_item_themes"
        | "action_feedback"
        | "fft_months"
        | "surveys"
        | "survey_questions"
        | "survey_responses"
        | "survey_answers" => Topic::Feedback,
        "practice_profile" | "recruitment" => Topic::Membership,
        "member_profiles" => Topic::Profiles,
        "search"
        | "search_docs"
        | "search_data"
        | "search_idx"
        | "search_config"
        | "search_titles"
        | "search_titles_data"
        | "search_titles_idx"
        | "search_titles_config"
        | "search_pending"
        | "search_old"
        | "search_new"
        | "search_vocab" => Topic::Search,
        _ => return None,
    })
}

/// The topics written so far in one transaction.
#[derive(Clone, Default)]
pub struct Written(Arc<Mutex<BTreeSet<Topic>>>);

impl Written {
    /// Starts noting every table the statements prepared on `conn` insert into, update or
    /// delete from, including what their triggers do, until `stop`. SQLite asks the
    /// authorizer about each table a statement writes while it prepares the statement, for
    /// every kind of table (the update hook misses WITHOUT ROWID tables), so nothing is
    /// missed; a statement that matches no row is counted too, which costs only a reload.
    pub fn start(conn: &mut Connection) -> rusqlite::Result<Written> {
        let written = Written::default();
        let noted = written.clone();
        conn.authorizer(Some(move |context: AuthContext<'_>| {
            let table = match context.action {
                AuthAction::Insert { table_name }
                | AuthAction::Delete { table_name }
                | AuthAction::Update { table_name, .. } => Some(table_name),
                _ => None,
            };
            if let Some(table) = table.filter(|t| !t.starts_with("sqlite_")) {
                noted.note(table);
            }
            Authorization::Allow
        }))?;
        Ok(written)
    }

    /// Stops noting writes on `conn`.
    pub fn stop(conn: &mut Connection) {
        // Removing a callback cannot fail in SQLite; if it ever did, the next start replaces it.
        let _ = conn.authorizer(None::<fn(AuthContext<'_>) -> Authorization>);
    }

    fn note(&self, table: &str) {
        let mut topics = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match topic_of(table) {
            Some(topic) => {
                topics.insert(topic);
            }
            // A table no topic knows (a future migration's): everything may have changed.
            None => topics.extend(Topic::ALL.iter().copied()),
        }
    }

    /// The topics written, in a steady order.
    pub fn topics(&self) -> Vec<Topic> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).iter().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_table_announces_everything() {
        let written = Written::default();
        written.note("something_new");
        assert_eq!(written.topics().len(), Topic::ALL.len());
    }
}
