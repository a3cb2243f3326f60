//! The printing fonts. Atkinson Hyperlegible (made for low-vision readers) is built into the
//! program, so every English document prints whatever is installed. The others are files,
//! read the first time a document needs them (`font_dirs`): Noto Sans for Latin letters
//! Atkinson lacks (Polish, Greek, Cyrillic), the Noto faces of the scripts the practices'
//! patients read (Bengali, Devanagari, Gurmukhi, Gujarati, Tamil, Arabic and Urdu in Noto Naskh
//! Arabic: open and clear at print sizes, Hebrew, Thai, Ethiopic), each regular and bold,
//! Droid Sans Fallback for Chinese and Japanese (one weight) and Nanum Square for Korean. `shape.rs` chooses among
//! them by script and shapes with them (and measures text); each face used is subset to the
//! glyphs a document draws, so an English document carries only Atkinson.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::error::{Error, Result};

/// A family of faces (regular and bold) chosen by script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Latin,
    NotoSans,
    Bengali,
    Devanagari,
    Gurmukhi,
    Gujarati,
    Tamil,
    Arabic,
    Hebrew,
    Thai,
    Ethiopic,
    /// Chinese and Japanese.
    Cjk,
    Korean,
}

impl Family {
    /// How much larger than the text's size the family is set, so its letters look as big
    /// as Atkinson's beside them: Naskh's letters are small on their body.
    pub fn scale(self) -> f32 {
        match self {
            Family::Arabic => 1.25,
            _ => 1.0,
        }
    }

    /// The script's name, for a message when its font is missing.
    pub fn script_name(self) -> &'static str {
        match self {
            Family::Latin | Family::NotoSans => "accented Latin, Greek or Cyrillic",
            Family::Bengali => "Bengali",
            Family::Devanagari => "Devanagari (Hindi)",
            Family::Gurmukhi => "Gurmukhi (Punjabi)",
            Family::Gujarati => "Gujarati",
            Family::Tamil => "Tamil",
            Family::Arabic => "Arabic or Urdu",
            Family::Hebrew => "Hebrew",
            Family::Thai => "Thai",
            Family::Ethiopic => "Ethiopic (Amharic, Tigrinya)",
            Family::Cjk => "Chinese or Japanese",
            Family::Korean => "Korean",
        }
    }
}

/// Where a face comes from.
#[derive(Clone, Copy)]
enum Source {
    Built(&'static [u8]),
    /// A file in one of `font_dirs`.
    File(&'static str),
}

use Source::{Built, File};

/// Each family's regular and bold faces, in `Family` order: face `2 * family + bold`. A
/// family with one weight names the same file twice; `face_index` gives its regular face.
const FAMILIES: [(Family, Source, Source); 13] = [
    (
        Family::Latin,
        Built(include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/fonts/AtkinsonHyperlegible-Regular.ttf"
        ))),
        Built(include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts/AtkinsonHyperlegible-Bold.ttf"))),
    ),
    (Family::NotoSans, File("NotoSans-Regular.ttf"), File("NotoSans-Bold.ttf")),
    (Family::Bengali, File("NotoSansBengali-Regular.ttf"), File("NotoSansBengali-Bold.ttf")),
    (Family::Devanagari, File("NotoSansDevanagari-Regular.ttf"), File("NotoSansDevanagari-Bold.ttf")),
    (Family::Gurmukhi, File("NotoSansGurmukhi-Regular.ttf"), File("NotoSansGurmukhi-Bold.ttf")),
    (Family::Gujarati, File("NotoSansGujarati-Regular.ttf"), File("NotoSansGujarati-Bold.ttf")),
    (Family::Tamil, File("NotoSansTamil-Regular.ttf"), File("NotoSansTamil-Bold.ttf")),
    (Family::Arabic, File("NotoNaskhArabic-Regular.ttf"), File("NotoNaskhArabic-Bold.ttf")),
    (Family::Hebrew, File("NotoSansHebrew-Regular.ttf"), File("NotoSansHebrew-Bold.ttf")),
    (Family::Thai, File("NotoSansThai-Regular.ttf"), File("NotoSansThai-Bold.ttf")),
    (Family::Ethiopic, File("NotoSansEthiopic-Regular.ttf"), File("NotoSansEthiopic-Bold.ttf")),
    (Family::Cjk, File("DroidSansFallbackFull.ttf"), File("DroidSansFallbackFull.ttf")),
    (Family::Korean, File("NanumSquareR.ttf"), File("NanumSquareB.ttf")),
];

/// Every font file the printing reads, for packaging and for checking an installation.
pub fn font_files() -> Vec<&'static str> {
    let mut files: Vec<&'static str> = Vec::new();
    for (_, regular, bold) in FAMILIES {
        for source in [regular, bold] {
            if let File(name) = source {
                if !files.contains(&name) {
                    files.push(name);
                }
            }
        }
    }
    files
}

