//! Derived figures and the cross-source comparison: the catalog's rules, input resolution,
//! checks, interval verdicts, and the expert's hand analysis of the seeds reproduced from the
//! gold statements.

use std::collections::BTreeMap;
use std::path::Path;

use cecot_data::load::rows::rows_table;
use cecot_data::load::Cell;
use cecot_data::pipeline::Knowledge;
use cecot_data::transform::as_of::as_of_bounds;
use cecot_data::transform::claims::Catalog;
use cecot_data::transform::comparisons::{compare, verdict};
use cecot_data::transform::derived::{derive, DerivedCatalog, EMBEDDED_DERIVED};
use cecot_data::transform::inputs::{claim_interval, Claim};

fn measures() -> Catalog {
    Knowledge::load(None).expect("embedded knowledge loads").measures
}

fn claim(id: &str, source: &str, measure: &str, qualifier: &str, value: Option<f64>, as_of: Option<&str>) -> Claim {
    Claim {
        statement_id: id.into(),
        source_id: source.into(),
        measure: measure.into(),
        kind: "count".into(),
        value,
        low: None,
        high: None,
        qualifier: qualifier.into(),
        unit: Some("persons".into()),
        as_of: as_of.map(str::to_string),
        as_of_end: as_of.and_then(as_of_bounds).map(|b| b.1),
        date: None,
    }
}

fn catalog(toml: &str) -> cecot_data::Result<DerivedCatalog> {
    DerivedCatalog::parse("test.toml", toml, &measures())
}

fn cell(row: &[Cell], table: &cecot_data::load::Table, name: &str) -> String {
    row[table.def.column_index(name).unwrap()].to_csv_field()
}

#[test]
fn embedded_catalog_loads() {
    let c = DerivedCatalog::parse("schemas/derived.toml", EMBEDDED_DERIVED, &measures()).unwrap();
    assert!(c.entries.len() >= 40);
}

/// The error for a one-entry catalog with this formula.
fn formula_error(formula: &str, unit: &str) -> String {
    catalog(&format!("[[derived]]\nid = \"x\"\ndescription = \"d\"\nformula = \"{formula}\"\nunit = \"{unit}\"")).unwrap_err().to_string()
}

#[test]
fn literal_number_in_formula_is_rejected() {
    let err = formula_error("es_prison_population / 12345 * PERCENT", "percent");
    assert!(err.contains("derived x") && err.contains("literal number 12345"), "{err}");
}

#[test]
fn unknown_measure_id_is_rejected() {
    let err = formula_error("es_prison_populaton / es_prison_capacity", "ratio");
    assert!(err.contains("unknown measure id \"es_prison_populaton\""), "{err}");
}

#[test]
fn unknown_constant_name_is_rejected() {
    let err = formula_error("es_prison_population * HUNDRED", "ratio");
    assert!(err.contains("unknown name") && err.contains("HUNDRED"), "{err}");
}

#[test]
fn duplicate_id_is_rejected() {
    let one = "[[derived]]\nid = \"x\"\ndescription = \"d\"\nformula = \"es_prison_population\"\nunit = \"persons\"\n";
    let err = catalog(&format!("{one}{one}")).unwrap_err().to_string();
    assert!(err.contains("appears twice"), "{err}");
}

#[test]
fn pending_entry_waits_for_its_measure_and_says_so() {
    let c = catalog(
        r#"[[derived]]
id = "x"
description = "d"
formula = "some_future_measure / es_prison_capacity"
unit = "ratio"
pending = true"#,
    )
    .unwrap();
    let out = derive(&c, &[claim("s:1-2", "s", "es_prison_capacity", "exact", Some(10.0), None)], &measures());
    assert!(out.table().rows.is_empty());
    assert_eq!(out.missing, vec!["x: waits for measure some_future_measure (not in schemas/measures.toml)"]);
}

#[test]
fn formula_over_missing_measure_yields_no_row_and_a_summary_line() {
    let c = catalog(
        r#"[[derived]]
id = "occupancy"
description = "d"
formula = "es_prison_population[2024] / es_prison_capacity * PERCENT"
unit = "percent""#,
    )
    .unwrap();
    // Capacity stated, population stated only for another year: no row, never a default.
    let claims = vec![
        claim("a:1-2", "a", "es_prison_capacity", "exact", Some(6789.0), None),
        claim("a:3-4", "a", "es_prison_population", "exact", Some(12345.0), Some("2000")),
    ];
    let out = derive(&c, &claims, &measures());
    assert!(out.table().rows.is_empty());
    assert_eq!(out.missing, vec!["occupancy: no statement with a number for es_prison_population[2024]"]);
}

