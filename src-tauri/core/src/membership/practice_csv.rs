//! NHS Digital's "Patients Registered at a GP Practice" file, single year of age (one row per
//! practice, sex and age: `ORG_CODE`, `SEX` MALE/FEMALE/ALL, `AGE` 0…94, `95+` or ALL,
//! `NUMBER_OF_PATIENTS`), read for one practice into the age bands and the two sexes. Lines
//! for other practices are passed over; a bad line of this practice's is reported by number.

use crate::csvfile::{self, RowProblem};
use crate::error::{Error, Result};

/// The practice's patients as the file gives them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Registered {
    /// Patients in each age band, in `Dimension::Age`'s order.
    pub age: [u32; 5],
    pub female: u32,
    pub male: u32,
    /// The file's extract date as written ("01-Nov-2026"), if it has one.
    pub extract_date: String,
}

/// Which band an age falls in (`95+` is 80 and over).
fn band(age: &str) -> Option<usize> {
    let years: u32 = age.trim().trim_end_matches('+').parse().ok()?;
    Some(match years {
        0..=17 => 0,
        18..=39 => 1,
        40..=64 => 2,
        65..=79 => 3,
        _ => 4,
    })
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// Reads `text` for the practice `code` (as on its NHS letters: "C84001").
pub fn read(text: &str, code: &str) -> Result<(Registered, Vec<RowProblem>)> {
    let code = squash(code);
    if code.is_empty() {
        return Err(Error::invalid("practiceCode", "Please give the practice's code, for example C84001."));
    }
    if let Some(line) = csvfile::unclosed_quote(text) {
        return Err(Error::File(format!(
            "Line {line}: a value starts with a quote mark that is never closed. Nothing was imported."
        )));
    }
    let mut rdr = csvfile::reader(text);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|_| Error::File("That file does not look like a CSV file.".into()))?
        .iter()
        .map(squash)
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(org), Some(sex), Some(age), Some(count)) =
        (column("ORGCODE"), column("SEX"), column("AGE"), column("NUMBEROFPATIENTS"))
    else {
        return Err(Error::File("This is not NHS Digital's \"Patients Registered at a GP Practice\" file by single year of age: it needs the columns ORG_CODE, SEX, AGE and NUMBER_OF_PATIENTS.".into()));
    };
    let extract = column("EXTRACTDATE");
    let mut registered = Registered::default();
    let mut by_age_all = [0u32; 5];
    let mut by_age_sexes = [0u32; 5];
    let (mut female_all, mut male_all) = (None, None);
    let (mut female_sum, mut male_sum) = (0u32, 0u32);
    let mut found = false;
    let mut problems = Vec::new();
    for record in rdr.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(RowProblem {
                    line: csvfile::line_of(&e),
                    message: "This line could not be read as CSV.".into(),
                });
                continue;
            }
        };
        if record.get(org).map(squash).as_deref() != Some(code.as_str()) {
            continue;
        }
        found = true;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if let (Some(i), true) = (extract, registered.extract_date.is_empty()) {
            registered.extract_date = record.get(i).unwrap_or_default().trim().chars().take(40).collect();
        }
        let Some(n) = record.get(count).and_then(|n| n.trim().replace(',', "").parse::<u32>().ok()) else {
            problems.push(RowProblem { line, message: "The number of patients is not a whole number.".into() });
            continue;
        };
        let sex = record.get(sex).map(squash).unwrap_or_default();
        let age = record.get(age).unwrap_or_default().trim();
        let all_ages = age.eq_ignore_ascii_case("ALL");
        let slot = if all_ages { None } else { band(age) };
        if !all_ages && slot.is_none() {
            problems.push(RowProblem {
                line,
                message: format!("The age \"{}\" is not a number of years.", age.chars().take(20).collect::<String>()),
            });
            continue;
        }
        match (sex.as_str(), slot) {
            ("ALL", Some(b)) => by_age_all[b] = by_age_all[b].saturating_add(n),
            ("FEMALE", None) => female_all = Some(n),
            ("MALE", None) => male_all = Some(n),
            ("FEMALE", Some(b)) => {
                female_sum = female_sum.saturating_add(n);
                by_age_sexes[b] = by_age_sexes[b].saturating_add(n);
            }
            ("MALE", Some(b)) => {
                male_sum = male_sum.saturating_add(n);
                by_age_sexes[b] = by_age_sexes[b].saturating_add(n);
            }
            ("ALL", None) => {}
            _ => problems.push(RowProblem { line, message: "The sex is not MALE, FEMALE or ALL.".into() }),
        }
    }
    if !found {
        return Err(Error::File(format!("The file has no lines for the practice code {code}. Please check the code: it is on the practice's NHS letters, for example C84001.")));
    }
    registered.age = if by_age_all.iter().any(|n| *n > 0) { by_age_all } else { by_age_sexes };
    registered.female = female_all.unwrap_or(female_sum);
    registered.male = male_all.unwrap_or(male_sum);
    Ok((registered, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,ORG_CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,A81001,TS18 1HU,ALL,ALL,4000
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,ALL,10000
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,FEMALE,ALL,5100
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,MALE,ALL,4900
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,5,2000
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,17,10
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,18,3390
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,50,3000
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,70,1200
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,95+,400
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,old,7
GP_PRAC_PAT_LIST,01-Nov-2026,GP,00L,E38000130,C84001,NG5 1AB,ALL,30,lots
";

    #[test]
    fn one_practices_lines_make_its_age_bands_and_sexes_and_bad_lines_are_numbered() {
        let (r, problems) = read(FILE, " c84001 ").unwrap();
        assert_eq!(r.age, [2010, 3390, 3000, 1200, 400]);
        assert_eq!((r.female, r.male), (5100, 4900));
        assert_eq!(r.extract_date, "01-Nov-2026");
        let lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [12, 13]);
        assert!(problems[0].message.contains("\"old\""));
        assert!(
            matches!(read(FILE, "Z99999"), Err(Error::File(m)) if m.contains("no lines for the practice code Z99999"))
        );
        assert!(matches!(read("a,b\n1,2\n", "C84001"), Err(Error::File(m)) if m.contains("ORG_CODE")));
    }

    proptest::proptest! {
        /// Any text, and any code, is read without a panic: figures or a plain message.
        #[test]
        fn any_file_reads_safely(text in "\\PC{0,400}", code in "\\PC{0,10}") {
            let _ = read(&text, &code);
            let with_header = format!("ORG_CODE,SEX,AGE,NUMBER_OF_PATIENTS\n{text}");
            let _ = read(&with_header, &code);
        }
    }
}
