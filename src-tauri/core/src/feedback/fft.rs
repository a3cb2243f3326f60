//! The Friends and Family Test: NHS England's monthly results for GP practices (XLSX or CSV),
//! read for one practice by its code; each month kept with how many patients answered each
//! way, and the share who said "good" or "very good" shown over time. A file whose line for
//! the practice cannot be read is reported by line, and nothing is kept.

use std::io::Cursor;

use calamine::{Data, Reader};
use serde::Serialize;
use ts_rs::TS;

use crate::csvfile::RowProblem;
use crate::error::{Error, Result};

/// How many patients answered each way in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Answers {
    pub very_good: u32,
    pub good: u32,
    pub neither: u32,
    pub poor: u32,
    pub very_poor: u32,
    pub dont_know: u32,
}

impl Answers {
    pub fn total(&self) -> u32 {
        [self.very_good, self.good, self.neither, self.poor, self.very_poor, self.dont_know]
            .iter()
            .fold(0u32, |a, b| a.saturating_add(*b))
    }

    /// Two months' answers added together.
    pub fn plus(&self, o: &Answers) -> Answers {
        Answers {
            very_good: self.very_good.saturating_add(o.very_good),
            good: self.good.saturating_add(o.good),
            neither: self.neither.saturating_add(o.neither),
            poor: self.poor.saturating_add(o.poor),
            very_poor: self.very_poor.saturating_add(o.very_poor),
            dont_know: self.dont_know.saturating_add(o.dont_know),
        }
    }

    /// The share who said good or very good, of everyone who answered, in whole percent (as
    /// NHS England counts it); `None` for a month with no answers.
    pub fn positive_percent(&self) -> Option<u32> {
        crate::words::percent(self.very_good.saturating_add(self.good), self.total())
    }
}

/// One month as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FftMonth {
    /// "2026-11"
    pub month: String,
    pub answers: Answers,
    pub positive_percent: Option<u32>,
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// The cells of a spreadsheet as text, row by row: an XLSX's first sheet, or a CSV.
pub fn table(bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    if bytes.starts_with(b"PK") {
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|_| {
            Error::File("That spreadsheet could not be opened. Please save it again as .xlsx or .csv.".into())
        })?;
        let range = book
            .worksheet_range_at(0)
            .ok_or_else(|| Error::File("That spreadsheet has no sheets.".into()))?
            .map_err(|_| Error::File("The spreadsheet's first sheet could not be read.".into()))?;
        return Ok(range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Data::Empty => String::new(),
                        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect());
    }
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    if let Some(line) = crate::csvfile::unclosed_quote(&text) {
        return Err(Error::File(format!(
            "Line {line}: a value starts with a quote mark that is never closed. Nothing was imported."
        )));
    }
    let mut rdr =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| {
            Error::File(format!("The file could not be read as CSV near line {}.", crate::csvfile::line_of(&e)))
        })?;
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(rows)
}

/// The answers of practice `code` in `rows` (a heading row naming the practice code and the
/// six answers, somewhere above the practice's line). Line numbers count from 1.
pub fn read(rows: &[Vec<String>], code: &str) -> Result<(Answers, Vec<RowProblem>)> {
    let code = squash(code);
    if code.is_empty() {
        return Err(Error::invalid("fftCode", "Please give the practice's code, for example C84001."));
    }
    let heading = rows.iter().position(|r| {
        r.iter().any(|c| matches!(squash(c).as_str(), "PRACTICECODE" | "ODSCODE" | "GPCODE" | "ORGCODE"))
    });
    let Some(heading) = heading else {
        return Err(Error::File("This is not NHS England's Friends and Family Test file for GP practices: no column is headed \"Practice code\".".into()));
    };
    let heads: Vec<String> = rows[heading].iter().map(|h| squash(h)).collect();
    let find = |want: &dyn Fn(&str) -> bool| heads.iter().position(|h| want(h));
    let columns = [
        find(&|h| h.contains("VERYGOOD")),
        find(&|h| h.contains("GOOD") && !h.contains("VERYGOOD") && !h.contains("NEITHER")),
        find(&|h| h.contains("NEITHER")),
        find(&|h| h.contains("POOR") && !h.contains("VERYPOOR") && !h.contains("NEITHER")),
        find(&|h| h.contains("VERYPOOR")),
        find(&|h| h.contains("DONTKNOW") || h.contains("DONOTKNOW")),
    ];
    let code_column =
        heads.iter().position(|h| matches!(h.as_str(), "PRACTICECODE" | "ODSCODE" | "GPCODE" | "ORGCODE")).unwrap_or(0);
    let Some(columns) = columns.iter().copied().collect::<Option<Vec<usize>>>() else {
        return Err(Error::File("The file lacks one of the answers' columns (very good, good, neither good nor poor, poor, very poor, don't know).".into()));
    };
    let mut problems = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(heading + 1) {
        if row.get(code_column).map(|c| squash(c)) != Some(code.clone()) {
            continue;
        }
        let line = n as u64 + 1;
        let counts: Vec<Option<u32>> = columns
            .iter()
            .map(|i| {
                let cell = row.get(*i).map(|c| c.trim().replace(',', "")).unwrap_or_default();
                if cell.is_empty() || cell == "*" {
                    Some(0)
                } else {
                    cell.parse::<u32>().ok()
                }
            })
            .collect();
        match counts.as_slice() {
            [Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)] => {
                let answers = Answers { very_good: *a, good: *b, neither: *c, poor: *d, very_poor: *e, dont_know: *f };
                return Ok((answers, problems));
            }
            _ => problems.push(RowProblem {
                line,
                message: "A number of answers on the practice's line is not a whole number.".into(),
            }),
        }
    }
    if problems.is_empty() {
        return Err(Error::File(format!("The file has no line for the practice code {code}. Please check the code: it is on the practice's NHS letters, for example C84001.")));
    }
    Ok((Answers::default(), problems))
}