#[test]
fn computed_figure_names_inputs_and_is_checked_with_the_stated_qualifier() {
    let c = catalog(
        r#"[[derived]]
id = "occupancy"
description = "d"
formula = "es_prison_population[2024] / es_prison_capacity * PERCENT"
unit = "percent"
check = "es_prison_occupancy_rate[2024]""#,
    )
    .unwrap();
    let mut rate = claim("a:9-10", "a", "es_prison_occupancy_rate", "just_under", Some(182.0), Some("2024"));
    rate.unit = Some("percent".into());
    let claims = vec![
        claim("a:3-4", "a", "es_prison_population", "exact", Some(12345.0), Some("2020/2024")),
        claim("a:1-2", "a", "es_prison_capacity", "exact", Some(6789.0), None),
        rate,
    ];
    let out = derive(&c, &claims, &measures());
    let t = &out.table();
    assert_eq!(t.rows.len(), 1, "{:?}", out.missing);
    let r = &t.rows[0];
    assert_eq!(cell(r, t, "inputs"), "a:3-4;a:1-2");
    assert_eq!(cell(r, t, "input_values"), "12345;6789");
    assert!((cell(r, t, "value").parse::<f64>().unwrap() - 181.838).abs() < 0.01);
    assert_eq!(cell(r, t, "check_statement_id"), "a:9-10");
    assert_eq!(cell(r, t, "check"), "consistent");

    // "just under 181" cannot be 181.84.
    let mut claims = claims;
    claims[2].value = Some(181.0);
    let out = derive(&c, &claims, &measures());
    assert_eq!(cell(&out.table().rows[0], &out.table(), "check"), "inconsistent");
}

#[test]
fn one_row_per_combination_of_stated_figures() {
    let c = catalog(
        r#"[[derived]]
id = "cost_per_deportee"
description = "d"
formula = "us_payment_to_el_salvador / venezuelans_deported_to_cecot"
unit = "USD_per_person""#,
    )
    .unwrap();
    let claims = vec![
        claim("a:1-2", "a", "us_payment_to_el_salvador", "exact", Some(1000.0), None),
        claim("a:3-4", "a", "venezuelans_deported_to_cecot", "exact", Some(10.0), None),
        claim("b:3-4", "b", "venezuelans_deported_to_cecot", "more_than", Some(20.0), None),
        claim("b:5-6", "b", "venezuelans_deported_to_cecot", "vague", None, None),
    ];
    let out = derive(&c, &claims, &measures());
    let t = &out.table();
    let got: Vec<(String, String, String)> = t.rows.iter().map(|r| (cell(r, t, "inputs"), cell(r, t, "value"), cell(r, t, "note"))).collect();
    assert_eq!(
        got,
        vec![("a:1-2;a:3-4".into(), "100".into(), "".into()), ("a:1-2;b:3-4".into(), "50".into(), "inputs read at their stated value: 20 is more than".into()),]
    );
}

#[test]
fn range_input_gives_min_and_max_rows_and_same_source_binds() {
    let c = catalog(
        r#"[[derived]]
id = "per_toilet"
description = "d"
formula = "cecot_cell_occupancy / cecot_cell_toilets"
unit = "persons_per_toilet"
same_source = ["cecot_cell_occupancy", "cecot_cell_toilets"]"#,
    )
    .unwrap();
    let mut range = claim("a:1-2", "a", "cecot_cell_occupancy", "range", None, None);
    range.low = Some(30.0);
    range.high = Some(40.0);
    let claims =
        vec![range, claim("a:3-4", "a", "cecot_cell_toilets", "exact", Some(4.0), None), claim("b:3-4", "b", "cecot_cell_toilets", "exact", Some(1.0), None)];
    let out = derive(&c, &claims, &measures());
    let t = &out.table();
    let got: Vec<(String, String, String)> = t.rows.iter().map(|r| (cell(r, t, "derived_id"), cell(r, t, "input_values"), cell(r, t, "value"))).collect();
    assert_eq!(got, vec![("per_toilet_max".into(), "40;4".into(), "10".into()), ("per_toilet_min".into(), "30;4".into(), "7.5".into())]);
}

