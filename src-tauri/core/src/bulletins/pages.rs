//! How many pages an issue runs to in each print size, and what that means against its
//! target of 2 or 4 pages, in words for the editor.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PageCount {
    pub standard: u32,
    pub large_print: u32,
    pub target: u32,
    pub fits: bool,
    /// "Fits on 2 pages." / "Runs to 3 pages: 1 page more than the 2 you chose. ..."
    pub message: String,
}

pub fn page_count(standard: u32, large_print: u32, target: u32) -> PageCount {
    let fits = standard <= target;
    let message = if standard == target {
        format!("Fits on {target} pages.")
    } else if fits {
        format!(
            "Runs to {standard} {} of the {target} you chose; there is room for more.",
            if standard == 1 { "page" } else { "pages" }
        )
    } else if standard <= 4 {
        let over = standard - target;
        format!("Runs to {standard} pages: {over} {} more than the {target} you chose. Shorten an article or choose 4 pages.", if over == 1 { "page" } else { "pages" })
    } else {
        format!("Needs {standard} pages: more than 4. Shorten or remove an article (the last page would be page {standard}).")
    };
    PageCount { standard, large_print, target, fits, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_says_how_an_issue_fits_its_target() {
        assert_eq!(page_count(2, 4, 2).message, "Fits on 2 pages.");
        assert_eq!(
            page_count(3, 6, 2).message,
            "Runs to 3 pages: 1 page more than the 2 you chose. Shorten an article or choose 4 pages."
        );
        assert!(page_count(5, 9, 4).message.starts_with("Needs 5 pages: more than 4."));
        assert!(!page_count(5, 9, 4).fits && page_count(3, 5, 4).fits);
    }
}
