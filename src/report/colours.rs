//! One colour per source, the same in every chart and page of a build: a source's colour is
//! its rank among all sources (sorted by id), so it never depends on which claims a chart holds.

use std::collections::BTreeMap;

/// Colours that keep at least 3:1 contrast on white (WCAG for graphics), told apart with the
/// common colour-vision deficiencies (after Okabe and Ito, darkened where needed).
pub const PALETTE: &[(u8, u8, u8)] = &[
    (0x00, 0x5A, 0x9C), // blue
    (0xC0, 0x4A, 0x00), // vermilion
    (0x00, 0x7A, 0x5E), // bluish green
    (0xA2, 0x3B, 0x7A), // reddish purple
    (0x85, 0x66, 0x00), // dark yellow
    (0x4B, 0x2E, 0x9E), // violet
    (0x5E, 0x5E, 0x5E), // grey
    (0xB0, 0x1E, 0x3C), // crimson
];

/// The colour of each source of the corpus.
#[derive(Debug, Default)]
pub struct SourceColours {
    rank: BTreeMap<String, usize>,
}

impl SourceColours {
    /// Rank the given source ids (in any order; duplicates count once).
    pub fn new<'a>(source_ids: impl IntoIterator<Item = &'a str>) -> SourceColours {
        let mut ids: Vec<&str> = source_ids.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        SourceColours { rank: ids.into_iter().enumerate().map(|(i, id)| (id.to_string(), i)).collect() }
    }

    /// The colour of a source as RGB; a source not ranked gets the last colour.
    pub fn rgb(&self, source_id: &str) -> (u8, u8, u8) {
        let i = self.rank.get(source_id).copied().unwrap_or(PALETTE.len() - 1);
        PALETTE[i % PALETTE.len()]
    }

    /// The colour of a source as CSS `#rrggbb`.
    pub fn hex(&self, source_id: &str) -> String {
        let (r, g, b) = self.rgb(source_id);
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of an sRGB colour.
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    #[test]
    fn every_palette_colour_has_graphic_contrast_on_white() {
        for &c in PALETTE {
            let ratio = 1.05 / (luminance(c) + 0.05);
            assert!(ratio >= 4.5, "{c:?} has contrast {ratio:.2} on white");
        }
    }

    #[test]
    fn a_source_keeps_its_colour_whatever_the_order_given() {
        let a = SourceColours::new(["b", "a", "c"]);
        let b = SourceColours::new(["c", "b", "a", "a"]);
        assert_eq!(a.hex("b"), b.hex("b"));
        assert_ne!(a.hex("a"), a.hex("b"));
    }
}