#[test]
fn assumptions_are_dates_and_are_noted() {
    let c = catalog(
        r#"[[derived]]
id = "x"
description = "d"
formula = "(release - arrival) / (deportees_announced_cecot_term * DAYS_PER_YEAR)"
unit = "ratio"
units = { deportees_announced_cecot_term = "years" }
assume.arrival = { date = "2025-01-01", why = "early January" }
assume.release = { date = "2025-01-31", why = "end of the month" }"#,
    )
    .unwrap();
    let mut term = claim("a:1-2", "a", "deportees_announced_cecot_term", "exact", Some(12.0), None);
    term.unit = Some("months".into());
    let out = derive(&c, &[term], &measures());
    let t = &out.table();
    assert!((cell(&t.rows[0], t, "value").parse::<f64>().unwrap() - 30.0 / 365.0).abs() < 1e-9);
    assert!(cell(&t.rows[0], t, "note").contains("assumes arrival = 2025-01-01: early January"));
    assert!(catalog(
        "[[derived]]\nid = \"y\"\ndescription = \"d\"\nformula = \"es_prison_population\"\nunit = \"u\"\nassume.n = { date = \"12\", why = \"w\" }"
    )
    .is_err());
}

/// Verdicts of two claims, one per qualifier, the first stated as 100 and the second as 120
/// (ranges: value +- 10, vague plurals: the figure is the lower bound).
#[test]
fn interval_verdicts_for_each_qualifier_pair() {
    let q = ["exact", "approximately", "more_than", "at_least", "less_than", "at_most", "just_under", "range", "vague"];
    let iv = |qual: &str, v: f64| {
        let (value, low, high) = match qual {
            "range" => (None, Some(v - 10.0), Some(v + 10.0)),
            "vague" => (None, Some(v), None),
            _ => (Some(v), None, None),
        };
        claim_interval(qual, value, low, high).unwrap()
    };
    // Rows: first claim's qualifier at 100; columns: second claim's qualifier at 120.
    // c = consistent, x = conflicting.
    // 100 exact [100]; approx [90,110]; more_than (100,inf); at_least [100,inf); less_than (-inf,100);
    // at_most (-inf,100]; just_under [98,100); range [90,110]; vague [100,inf).
    // 120 exact [120]; approx [108,132]; more_than (120,inf); at_least [120,inf); less_than (-inf,120);
    // at_most (-inf,120]; just_under [117.6,120); range [110,130]; vague [120,inf).
    let expected = [
        "xxxxccxxx", // exact 100
        "xcxxccxcx", // approximately 100
        "ccccccccc", // more_than 100
        "ccccccccc", // at_least 100
        "xxxxccxxx", // less_than 100
        "xxxxccxxx", // at_most 100
        "xxxxccxxx", // just_under 100
        "xcxxccxcx", // range 90-110
        "ccccccccc", // vague >= 100
    ];
    for (i, a) in q.iter().enumerate() {
        for (j, b) in q.iter().enumerate() {
            let got = verdict(&[(iv(a, 100.0), None), (iv(b, 120.0), None)]);
            let want = if expected[i].as_bytes()[j] == b'c' { "consistent" } else { "conflicting" };
            assert_eq!(got, want, "{a} 100 vs {b} 120");
            // Agreement does not depend on the order.
            assert_eq!(verdict(&[(iv(b, 120.0), None), (iv(a, 100.0), None)]), want, "{b} 120 vs {a} 100");
        }
        // Every qualifier agrees with itself at the same figure.
        assert_eq!(verdict(&[(iv(a, 100.0), None), (iv(a, 100.0), None)]), "consistent", "{a} vs itself");
    }
    // The issue's examples and the edges of strict bounds.
    assert_eq!(verdict(&[(iv("more_than", 250.0), None), (iv("approximately", 260.0), None)]), "consistent");
    assert_eq!(verdict(&[(iv("exact", 238.0), None), (iv("more_than", 250.0), None)]), "conflicting");
    assert_eq!(verdict(&[(iv("exact", 250.0), None), (iv("more_than", 250.0), None)]), "conflicting");
    assert_eq!(verdict(&[(iv("exact", 250.0), None), (iv("at_least", 250.0), None)]), "consistent");
    assert_eq!(verdict(&[(iv("exact", 162.76), None), (iv("just_under", 163.0), None)]), "consistent");
    assert_eq!(verdict(&[(iv("exact", 163.0), None), (iv("just_under", 163.0), None)]), "conflicting");
    assert_eq!(verdict(&[(iv("exact", 1.0), None)]), "single");
}

