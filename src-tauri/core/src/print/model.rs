//! The document model every printed thing is built from: a title block and a list of
//! blocks (headings, paragraphs with bold runs, lists, key-value blocks, tables, images,
//! rules, page breaks, column changes). It says what to print, never where.

/// A piece of text in one weight. Italics and underlining are deliberately not offered
/// (clear-print rules).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run { text: text.into(), bold: false }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Run { text: text.into(), bold: true }
    }
}

/// A table column: its heading and its share of the width (weights are relative).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub heading: String,
    pub weight: f32,
}

/// An image (PNG or JPEG bytes) with its text alternative, kept in the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub bytes: Vec<u8>,
    pub alt: String,
    /// The widest it may print, in points.
    pub max_width: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 to 3. Kept on the same page as what follows it.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Run>),
    Bullets(Vec<Vec<Run>>),
    Numbered(Vec<Vec<Run>>),
    /// Label and value pairs, labels in bold.
    KeyValues(Vec<(String, String)>),
    /// The header row repeats on every page the table reaches; cells wrap.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    Image(Image),
    /// A highlighted box: its text between heavy rules, set in from both sides.
    Boxed(Vec<Run>),
    Rule,
    PageBreak,
    /// From here on, flow text in this many columns (large print always uses one).
    Columns(u8),
    /// From here on, the text is in this language (a BCP 47 code such as "bn"), until the next
    /// `Language`: the PDF tags it so, for screen readers and search.
    Language(String),
    /// A bar chart drawn as vectors: a row per bar, its label on the left and its value in
    /// words beside the bar (so the chart never carries meaning on its own).
    Bars(Vec<Bar>),
    /// A question's boxes on a paper form: an empty square drawn before each choice, one
    /// choice to a line, big enough to tick with a pen.
    TickBoxes(Vec<String>),
    /// Ruled lines to write on (a form's space for words).
    WritingLines(u8),
}

/// One bar of a chart: its label, its value (the bars are drawn against the largest), and the
/// value in words printed beside it ("20 patients").
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: u32,
    pub words: String,
}

/// One document, ready to lay out in either print profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// Lines under the title (group name, date...).
    pub subtitle: Vec<String>,
    /// Shown at the top of every page after the first, and in the PDF's metadata.
    pub running_header: String,
    /// The PDF's author field: the PPG's name.
    pub author: String,
    /// A logo printed beside the title on page 1.
    pub logo: Option<Image>,
    pub blocks: Vec<Block>,
    /// The language of the document as a whole (a BCP 47 code: "en-GB", "bn"), for the PDF.
    pub language: String,
}

impl Document {
    pub fn new(title: impl Into<String>, author: impl Into<String>) -> Self {
        let title = title.into();
        Document {
            running_header: title.clone(),
            title,
            subtitle: Vec::new(),
            author: author.into(),
            logo: None,
            blocks: Vec::new(),
            language: "en-GB".into(),
        }
    }

    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.push(Block::Heading { level, text: text.into() })
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Paragraph(vec![Run::plain(text)]))
    }
}
