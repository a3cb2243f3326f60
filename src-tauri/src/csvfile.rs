//! What every CSV import and export shares: reading a file as Excel writes it (UTF-8 with or
//! without a byte-order mark, else Windows-1252), the preview table with a guessed column
//! mapping, per-line problems, and writing a file Excel opens with accents intact.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

/// A field a CSV column can be read as: the heading PPG Desk writes first, then the
/// headings it recognises in other people's files.
pub trait Field: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn headings(self) -> &'static [&'static str];

    fn heading(self) -> &'static str {
        self.headings()[0]
    }
}

fn squash(header: &str) -> String {
    header.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What each column probably holds; a field is guessed for one column at most.
pub fn guess_mapping<F: Field>(headers: &[String]) -> Vec<Option<F>> {
    let mut mapping: Vec<Option<F>> = Vec::new();
    for header in headers {
        let squashed = squash(header);
        let guess = F::ALL
            .iter()
            .copied()
            .find(|field| field.headings().iter().any(|h| squash(h) == squashed))
            .filter(|g| !mapping.contains(&Some(*g)));
        mapping.push(guess);
    }
    mapping
}

/// One row that could not be imported, by its line number in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowProblem {
    #[ts(type = "number")]
    pub line: u64,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    /// How many records were added (0 whenever there is any problem).
    #[ts(type = "number")]
    pub imported: usize,
    pub problems: Vec<RowProblem>,
}

impl ImportReport {
    /// Nothing imported, because of these problems.
    pub fn refused(problems: Vec<RowProblem>) -> Self {
        ImportReport { imported: 0, problems }
    }
}

const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a CSV file as text; `what` names what the file should hold ("a list of people").
pub fn read_text(path: &Path, what: &str) -> Result<String> {
    let size = std::fs::metadata(path).map_err(|_| Error::File("That file could not be opened.".into()))?.len();
    if size > MAX_BYTES {
        return Err(Error::File(format!("That file is too large to be {what} (over 10 MB).")));
    }
    let bytes = std::fs::read(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    })
}

pub fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes())
}

pub fn line_of(error: &csv::Error) -> u64 {
    error.position().map(|p| p.line()).unwrap_or(0)
}

/// The headings, the first few rows (to help people check the mapping) and how many rows.
pub struct Table {
    pub headers: Vec<String>,
    pub sample_rows: Vec<Vec<String>>,
    pub row_count: usize,
}

pub fn table(text: &str) -> Result<Table> {
    let mut rdr = reader(text);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|_| Error::File("That file does not look like a CSV file.".into()))?
        .iter()
        .map(str::to_string)
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(Error::File("That file is empty.".into()));
    }
    let mut sample_rows = Vec::new();
    let mut row_count = 0;
    for record in rdr.records() {
        let record = record.map_err(|e| Error::File(format!("The file could not be read as CSV near line {}.", line_of(&e))))?;
        if sample_rows.len() < 5 {
            sample_rows.push(record.iter().map(str::to_string).collect());
        }
        row_count += 1;
    }
    Ok(Table { headers, sample_rows, row_count })
}

/// Reads every non-empty row with `read`; each row is either a record or a problem.
pub fn rows<T>(text: &str, mut read: impl FnMut(&csv::StringRecord) -> std::result::Result<T, String>) -> Vec<std::result::Result<T, RowProblem>> {
    let mut rdr = reader(text);
    let mut rows = Vec::new();
    for record in rdr.records() {
        let row = match record {
            Ok(record) => {
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if record.iter().all(str::is_empty) {
                    continue;
                }
                read(&record).map_err(|message| RowProblem { line, message })
            }
            Err(error) => Err(RowProblem { line: line_of(&error), message: "This line could not be read as CSV.".into() }),
        };
        rows.push(row);
    }
    rows
}

/// Writes a header and records as CSV text.
pub fn to_text(header: &[&str], records: impl IntoIterator<Item = Vec<String>>) -> Result<String> {
    let mut wtr = csv::Writer::from_writer(Vec::new());
    wtr.write_record(header).map_err(|e| Error::File(e.to_string()))?;
    for record in records {
        wtr.write_record(&record).map_err(|e| Error::File(e.to_string()))?;
    }
    let bytes = wtr.into_inner().map_err(|e| Error::File(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::File(e.to_string()))
}

/// Saves CSV text so that Excel opens it with accents intact (UTF-8 with a BOM).
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    crate::files::write_atomically(path, format!("\u{FEFF}{text}").as_bytes())
}

/// A stored date ("2026-11-24") as British spreadsheets write it ("24/11/2026"); "" if none.
pub fn uk_date(iso: Option<&str>) -> String {
    iso.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()
}