#[test]
fn time_series_when_claims_differ_only_across_periods() {
    let iv = |q: &str, v: f64| claim_interval(q, Some(v), None, None).unwrap();
    // A cumulative count over three periods, and an undated claim that fits the latest.
    let series = [
        (iv("exact", 10.0), Some("2022/2023")),
        (iv("exact", 20.0), Some("2022/2024")),
        (iv("at_least", 30.0), Some("2022/2025")),
        (iv("more_than", 31.0), None),
    ];
    assert_eq!(verdict(&series), "time_series");
    // Two claims about one period that disagree: conflicting, whatever the other periods say.
    let mut within = series.to_vec();
    within.push((iv("exact", 25.0), Some("2022/2024")));
    assert_eq!(verdict(&within), "conflicting");
    // An undated claim that fits no period.
    let mut stray = series.to_vec();
    stray.push((iv("exact", 5.0), None));
    assert_eq!(verdict(&stray), "conflicting");
}

#[test]
fn comparisons_convert_durations_and_group_periods() {
    let mut half_hour = claim("a:1-2", "a", "cecot_daily_exercise_time", "exact", Some(0.5), None);
    half_hour.unit = Some("hours".into());
    let mut thirty = claim("b:1-2", "b", "cecot_daily_exercise_time", "exact", Some(30.0), None);
    thirty.unit = Some("minutes".into());
    let claims = vec![
        half_hour,
        thirty,
        claim("a:5-6", "a", "es_prison_deaths_since_2022", "exact", Some(10.0), Some("2022/2023")),
        claim("b:5-6", "b", "es_prison_deaths_since_2022", "exact", Some(20.0), Some("2022/2024")),
    ];
    let t = rows_table(compare(&claims, &measures()));
    let got: Vec<(String, String, String)> =
        t.rows.iter().map(|r| (cell(r, &t, "comparison_id"), cell(r, &t, "statement_ids"), cell(r, &t, "verdict"))).collect();
    assert_eq!(
        got,
        vec![
            ("cecot_daily_exercise_time".into(), "a:1-2;b:1-2".into(), "consistent".into()),
            ("es_prison_deaths_since_2022".into(), "a:5-6;b:5-6".into(), "time_series".into()),
            ("es_prison_deaths_since_2022@2022/2023".into(), "a:5-6".into(), "single".into()),
            ("es_prison_deaths_since_2022@2022/2024".into(), "b:5-6".into(), "single".into()),
        ]
    );
}

#[test]
fn only_claims_with_a_known_period_are_compared_unless_the_measure_is_timeless() {
    let claims = vec![
        // A count that changes over time: the undated claim is named, not compared.
        claim("a:1-2", "a", "es_prison_population", "exact", Some(100.0), Some("2024")),
        claim("b:1-2", "b", "es_prison_population", "exact", Some(100.0), Some("2024")),
        claim("c:1-2", "c", "es_prison_population", "exact", Some(70.0), None),
        // Undated only: no row at all.
        claim("a:3-4", "a", "es_prison_deaths_violent", "exact", Some(3.0), None),
        // A feature of the prison is the same whatever period its claims name.
        claim("a:5-6", "a", "cecot_cell_toilets", "exact", Some(2.0), Some("2023")),
        claim("b:5-6", "b", "cecot_cell_toilets", "exact", Some(3.0), None),
    ];
    let t = rows_table(compare(&claims, &measures()));
    let got: Vec<[String; 5]> = t
        .rows
        .iter()
        .map(|r| ["comparison_id", "statement_ids", "verdict", "disagreeing_statement_ids", "undated_statement_ids"].map(|c| cell(r, &t, c)))
        .collect();
    assert_eq!(
        got,
        vec![
            ["cecot_cell_toilets", "a:5-6;b:5-6", "conflicting", "b:5-6", ""].map(String::from),
            ["es_prison_population", "a:1-2;b:1-2", "consistent", "", "c:1-2"].map(String::from),
        ]
    );
}

