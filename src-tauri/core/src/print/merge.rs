//! Joins PDFs drawn part by part into one document, with lopdf (the PDF library printpdf
//! itself writes with): each further part's objects are renumbered past the whole's, its
//! pages are hung under the whole's page tree in order, and its own catalogue is dropped.
//! Only long documents are drawn in parts (see `pdf::PAGES_AT_A_TIME`).

use lopdf::{Document, Object, ObjectId};

use crate::error::{Error, Result};

fn failed() -> Error {
    Error::File("The document could not be made into a PDF (joining its parts).".into())
}

/// The document so far, and where its page tree is.
pub struct Merged {
    whole: Document,
    pages_id: ObjectId,
}

impl Merged {
    /// Starts from the first part.
    pub fn start(first: &[u8]) -> Result<Self> {
        let whole = Document::load_mem(first).map_err(|_| failed())?;
        let pages_id = page_tree(&whole)?;
        Ok(Merged { whole, pages_id })
    }

    /// Adds the pages of the next part after those already here.
    pub fn append(&mut self, part: &[u8]) -> Result<()> {
        let mut part = Document::load_mem(part).map_err(|_| failed())?;
        part.renumber_objects_with(self.whole.max_id + 1);
        let part_tree = page_tree(&part)?;
        let catalog = part.trailer.get(b"Root").and_then(Object::as_reference).map_err(|_| failed())?;
        let pages: Vec<ObjectId> = part.get_pages().into_values().collect();
        self.whole.max_id = part.max_id;
        for (id, object) in part.objects {
            if id == catalog || id == part_tree {
                continue;
            }
            self.whole.objects.insert(id, object);
        }
        for page in &pages {
            if let Ok(Object::Dictionary(dict)) = self.whole.get_object_mut(*page) {
                dict.set("Parent", self.pages_id);
            }
        }
        let tree = self.whole.get_object_mut(self.pages_id).and_then(Object::as_dict_mut).map_err(|_| failed())?;
        let kids = tree.get_mut(b"Kids").and_then(Object::as_array_mut).map_err(|_| failed())?;
        kids.extend(pages.iter().map(|id| Object::Reference(*id)));
        let count = kids.len() as i64;
        tree.set("Count", count);
        Ok(())
    }

    /// The joined document as PDF bytes (objects only a dropped catalogue used are pruned).
    pub fn finish(mut self) -> Result<Vec<u8>> {
        self.whole.prune_objects();
        // Numbers the objects 1, 2, 3 … again, so the cross-reference table's size is exact.
        self.whole.renumber_objects();
        let mut out = Vec::new();
        self.whole.save_to(&mut out).map_err(|_| failed())?;
        Ok(out)
    }
}

/// The id of a document's root page tree.
fn page_tree(document: &Document) -> Result<ObjectId> {
    let catalog = document.catalog().map_err(|_| failed())?;
    catalog.get(b"Pages").and_then(Object::as_reference).map_err(|_| failed())
}