/// The folders a face's file is looked for in, first found first used: `fonts` beside the
/// program (the Windows installer puts them there), the source tree's `assets/fonts` (where
/// `make fonts` fetches them, checked against their hashes: development and tests), then the
/// system's (Debian's fonts-noto-core, fonts-droid-fallback and fonts-nanum, which the .deb
/// depends on).
pub fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(beside) = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|d| d.join("fonts"))) {
        dirs.push(beside);
    }
    dirs.push(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/fonts")));
    dirs.push(PathBuf::from("/usr/share/fonts/truetype/noto"));
    dirs.push(PathBuf::from("/usr/share/fonts/truetype/droid"));
    dirs.push(PathBuf::from("/usr/share/fonts/truetype/nanum"));
    dirs
}

pub const FACE_COUNT: usize = 2 * FAMILIES.len();

fn source(face: usize) -> Source {
    let (_, regular, bold) = FAMILIES[face / 2];
    if face % 2 == 1 {
        bold
    } else {
        regular
    }
}

/// The face of `family`, bold or not (a family with one weight: always its regular face).
pub fn face_index(family: Family, bold: bool) -> usize {
    let at = FAMILIES.iter().position(|(f, _, _)| *f == family).unwrap_or(0);
    let one_weight = matches!(FAMILIES[at], (_, File(r), File(b)) if r == b);
    2 * at + usize::from(bold && !one_weight)
}

/// Each glyph of a face and its number in a subset: (original, in the subset).
pub type Renumbered = Vec<(u16, u16)>;

/// A face read and parsed: its bytes (kept for the whole run, as the parsed face borrows
/// them) and the face for shaping, which is also the font's own tables (cmap, widths, names).
struct Loaded {
    bytes: &'static [u8],
    face: rustybuzz::Face<'static>,
}

fn load(face: usize, dirs: &[PathBuf]) -> Option<Loaded> {
    let bytes: &'static [u8] = match source(face) {
        Built(bytes) => bytes,
        File(name) => {
            let read = dirs.iter().find_map(|dir| {
                let bytes = std::fs::read(dir.join(name)).ok()?;
                rustybuzz::Face::from_slice(&bytes, 0).is_some().then_some(bytes)
            })?;
            Box::leak(read.into_boxed_slice())
        }
    };
    Some(Loaded { bytes, face: rustybuzz::Face::from_slice(bytes, 0)? })
}

/// The faces, each read and parsed once, when first needed.
pub struct Fonts {
    dirs: Vec<PathBuf>,
    faces: Vec<OnceLock<Option<Loaded>>>,
}