#[test]
fn the_disagreeing_claims_are_those_outside_the_largest_agreeing_set() {
    use cecot_data::transform::comparisons::disagreeing;
    let iv = |q: &str, v: f64| claim_interval(q, Some(v), None, None).unwrap();
    // 238 twice and "roughly 240" agree; 252 and "more than 250" stand apart.
    let claims = [(iv("exact", 252.0), None), (iv("exact", 238.0), None), (iv("approximately", 240.0), None), (iv("more_than", 250.0), None), (iv("exact", 238.0), None)];
    assert_eq!(disagreeing(&claims), vec![0, 3]);
    // Open ends meet just inside them: "more than 250" and "roughly 260" agree, 200 does not.
    let claims = [(iv("more_than", 250.0), None), (iv("approximately", 260.0), None), (iv("exact", 200.0), None)];
    assert_eq!(disagreeing(&claims), vec![2]);
    // Within each period on its own; a tie goes to the smaller value.
    let claims = [(iv("exact", 10.0), Some("2023")), (iv("exact", 20.0), Some("2024")), (iv("exact", 25.0), Some("2024"))];
    assert_eq!(disagreeing(&claims), vec![2]);
    assert!(disagreeing(&[(iv("exact", 1.0), None), (iv("at_least", 1.0), None)]).is_empty());
}

// --- The expert's analysis of the seeds, from the gold statements -------------------------

fn shared() -> Option<std::path::PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold");
    p.join("seeds_mentions.csv").exists().then_some(p)
}

/// The gold statements of the seeds as claims, and a measure catalog that knows every gold
/// measure (the real catalog may not have them all yet).
fn gold_claims(dir: &Path) -> (Vec<Claim>, Catalog) {
    let mut measures = measures();
    let template = measures.measures[0].clone();
    let mut claims = Vec::new();
    let mut rdr = csv::Reader::from_path(dir.join("seeds_mentions.csv")).unwrap();
    for r in rdr.deserialize::<BTreeMap<String, String>>() {
        let r = r.unwrap();
        if r["is_statement"] != "true" || r["measure"].is_empty() {
            continue;
        }
        let num = |k: &str| r[k].parse::<f64>().ok();
        let is_date = matches!(r["kind"].as_str(), "date" | "year");
        let opt = |k: &str| Some(r[k].clone()).filter(|s| !s.is_empty());
        if measures.get(&r["measure"]).is_none() {
            let mut m = template.clone();
            m.id = r["measure"].clone();
            m.unit = if is_date { "date".into() } else { "any".into() };
            measures.measures.push(m);
        }
        claims.push(Claim {
            statement_id: format!("{}:{}-{}", r["source_id"], r["start"], r["end"]),
            source_id: r["source_id"].clone(),
            measure: r["measure"].clone(),
            kind: r["kind"].clone(),
            value: if is_date { None } else { num("value") },
            low: num("low"),
            high: num("high"),
            qualifier: if r["qualifier"] == "over" { "more_than".into() } else { r["qualifier"].clone() },
            unit: opt("unit"),
            as_of: opt("as_of"),
            as_of_end: opt("as_of").and_then(|a| as_of_bounds(&a)).map(|b| b.1),
            date: if is_date { as_of_bounds(&r["value"]) } else { None },
        });
    }
    (claims, measures)
}

