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
    let bytes = crate::files::read_capped(path, what, MAX_BYTES)?;
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
    if let Some(line) = unclosed_quote(text) {
        return Err(Error::File(unclosed_message(line)));
    }
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
        let record =
            record.map_err(|e| Error::File(format!("The file could not be read as CSV near line {}.", line_of(&e))))?;
        if sample_rows.len() < 5 {
            sample_rows.push(record.iter().map(|v| restore_value(v).to_string()).collect());
        }
        row_count += 1;
    }
    Ok(Table { headers, sample_rows, row_count })
}

/// Reads every non-empty row with `read`; each row is either a record or a problem.
/// A file with a quote that is never closed is refused whole: the csv reader would otherwise
/// run every line after it into one value and lose rows without a word.
pub fn rows<T>(
    text: &str,
    mut read: impl FnMut(&csv::StringRecord) -> std::result::Result<T, String>,
) -> Vec<std::result::Result<T, RowProblem>> {
    if let Some(line) = unclosed_quote(text) {
        return vec![Err(RowProblem { line, message: unclosed_message(line) })];
    }
    let mut rdr = reader(text);
    let mut rows = Vec::new();
    for record in rdr.records() {
        let row = match record {
            Ok(record) => {
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if record.iter().all(str::is_empty) {
                    continue;
                }
                let record: csv::StringRecord = record.iter().map(restore_value).collect();
                read(&record).map_err(|message| RowProblem { line, message })
            }
            Err(error) => {
                Err(RowProblem { line: line_of(&error), message: "This line could not be read as CSV.".into() })
            }
        };
        rows.push(row);
    }
    rows
}

fn unclosed_message(line: u64) -> String {
    format!("Line {line}: a value starts with a quote mark (\") that is never closed, so the lines after it cannot be told apart. Nothing was imported: close the quote in the file and try again.")
}

/// The line on which a quoted value opens and never closes, read as the csv crate reads:
/// a quote only opens a value at its very start, and `""` inside a quoted value is a quote.
pub fn unclosed_quote(text: &str) -> Option<u64> {
    let (mut line, mut opened_on) = (1u64, None);
    let mut at_value_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (opened_on, c) {
            (Some(_), '"') if chars.peek() == Some(&'"') => {
                chars.next();
            }
            (Some(_), '"') => opened_on = None,
            (None, '"') if at_value_start => opened_on = Some(line),
            _ => {}
        }
        if c == '\n' {
            line += 1;
        }
        at_value_start = opened_on.is_none() && (c == ',' || c == '\n' || c == '\r');
    }
    opened_on
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A value as written to a CSV file: one that a spreadsheet would run as a formula gets a
/// leading `'`, so Excel and LibreOffice show it as text instead of running it.
pub fn neutralise(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// The reverse of `neutralise`, for our own files read back in: `'=SUM(A1)` is `=SUM(A1)`.
pub fn restore_value(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => value,
    }
}

/// Writes a header and records as CSV text, every value neutralised for spreadsheets. Lines
/// end in CRLF, as RFC 4180 and Excel on Windows expect.
pub fn to_text(header: &[&str], records: impl IntoIterator<Item = Vec<String>>) -> Result<String> {
    let failed = |_| Error::File("The spreadsheet file could not be written.".into());
    let mut wtr = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    wtr.write_record(header).map_err(failed)?;
    for record in records {
        wtr.write_record(record.iter().map(|v| neutralise(v).into_owned())).map_err(failed)?;
    }
    let bytes = wtr.into_inner().map_err(|_| Error::File("The spreadsheet file could not be written.".into()))?;
    String::from_utf8(bytes).map_err(|_| Error::File("The spreadsheet file could not be written.".into()))
}

/// Saves CSV text so that Excel opens it with accents intact (UTF-8 with a BOM).
pub fn write_file(path: &Path, text: &str) -> Result<()> {
    crate::files::write_atomically(path, format!("\u{FEFF}{text}").as_bytes())
}

/// A stored date ("2026-11-24") as British spreadsheets write it ("24/11/2026"); "" if none.
pub fn uk_date(iso: Option<&str>) -> String {
    iso.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_end_every_line_with_crlf_for_excel_on_windows() {
        let text = to_text(&["Name", "Notes"], [vec!["Zoë".into(), "two\nlines".into()]]).unwrap();
        assert_eq!(text, "Name,Notes\r\nZoë,\"two\nlines\"\r\n");
    }

    #[test]
    fn formulas_are_neutralised_and_read_back_intact() {
        for value in
            ["=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0", "+44 1642 000000", "-5", "@SUM(A1)", "\tx", "\rx"]
        {
            let written = neutralise(value);
            assert!(written.starts_with('\''), "{value:?} must not reach a spreadsheet as a formula");
            assert_eq!(restore_value(&written), value, "our own import gets the value back");
        }
        assert_eq!(neutralise("Walking group"), "Walking group");
        assert_eq!(restore_value("'tis the season"), "'tis the season", "an ordinary apostrophe stays");
    }

    #[test]
    fn an_unclosed_quote_is_found_on_its_line() {
        assert_eq!(unclosed_quote("Name,Phone\n\"Ann,1\nBob,2\n"), Some(2));
        assert_eq!(unclosed_quote("Name,Notes\n\"Ann\",\"said \"\"hi\"\"\nthen left\"\nBob,2\n"), None);
        assert_eq!(unclosed_quote("Name\nO\"Brien\n"), None, "a quote inside a value is only a character");
        let rows = rows("Name\nAnn\n\"Bob\nCy\n", |r| Ok::<_, String>(r.get(0).unwrap_or("").to_string()));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].as_ref().unwrap_err().line, 3);
    }
}