impl Fonts {
    /// The fonts the program prints with, from `font_dirs`.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts::from_dirs(font_dirs()))
    }

    /// Fonts read from `dirs` only (tests use it to see what a missing file does).
    pub fn from_dirs(dirs: Vec<PathBuf>) -> Fonts {
        Fonts { dirs, faces: (0..FACE_COUNT).map(|_| OnceLock::new()).collect() }
    }

    fn read(&self, face: usize) -> Option<&Loaded> {
        self.faces.get(face)?.get_or_init(|| load(face, &self.dirs)).as_ref()
    }

    /// The face, or Atkinson's regular when its file is missing (callers only ask for a face
    /// `has` answered for, so that never draws anything).
    fn loaded(&self, face: usize) -> &Loaded {
        match self.read(face) {
            Some(loaded) => loaded,
            None => self.read(0).expect("the built-in font parses"),
        }
    }

    /// Whether `family`'s regular face could be read.
    pub fn available(&self, family: Family) -> bool {
        self.read(face_index(family, false)).is_some()
    }

    /// The faces to try for `family`'s text, best first: its own, then Atkinson and Noto Sans.
    pub fn faces_for(&self, family: Family, bold: bool) -> Vec<usize> {
        let mut out = vec![face_index(family, bold)];
        for fallback in [Family::Latin, Family::NotoSans] {
            let face = face_index(fallback, bold);
            if !out.contains(&face) {
                out.push(face);
            }
        }
        out
    }

    pub fn family(&self, face: usize) -> Family {
        FAMILIES[face / 2].0
    }

    /// Whether `face` could be read and draws `c` (the invisible joiners count as drawn:
    /// shaping uses them).
    pub fn has(&self, face: usize, c: char) -> bool {
        let Some(loaded) = self.read(face) else { return false };
        matches!(c, '\u{200C}' | '\u{200D}') || loaded.face.glyph_index(c).is_some()
    }

    /// `face`'s own glyph for `c`, unshaped.
    pub fn glyph(&self, face: usize, c: char) -> Option<u16> {
        self.loaded(face).face.glyph_index(c).map(|g| g.0)
    }

    /// The face's PostScript name ("NotoSansBengali-Regular"), which the PDF names it by.
    pub fn postscript_name(&self, face: usize) -> String {
        self.loaded(face)
            .face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| format!("PPGDeskFace{face}"))
    }

    /// How far `face` moves the pen after glyph `id`, unshaped, in its own units.
    pub fn advance_units(&self, face: usize, id: u16) -> i32 {
        i32::from(self.loaded(face).face.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0))
    }

    pub fn shaper(&self, face: usize) -> &rustybuzz::Face<'static> {
        &self.loaded(face).face
    }

    /// The distance from the top of a line box to the baseline, as a share of the size.
    pub fn ascent_ratio(&self) -> f32 {
        let face = &self.loaded(0).face;
        f32::from(face.ascender()) / face.units_per_em().max(1) as f32
    }

    /// A copy of face `face` holding only the glyphs `glyphs` (and .notdef), so a two-page
    /// document carries kilobytes of font, not the whole file. Returns it and each glyph's
    /// number in it.
    pub fn subset(&self, face: usize, glyphs: &BTreeSet<u16>) -> Result<(Vec<u8>, Renumbered)> {
        let mut ids: Vec<u16> = vec![0];
        ids.extend(glyphs.iter().copied().filter(|g| *g != 0));
        let fail = |what: &str| Error::File(format!("The document could not be prepared for printing ({what})."));
        let scope = allsorts::binary::read::ReadScope::new(self.loaded(face).bytes);
        let data = scope.read::<allsorts::font_data::FontData<'_>>().map_err(|_| fail("font"))?;
        let provider = data.table_provider(0).map_err(|_| fail("font tables"))?;
        let subset = allsorts::subset::subset(
            &provider,
            &ids,
            &allsorts::subset::SubsetProfile::Pdf,
            allsorts::subset::CmapTarget::Unicode,
        )
        .map_err(|_| fail("font subset"))?;
        let renumbered = ids.iter().enumerate().map(|(new, old)| (*old, u16::try_from(new).unwrap_or(0))).collect();
        Ok((subset, renumbered))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ttf_parser::Face;

    #[test]
    fn each_script_s_face_has_its_letters_and_naskh_has_urdu_s() {
        let fonts = Fonts::get();
        for (family, letters) in [
            (Family::Latin, "Patient"),
            (Family::NotoSans, "ŁśωЖ"),
            (Family::Bengali, "স্বাস্থ্য"),
            (Family::Devanagari, "स्वास्थ्य"),
            (Family::Gurmukhi, "ਸਿਹਤ"),
            (Family::Gujarati, "આરોગ્ય"),
            (Family::Tamil, "உடல்நலம்"),
            (Family::Arabic, "صحت کلب ٹڈڑںےۓہھ"),
            (Family::Hebrew, "בריאות"),
            (Family::Thai, "สุขภาพ"),
            (Family::Ethiopic, "ጤና"),
            (Family::Cjk, "健康俱乐部 健康倶楽部 けんこう ケンコウ"),
            (Family::Korean, "건강 클럽 힣"),
        ] {
            for bold in [false, true] {
                let face = face_index(family, bold);
                for c in letters.chars().filter(|c| !c.is_whitespace()) {
                    assert!(fonts.glyph(face, c).is_some(), "{family:?} {bold} has {c}");
                }
            }
        }
    }

    #[test]
    fn a_subset_is_much_smaller_than_the_font_and_keeps_the_glyphs_asked_for() {
        let fonts = Fonts::get();
        let glyphs: BTreeSet<u16> = "Riverside PPG".chars().filter_map(|c| fonts.glyph(0, c)).collect();
        let (subset, renumbered) = fonts.subset(0, &glyphs).unwrap();
        assert!(subset.len() < fonts.loaded(0).bytes.len() / 3, "subset {} bytes", subset.len());
        assert_eq!(renumbered.len(), glyphs.len() + 1, ".notdef and each glyph");
        let face = Face::parse(&subset, 0).unwrap();
        assert_eq!(usize::from(face.number_of_glyphs()), renumbered.len());
    }

    #[test]
    fn a_one_weight_family_prints_bold_in_its_regular_face_and_each_file_is_listed_once() {
        assert_eq!(face_index(Family::Cjk, true), face_index(Family::Cjk, false));
        assert_ne!(face_index(Family::Bengali, true), face_index(Family::Bengali, false));
        let files = font_files();
        assert_eq!(files.iter().filter(|f| **f == "DroidSansFallbackFull.ttf").count(), 1);
        assert_eq!(files.len(), 23, "eleven families of two weights and one of one: {files:?}");
    }
}