#[test]
fn gold_analysis_is_reproduced_from_gold_statements() {
    let Some(dir) = shared() else {
        eprintln!("../shared/gold not found; skipped");
        return;
    };
    let (claims, measures) = gold_claims(&dir);
    let catalog = DerivedCatalog::parse("schemas/derived.toml", EMBEDDED_DERIVED, &measures).unwrap();
    let out = derive(&catalog, &claims, &measures);
    let t = &out.table();
    let mut values: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for r in &t.rows {
        values.entry(cell(r, t, "derived_id")).or_default().push(cell(r, t, "value").parse().unwrap());
    }
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let alias_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/derived_aliases.csv");
    for r in csv::Reader::from_path(alias_file).unwrap().records() {
        let r = r.unwrap();
        aliases.entry(r[0].to_string()).or_default().push(r[1].to_string());
    }
    let (mut total, mut missing) = (0, Vec::new());
    for r in csv::Reader::from_path(dir.join("seeds_derived.csv")).unwrap().records() {
        let r = r.unwrap();
        total += 1;
        let want: f64 = r[3].parse().unwrap();
        let mut ids = vec![r[0].to_string()];
        ids.extend(aliases.get(&r[0]).cloned().unwrap_or_default());
        let ok =
            ids.iter().flat_map(|i| values.get(i).cloned().unwrap_or_default()).any(|v| (v - want).abs() <= 0.01 || (v - want).abs() <= 0.005 * want.abs());
        if !ok {
            missing.push(r[0].to_string());
        }
    }
    let reproduced = total - missing.len();
    eprintln!("gold statements: reproduced {reproduced}/{total}; missing {missing:?}");
    assert!(reproduced * 10 >= total * 9, "reproduced {reproduced}/{total}; missing {missing:?}");

    // The sums and the occupancy are checked against the stated figures.
    let check_of = |id: &str| -> Vec<String> { t.rows.iter().filter(|r| cell(r, t, "derived_id") == id).map(|r| cell(r, t, "check")).collect() };
    assert!(check_of("es_prison_occupancy_rate_computed").iter().all(|c| c == "consistent"));
    assert!(check_of("cristosal_death_breakdown_sum").iter().all(|c| c == "consistent"));
    assert!(check_of("deportees_aea_plus_regular_check").iter().all(|c| c == "consistent"));

    // The comparison's verdicts on the measures the sources disagree or agree on.
    let cmp = rows_table(compare(&claims, &measures));
    let verdict_of = |id: &str| cmp.rows.iter().find(|r| cell(r, &cmp, "comparison_id") == id).map(|r| cell(r, &cmp, "verdict")).unwrap_or_default();
    assert_eq!(verdict_of("venezuelans_deported_to_cecot"), "conflicting");
    assert_eq!(verdict_of("cecot_cell_occupancy"), "conflicting");
    assert_eq!(verdict_of("us_payment_to_el_salvador"), "consistent");
    assert_eq!(verdict_of("cecot_opening_date"), "consistent");
    assert_eq!(verdict_of("es_prison_deaths_since_2022"), "time_series");
}

#[test]
fn cumulative_measure_reads_undated_floors_as_part_of_the_series() {
    use cecot_data::transform::comparisons::verdict_of;
    let iv = |q: &str, v: f64| claim_interval(q, Some(v), None, None).unwrap();
    let claims = [(iv("exact", 150.0), Some("2023")), (iv("exact", 260.0), Some("2024")), (iv("more_than", 340.0), None)];
    assert_eq!(verdict_of(&claims, true), "time_series");
    assert_eq!(verdict_of(&claims, false), "conflicting");
    // An undated exact figure that fits no period still conflicts.
    let claims = [(iv("exact", 150.0), Some("2023")), (iv("exact", 260.0), Some("2024")), (iv("exact", 200.0), None)];
    assert_eq!(verdict_of(&claims, true), "conflicting");
}

#[test]
fn a_figure_repeated_by_many_articles_is_one_input_naming_every_statement() {
    let c = catalog(
        r#"[[derived]]
id = "cost_per_deportee"
description = "d"
formula = "us_payment_to_el_salvador / venezuelans_deported_to_cecot"
unit = "USD_per_person""#,
    )
    .unwrap();
    // 50 articles each state the same payment and the same count: one row, not 50 x 50.
    let mut claims = Vec::new();
    for k in 0..50 {
        let s = format!("s{k:02}");
        claims.push(claim(&format!("{s}:1-2"), &s, "us_payment_to_el_salvador", "exact", Some(1000.0), None));
        claims.push(claim(&format!("{s}:3-4"), &s, "venezuelans_deported_to_cecot", "exact", Some(10.0), None));
    }
    let out = derive(&c, &claims, &measures());
    let t = &out.table();
    assert_eq!(t.rows.len(), 1);
    let inputs = cell(&t.rows[0], t, "inputs");
    assert_eq!(inputs.split(';').count(), 100);
    assert!(inputs.starts_with("s00:1-2;s01:1-2;") && inputs.ends_with("s48:3-4;s49:3-4"), "{inputs}");
    assert_eq!(cell(&t.rows[0], t, "input_values"), "1000;10");
    assert!(out.capped.is_empty());
}

