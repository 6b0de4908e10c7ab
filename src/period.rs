//! A period of time as the dataset writes it: one calendar point (`2024`, `2025-03`,
//! `2025-03-27`) or an interval between two (`2022-03-27/2025-07-23`). Typed, so that joining
//! two periods ("between <period> and <period>") takes the first one's start and the second
//! one's end, and a period can never be written in three parts.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A calendar point at the precision the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Point {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl Point {
    /// `2024`, `2025-03` or `2025-03-27`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Point> {
        let s = s.trim();
        let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] if y.len() == 4 && digits(y) => Some(Point::Year(y.parse().ok()?)),
            [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => {
                let (year, month) = (y.parse().ok()?, m.parse().ok()?);
                NaiveDate::from_ymd_opt(year, month, 1)?;
                Some(Point::Month(year, month))
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Point::Day),
            _ => None,
        }
    }

    /// First day the point covers.
    pub fn first_day(self) -> NaiveDate {
        match self {
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
            Point::Day(d) => d,
        }
    }

    /// Last day the point covers.
    pub fn last_day(self) -> NaiveDate {
        match self {
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
            Point::Month(y, m) => {
                let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
                next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
            }
            Point::Day(d) => d,
        }
    }

    /// The year the point falls in.
    pub fn year(self) -> i32 {
        match self {
            Point::Year(y) | Point::Month(y, _) => y,
            Point::Day(d) => d.year(),
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Point::Year(y) => write!(f, "{y:04}"),
            Point::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Point::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

/// A point, or an interval from a start point to an end point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: Point,
    pub end: Point,
}

impl Period {
    /// The period of one point.
    pub fn at(point: Point) -> Period {
        Period { start: point, end: point }
    }

    /// A day.
    pub fn day(d: NaiveDate) -> Period {
        Period::at(Point::Day(d))
    }

    /// From a start to an end point.
    pub fn between(start: Point, end: Point) -> Period {
        Period { start, end }
    }

    /// `2024`, `2025-03`, `2025-03-27`, or two of them joined by one `/`; anything else
    /// (three parts, an end before the start, a month 13) is `None`.
    pub fn parse(s: &str) -> Option<Period> {
        let period = match s.split_once('/') {
            Some((a, b)) => Period::between(Point::parse(a)?, Point::parse(b)?),
            None => Period::at(Point::parse(s)?),
        };
        (period.start.first_day() <= period.end.last_day()).then_some(period)
    }

    /// From this period's start to `later`'s end: "between <self> and <later>", "since <self>
    /// until <later>". Periods already intervals join at their outer ends, never in three parts.
    pub fn through(&self, later: &Period) -> Period {
        if later.end.last_day() < self.start.first_day() {
            return Period::between(later.start, self.end);
        }
        Period::between(self.start, later.end)
    }

    /// The period as a point: its start, for a period that runs on from it ("since 2022").
    pub fn starting_point(&self) -> Period {
        Period::at(self.start)
    }

    /// First and last day covered.
    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        (self.start.first_day(), self.end.last_day())
    }

    /// Is this one calendar point?
    pub fn is_point(&self) -> bool {
        self.start == self.end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_point() {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}/{}", self.start, self.end)
        }
    }
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        Period::parse(s).ok_or_else(|| format!("{s:?} is not a period (YYYY, YYYY-MM, YYYY-MM-DD, or two of them joined by '/')"))
    }
}

/// Periods sort by their text, which for ISO points is their chronological order; this keeps
/// the order of tables keyed by period what it was when periods were strings.
impl Ord for Period {
    fn cmp(&self, other: &Period) -> Ordering {
        self.to_string().cmp(&other.to_string())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Period) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_intervals_keeps_two_parts() {
        let a = Period::parse("2022-03-27/2024-10-19").unwrap();
        let b = Period::parse("2024-10-18").unwrap();
        let joined = a.through(&b);
        assert_eq!(joined.to_string(), "2022-03-27/2024-10-18");
        assert_eq!(Period::parse("2024-06-10").unwrap().through(&Period::parse("2024-07-09/2024-07-09").unwrap()).to_string(), "2024-06-10/2024-07-09");
    }

    #[test]
    fn three_parts_do_not_parse() {
        assert!(Period::parse("2022/2023/2024").is_none());
        assert!(Period::parse("2024-13").is_none());
        assert!(Period::parse("2025/2024").is_none());
        assert_eq!(Period::parse("2025-03").unwrap().bounds().1, NaiveDate::from_ymd_opt(2025, 3, 31).unwrap());
    }
}