/// Every month kept, oldest first.
pub fn months(conn: &rusqlite::Connection) -> Result<Vec<FftMonth>> {
    Ok(super::fft_sql::months(conn)?
        .into_iter()
        .map(|(month, [very_good, good, neither, poor, very_poor, dont_know])| {
            let answers = Answers { very_good, good, neither, poor, very_poor, dont_know };
            FftMonth { month, positive_percent: answers.positive_percent(), answers }
        })
        .collect())
}

/// Keeps one month's answers (the sample, and tests), replacing any kept before.
pub fn keep(conn: &rusqlite::Connection, month: chrono::NaiveDate, a: &Answers, now: &str) -> Result<()> {
    let counts = [a.very_good, a.good, a.neither, a.poor, a.very_poor, a.dont_know];
    super::fft_sql::save(conn, &month.format("%Y-%m").to_string(), counts, now)
}

/// Reads the file's line for practice `code` and keeps it as `month` ("November 2026",
/// "11/2026" or "2026-11"), replacing that month if it was read before. A line that cannot be
/// read keeps nothing and is reported.
pub fn import(
    conn: &rusqlite::Connection,
    bytes: &[u8],
    code: &str,
    month: &str,
    now: &str,
) -> Result<crate::csvfile::ImportReport> {
    let (first, _) = crate::calendar::parse_month(month).map_err(|_| {
        Error::invalid("fftMonth", "Please give the month the results are for, for example November 2026.")
    })?;
    let (answers, problems) = read(&table(bytes)?, code)?;
    if !problems.is_empty() {
        return Ok(crate::csvfile::ImportReport::refused(problems));
    }
    keep(conn, first, &answers, now)?;
    Ok(crate::csvfile::ImportReport { imported: 1, problems: Vec::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        table(text.as_bytes()).unwrap()
    }

    const FILE: &str = "Friends and Family Test: GP practices,,,,,,,,,
Period: November 2026,,,,,,,,,
,,,,,,,,,
Practice Code,Practice Name,Total Responses,1 Very Good,2 Good,3 Neither good nor poor,4 Poor,5 Very poor,6 Don't know,Percentage Positive
A81001,THE DENSHAM SURGERY,40,20,10,4,3,2,1,75%
C84001,RIVERSIDE SURGERY,\"1,210\",700,340,60,50,40,20,86%
";

    #[test]
    fn the_practices_line_is_read_under_a_heading_below_the_title_rows() {
        let (answers, problems) = read(&rows(FILE), "c84001").unwrap();
        assert!(problems.is_empty());
        assert_eq!(answers, Answers { very_good: 700, good: 340, neither: 60, poor: 50, very_poor: 40, dont_know: 20 });
        assert_eq!((answers.total(), answers.positive_percent()), (1210, Some(86)));
        let bad = FILE.replace("700,340", "700,lots");
        let (_, problems) = read(&rows(&bad), "C84001").unwrap();
        assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), [6]);
        assert!(matches!(read(&rows(FILE), "Z99999"), Err(Error::File(m)) if m.contains("Z99999")));
        assert!(matches!(read(&rows("a,b\n1,2\n"), "C84001"), Err(Error::File(_))));
        assert_eq!(Answers::default().positive_percent(), None);
    }

    proptest::proptest! {
        /// Any bytes and any code are read without a panic: answers, problems, or a message.
        #[test]
        fn any_file_reads_safely(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300), code in "\\PC{0,8}") {
            if let Ok(rows) = table(&bytes) {
                let _ = read(&rows, &code);
            }
            let mut text = String::from("Practice Code,1 Very Good,2 Good,3 Neither,4 Poor,5 Very poor,6 Dont know\n");
            text.push_str(&String::from_utf8_lossy(&bytes));
            if let Ok(rows) = table(text.as_bytes()) {
                let _ = read(&rows, &code);
            }
        }
    }
}