#[test]
fn article_scope_combines_each_articles_own_figures() {
    let c = catalog(
        r#"[[derived]]
id = "share"
description = "d"
formula = "deportees_no_criminal_record / venezuelans_deported_to_cecot * PERCENT"
unit = "percent"
same_source = ["deportees_no_criminal_record", "venezuelans_deported_to_cecot"]"#,
    )
    .unwrap();
    assert_eq!(c.entries[0].scope, cecot_data::transform::derived::Scope::Article);
    let claims = vec![
        claim("a:1-2", "a", "deportees_no_criminal_record", "exact", Some(5.0), None),
        claim("a:3-4", "a", "venezuelans_deported_to_cecot", "exact", Some(10.0), None),
        claim("b:1-2", "b", "deportees_no_criminal_record", "exact", Some(5.0), None),
        claim("b:3-4", "b", "venezuelans_deported_to_cecot", "exact", Some(20.0), None),
        claim("c:3-4", "c", "venezuelans_deported_to_cecot", "exact", Some(40.0), None),
    ];
    let out = derive(&c, &claims, &measures());
    let t = &out.table();
    let got: Vec<(String, String)> = t.rows.iter().map(|r| (cell(r, t, "inputs"), cell(r, t, "value"))).collect();
    assert_eq!(got, vec![("a:1-2;a:3-4".into(), "50".into()), ("b:1-2;b:3-4".into(), "25".into())]);
    // An explicit scope wins; an unknown one is an error naming the entry.
    let err = catalog("[[derived]]\nid = \"x\"\ndescription = \"d\"\nformula = \"es_prison_population\"\nunit = \"u\"\nscope = \"world\"").unwrap_err();
    assert!(err.to_string().contains("derived x: scope is \"world\""), "{err}");
}

#[test]
fn a_reference_over_the_cap_keeps_its_most_cited_figures_and_says_so() {
    let c = catalog(
        r#"max_figures_per_reference = 2
[[derived]]
id = "spread"
description = "d"
formula = "venezuelans_deported_to_cecot"
unit = "persons""#,
    )
    .unwrap();
    // 30 is stated three times, 20 twice, 10 and 40 once.
    let stated = [("a", 30.0), ("b", 30.0), ("c", 30.0), ("a", 20.0), ("b", 20.0), ("d", 10.0), ("e", 40.0)];
    let claims: Vec<Claim> = stated
        .iter()
        .enumerate()
        .map(|(i, (s, v))| claim(&format!("{s}:{i}-{}", i + 1), s, "venezuelans_deported_to_cecot", "exact", Some(*v), None))
        .collect();
    let out = derive(&c, &claims, &measures());
    let t = &out.table();
    let mut values: Vec<String> = t.rows.iter().map(|r| cell(r, t, "value")).collect();
    values.sort();
    assert_eq!(values, vec!["20", "30"]);
    assert_eq!(out.capped, vec!["spread: venezuelans_deported_to_cecot has 4 distinct figures; the 2 most-cited are combined"]);
    assert!(catalog("max_figures_per_reference = 0").is_err());
}

#[test]
fn distinct_sources_needs_a_statement_of_each_figure_from_its_own_source() {
    let c = catalog(
        r#"[[derived]]
id = "ratio"
description = "d"
formula = "cecot_cell_occupancy#a / cecot_cell_occupancy#b"
unit = "ratio"
distinct_sources = ["cecot_cell_occupancy#a", "cecot_cell_occupancy#b"]"#,
    )
    .unwrap();
    // 100 and 50 both stated only by a: no row; once b also states 50, both orders.
    let mut claims =
        vec![claim("a:1-2", "a", "cecot_cell_occupancy", "exact", Some(100.0), None), claim("a:3-4", "a", "cecot_cell_occupancy", "exact", Some(50.0), None)];
    assert!(derive(&c, &claims, &measures()).rows.is_empty());
    claims.push(claim("b:1-2", "b", "cecot_cell_occupancy", "exact", Some(50.0), None));
    let out = derive(&c, &claims, &measures());
    let t = &out.table();
    let got: Vec<(String, String)> = t.rows.iter().map(|r| (cell(r, t, "inputs"), cell(r, t, "value"))).collect();
    assert_eq!(got, vec![("a:1-2;a:3-4;b:1-2".into(), "2".into()), ("a:3-4;b:1-2;a:1-2".into(), "0.5".into())]);
}
