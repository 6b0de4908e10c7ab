//! Claims: which numbers are statements, which measure they state, and the period they
//! describe, in English and Spanish.

use chrono::NaiveDate;

use cecot_data::extract::{self, ArticleContext, Mention};
use cecot_data::pipeline::Knowledge;
use cecot_data::transform::{as_of, claims, running_totals};

fn read(lang: &str, text: &str, published: Option<&str>) -> Vec<Mention> {
    let k = Knowledge::load(None).unwrap();
    let lex = k.lexicons.get(lang).unwrap();
    let published = published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
    let mut ex = extract::extract(text, lex, ArticleContext { published, ..Default::default() });
    claims::assign_measures(&ex.doc, &mut ex.mentions, &k.measures, lex);
    as_of::assign_as_of(&ex.doc, &mut ex.mentions, lex, k.periods.words(lang), ex.reference_date, ex.reference_period);
    running_totals::apply(&ex.doc, &mut ex.mentions, &k.periods, lex, k.periods.words(lang), ex.reference_period);
    ex.mentions
}

fn find<'a>(ms: &'a [Mention], surface_part: &str) -> &'a Mention {
    ms.iter().find(|m| m.surface.contains(surface_part)).unwrap_or_else(|| panic!("no mention {surface_part:?} in {ms:#?}"))
}

#[test]
fn en_anchor_year_is_not_a_statement_but_dates_the_figure() {
    let ms = read("en", "In March 2025, the US deported 212 men to the prison.", None);
    assert!(!find(&ms, "March 2025").is_statement);
    let n = find(&ms, "212");
    assert!(n.is_statement);
    assert_eq!(n.as_of.map(|p| p.to_string()).as_deref(), Some("2025-03"));
}

#[test]
fn es_anchor_year_dates_the_figure() {
    let ms = read("es", "En 2019 había unos 30.100 reclusos en el país.", None);
    assert!(!find(&ms, "2019").is_statement);
    assert_eq!(find(&ms, "30.100").as_of.map(|p| p.to_string()).as_deref(), Some("2019"));
}

#[test]
fn en_between_two_years_is_an_interval() {
    let ms = read("en", "Between 2018 and 2023 the prison population grew by 150%.", None);
    assert_eq!(find(&ms, "150%").as_of.map(|p| p.to_string()).as_deref(), Some("2018/2023"));
}

#[test]
fn es_since_runs_to_the_article_date() {
    let ms = read("es", "Desde 2022, la red ha contado al menos 95 personas liberadas.", Some("2025-05-04"));
    assert_eq!(find(&ms, "95").as_of.map(|p| p.to_string()).as_deref(), Some("2022/2025-05-04"));
}

#[test]
fn en_this_month_resolves_against_published_date() {
    let ms = read("en", "This month, the government released 12 prisoners.", Some("2025-07-23"));
    assert_eq!(find(&ms, "12").as_of.map(|p| p.to_string()).as_deref(), Some("2025-07"));
}

#[test]
fn es_anoche_is_the_day_before() {
    let ms = read("es", "La Asamblea aprobó anoche la medida con 61 votos.", Some("2025-12-03"));
    assert_eq!(find(&ms, "61").as_of.map(|p| p.to_string()).as_deref(), Some("2025-12-02"));
}

#[test]
fn en_present_tense_takes_the_article_date() {
    let ms = read("en", "The system now holds about 99,000 inmates.", Some("2024-10-14"));
    assert_eq!(find(&ms, "99,000").as_of.map(|p| p.to_string()).as_deref(), Some("2024-10-14"));
}

#[test]
fn en_year_in_a_name_anchors_nothing() {
    let ms = read("en", "Under the Alien Enemies Act of 1798, officials removed 120 people.", None);
    assert!(!find(&ms, "1798").is_statement);
    assert_eq!(find(&ms, "120").as_of, None);
}

#[test]
fn en_partitive_one_is_not_a_statement() {
    let ms = read("en", "One of the inmates said the guards beat him.", None);
    assert!(!find(&ms, "One").is_statement);
}

#[test]
fn es_partitive_uno_is_not_a_statement() {
    let ms = read("es", "Uno de ellos fue trasladado al penal.", None);
    assert!(!find(&ms, "Uno").is_statement);
}

#[test]
fn en_citation_marker_and_gang_name_are_not_statements() {
    let ms = read("en", "Members of MS-13 were held there.[7]", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn es_gang_name_is_not_a_statement() {
    let ms = read("es", "Detuvieron a miembros del Barrio 18 en la colonia.", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn en_ordinal_and_list_enumerator_are_not_statements() {
    let ms = read("en", "Notes:\n1. It was the first riot in the prison.", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn es_threshold_defining_a_group_is_not_a_statement() {
    let ms = read("es", "Hay 1.200 presos menores de 18 años.", None);
    assert!(!find(&ms, "menores de 18").is_statement);
    assert!(find(&ms, "1.200").is_statement);
}

#[test]
fn en_publication_boilerplate_is_not_a_statement() {
    let ms = read("en", "Join 5,000 subscribers for our weekly digest.", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn es_reading_time_is_not_a_statement() {
    let ms = read("es", "Por Redacción | Lectura: 6 minutos", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn en_front_matter_date_is_metadata() {
    let ms = read("en", "---\npublished: 2025-01-20\n---\nThe jail held 300 men.", None);
    assert!(!find(&ms, "2025-01-20").is_statement);
}

#[test]
fn en_opening_date_is_a_claim_with_its_measure() {
    let ms = read("en", "When the government opened CECOT in 2023, officials called it a model.", None);
    let y = find(&ms, "2023");
    assert!(y.is_statement);
    assert_eq!(y.measure.as_deref(), Some("cecot_opening_date"));
}

#[test]
fn es_opening_date_is_a_claim_with_its_measure() {
    let ms = read("es", "El CECOT, inaugurado en 2023, alberga a miles de reos.", None);
    assert_eq!(find(&ms, "2023").measure.as_deref(), Some("cecot_opening_date"));
}

#[test]
fn en_capacity_and_population_get_their_measures() {
    let ms = read("en", "The country's prisons have a total capacity of 50,000 inmates. The prison system held 90,000 inmates.", None);
    assert_eq!(find(&ms, "50,000").measure.as_deref(), Some("es_prison_capacity"));
    assert_eq!(find(&ms, "90,000").measure.as_deref(), Some("es_prison_population"));
}

#[test]
fn es_payment_gets_its_measure() {
    let ms = read("es", "Estados Unidos ha pagado US$3,2 millones a El Salvador por custodiar a migrantes deportados.", None);
    assert_eq!(find(&ms, "US$3,2 millones").measure.as_deref(), Some("us_payment_to_el_salvador"));
}

#[test]
fn unrelated_statement_keeps_an_empty_measure() {
    let ms = read("en", "Her neighbour owns 3 goats.", None);
    assert_eq!(find(&ms, "3").measure, None);
}

#[test]
fn en_sourcing_count_has_no_period() {
    let ms = read("en", "In May 2025 the guards beat them, four inmates told me.", None);
    assert_eq!(find(&ms, "four inmates").as_of, None);
}

#[test]
fn en_level_reached_by_a_change_takes_the_end_of_the_period() {
    let ms = read("en", "The prison population grew by 150% between 2018 and 2023 to 98,000.", None);
    assert_eq!(find(&ms, "98,000").as_of.map(|p| p.to_string()).as_deref(), Some("2023"));
    assert_eq!(find(&ms, "150%").as_of.map(|p| p.to_string()).as_deref(), Some("2018/2023"));
}

#[test]
fn en_survey_period_covers_later_findings() {
    let ms = read("en", "Between June and November 2024 we surveyed 150 families. Half of them had no notice.", Some("2025-02-01"));
    assert_eq!(find(&ms, "Half").as_of.map(|p| p.to_string()).as_deref(), Some("2024-06/2024-11"));
}

#[test]
fn en_from_to_change_gives_each_figure_its_own_year() {
    let ms = read("en", "Deaths in custody rose from 12 in 2021 to 30 in 2022.", None);
    assert_eq!(find(&ms, "12").as_of.map(|p| p.to_string()).as_deref(), Some("2021"));
    assert_eq!(find(&ms, "30").as_of.map(|p| p.to_string()).as_deref(), Some("2022"));
}

#[test]
fn es_de_a_change_gives_each_figure_its_own_year() {
    let ms = read("es", "Las muertes pasaron de 12 en 2021 a 30 en 2022.", None);
    assert_eq!(find(&ms, "12").as_of.map(|p| p.to_string()).as_deref(), Some("2021"));
    assert_eq!(find(&ms, "30").as_of.map(|p| p.to_string()).as_deref(), Some("2022"));
}

#[test]
fn en_change_between_two_years_gives_its_ends_their_years() {
    let ms = read("en", "Requests rose sharply between 2019 and 2023, from 210 to 3,900, officials said.", None);
    assert_eq!(find(&ms, "210").as_of.map(|p| p.to_string()).as_deref(), Some("2019"));
    assert_eq!(find(&ms, "3,900").as_of.map(|p| p.to_string()).as_deref(), Some("2023"));
}

#[test]
fn en_fiscal_year_anchor_covers_october_to_september() {
    let ms = read("en", "The agency removed 8,100 people in fiscal year 2024.", None);
    assert_eq!(find(&ms, "8,100").as_of.map(|p| p.to_string()).as_deref(), Some("2023-10/2024-09"));
}

#[test]
fn en_lone_one_is_a_pronoun_not_a_statement() {
    let ms = read("en", "They gave them shocks and drew blood from one.", None);
    assert!(!find(&ms, "one").is_statement);
}

#[test]
fn en_year_of_a_law_is_never_a_date_claim() {
    let ms = read("en", "The Safe Third Country Transfers Act of 2024 was partly blocked by a judge.", None);
    assert!(!find(&ms, "2024").is_statement);
}

#[test]
fn es_rank_word_does_not_hide_the_claim_context() {
    let ms = read("es", "El régimen de excepción se aprobó por primera vez el 27 de marzo de 2022.", None);
    let d = find(&ms, "27 de marzo");
    assert_eq!(d.measure.as_deref(), Some("es_state_of_exception_start"), "{ms:#?}");
}

#[test]
fn en_age_in_apposition_to_a_name_is_that_persons_age() {
    let ms = read("en", "Lena Ortiz was arrested in May. Later, Ortiz, 29, told reporters she was held for weeks.", None);
    let age = find(&ms, "29");
    assert_eq!(age.measure.as_deref(), Some("age_lena_ortiz"), "a surname alone takes the full name given earlier");
    assert_eq!(age.as_of, None, "the sentence's events do not date the age");
    let ms = read("en", "When Omar Díaz Peña, a 40-year-old baker, arrived, the cells were full.", None);
    assert_eq!(find(&ms, "40-year-old").measure.as_deref(), Some("age_omar_diaz_pena"), "'When' opens the sentence, it is not a name");
    let ms = read("en", "The youngest was 19, and a 52-year-old farmer died.", None);
    assert!(find(&ms, "52-year-old").measure.as_deref().is_none_or(|m| !m.starts_with("age_") || m.contains("youngest")));
}

#[test]
fn es_age_in_apposition_to_a_name_is_that_persons_age() {
    let ms = read("es", "Uno de ellos, José de la Cruz, de 17 años, fue trasladado.", None);
    assert_eq!(find(&ms, "17 años").measure.as_deref(), Some("age_jose_de_la_cruz"));
    let ms = read("es", "«No lo he visto», dice Marta, de 61 años.", None);
    assert_eq!(find(&ms, "61 años").measure.as_deref(), Some("age_marta"));
}

// The as_of patterns of GUIDELINE section 5, each in the language it was not yet tested in.

#[test]
fn es_between_two_years_is_an_interval() {
    let ms = read("es", "Entre 2018 y 2023 la población penitenciaria creció un 150%.", None);
    assert_eq!(find(&ms, "150%").as_of.map(|p| p.to_string()).as_deref(), Some("2018/2023"));
}

#[test]
fn en_between_two_full_dates_is_a_day_interval() {
    let ms = read("en", "Between March 27, 2022, and March 27, 2023, police arrested 66,000 people.", None);
    assert_eq!(find(&ms, "66,000").as_of.map(|p| p.to_string()).as_deref(), Some("2022-03-27/2023-03-27"));
}

#[test]
fn es_between_two_full_dates_is_a_day_interval() {
    let ms = read("es", "Entre el 27 de marzo de 2022 y el 27 de marzo de 2023, la policía detuvo a 66.000 personas.", None);
    assert_eq!(find(&ms, "66.000").as_of.map(|p| p.to_string()).as_deref(), Some("2022-03-27/2023-03-27"));
}

#[test]
fn en_since_runs_to_the_article_date() {
    let ms = read("en", "Since 2022, the network has counted at least 95 released prisoners.", Some("2025-05-04"));
    assert_eq!(find(&ms, "95").as_of.map(|p| p.to_string()).as_deref(), Some("2022/2025-05-04"));
}

#[test]
fn en_early_year_dates_the_figure() {
    let ms = read("en", "In early 2024, the ministry counted 4,000 new cells.", None);
    assert_eq!(find(&ms, "4,000").as_of.map(|p| p.to_string()).as_deref(), Some("2024"));
}

#[test]
fn es_early_year_dates_the_figure() {
    let ms = read("es", "A principios de 2024, el ministerio contó 4.000 celdas nuevas.", None);
    assert_eq!(find(&ms, "4.000").as_of.map(|p| p.to_string()).as_deref(), Some("2024"));
}

#[test]
fn en_last_summer_is_the_summer_before_the_article() {
    let ms = read("en", "Last summer, guards moved 300 inmates to the new wing.", Some("2025-03-10"));
    assert_eq!(find(&ms, "300").as_of.map(|p| p.to_string()).as_deref(), Some("2024-06/2024-08"));
    let ms = read("en", "Last summer, guards moved 300 inmates to the new wing.", Some("2025-10-10"));
    assert_eq!(find(&ms, "300").as_of.map(|p| p.to_string()).as_deref(), Some("2025-06/2025-08"));
}

#[test]
fn es_last_summer_is_the_summer_before_the_article() {
    let ms = read("es", "El verano pasado, los custodios trasladaron a 300 reos al nuevo pabellón.", Some("2025-03-10"));
    assert_eq!(find(&ms, "300").as_of.map(|p| p.to_string()).as_deref(), Some("2024-06/2024-08"));
}

#[test]
fn es_this_month_resolves_against_published_date() {
    let ms = read("es", "Este mes, el Gobierno liberó a 12 presos.", Some("2025-07-23"));
    assert_eq!(find(&ms, "12").as_of.map(|p| p.to_string()).as_deref(), Some("2025-07"));
}

#[test]
fn en_last_night_is_the_day_before() {
    let ms = read("en", "The Assembly approved the measure last night with 61 votes.", Some("2025-12-03"));
    assert_eq!(find(&ms, "61").as_of.map(|p| p.to_string()).as_deref(), Some("2025-12-02"));
}

#[test]
fn es_present_tense_takes_the_article_date() {
    let ms = read("es", "El sistema alberga hoy unos 99.000 reclusos.", Some("2024-10-14"));
    assert_eq!(find(&ms, "99.000").as_of.map(|p| p.to_string()).as_deref(), Some("2024-10-14"));
}

#[test]
fn es_survey_period_covers_later_findings() {
    let ms = read("es", "Entre junio y noviembre de 2024 encuestamos a familias. El 40% dijo que no recibía visitas.", None);
    assert_eq!(find(&ms, "40%").as_of.map(|p| p.to_string()).as_deref(), Some("2024-06/2024-11"));
}

#[test]
fn es_sourcing_count_has_no_period() {
    let ms = read("es", "En marzo de 2025, tres presos me dijeron que los golpeaban.", None);
    let n = find(&ms, "tres");
    assert!(n.is_statement);
    assert_eq!(n.as_of, None);
}

// The non-statement rules of GUIDELINE section 4, each in the language it was not yet tested in.

#[test]
fn es_year_in_a_name_anchors_nothing() {
    let ms = read("es", "Con la Ley de Enemigos Extranjeros de 1798, el Gobierno expulsó a 120 personas.", None);
    assert!(!find(&ms, "1798").is_statement);
    assert_eq!(find(&ms, "120").as_of, None);
}

#[test]
fn es_citation_marker_is_not_a_statement() {
    let ms = read("es", "Los miembros de la MS-13 fueron recluidos allí.[7]", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn es_ordinal_and_list_enumerator_are_not_statements() {
    let ms = read("es", "Notas:\n1. Fue el primer motín en el penal.", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn en_threshold_defining_a_group_is_not_a_statement() {
    let ms = read("en", "There are 1,200 prisoners under 18 years old.", None);
    assert!(!find(&ms, "18").is_statement);
    assert!(find(&ms, "1,200").is_statement);
}

#[test]
fn interface_text_is_not_a_statement() {
    for (lang, text) in [("en", "Playback speed 1.0x"), ("es", "Velocidad de reproducción 1.0x")] {
        let ms = read(lang, text, None);
        assert!(ms.iter().all(|m| !m.is_statement), "{lang}: {ms:#?}");
    }
}

#[test]
fn es_publication_boilerplate_is_not_a_statement() {
    let ms = read("es", "Únase a los 5.000 suscriptores de nuestro boletín semanal.", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn es_front_matter_date_is_metadata() {
    let ms = read("es", "---\npublished: 2025-01-20\n---\nLa cárcel tenía 300 hombres.", None);
    assert!(!find(&ms, "2025-01-20").is_statement);
}

#[test]
fn en_reading_time_is_not_a_statement() {
    let ms = read("en", "By Staff | Reading time: 6 minutes", None);
    assert!(ms.iter().all(|m| !m.is_statement), "{ms:#?}");
}

#[test]
fn es_anchor_month_is_not_a_statement_but_dates_the_figure() {
    let ms = read("es", "En marzo de 2025, EE. UU. deportó a 212 hombres al penal.", None);
    assert!(!find(&ms, "marzo de 2025").is_statement);
    assert_eq!(find(&ms, "212").as_of.map(|p| p.to_string()).as_deref(), Some("2025-03"));
}

#[test]
fn es_year_of_a_sources_report_still_dates_the_figure() {
    // "de" after a name dates a source unless the name is a law, a treaty... (name_year_heads).
    let ms = read("es", "Según un informe de Cristosal de 2024, murieron 95 reos.", None);
    assert_eq!(find(&ms, "95").as_of.map(|p| p.to_string()).as_deref(), Some("2024"));
}

#[test]
fn this_winter_runs_over_the_new_year() {
    let ms = read("en", "This winter, 40 inmates fell ill.", Some("2025-01-15"));
    assert_eq!(find(&ms, "40").as_of.map(|p| p.to_string()).as_deref(), Some("2024-12/2025-02"));
    let ms = read("en", "Last winter, 40 inmates fell ill.", Some("2025-01-15"));
    assert_eq!(find(&ms, "40").as_of.map(|p| p.to_string()).as_deref(), Some("2023-12/2024-02"));
}

#[test]
fn count_without_its_noun_continues_the_count_before_it() {
    let ms = read("en", "Of the 500 detainees, 204 died in hospital and 41 were found dead in their cells.", None);
    assert_eq!(find(&ms, "204").unit.as_deref(), Some("persons"));
    assert_eq!(find(&ms, "41").unit.as_deref(), Some("persons"));
    let ms = read("es", "La Asamblea aprobó la medida con 60 votos a favor y tres en contra.", None);
    assert_eq!(find(&ms, "tres").unit.as_deref(), Some("votes"));
}

#[test]
fn count_without_its_noun_takes_its_measures_unit() {
    let ms = read("en", "In 2024, El Salvador's prison population reached 9,000.", None);
    let n = find(&ms, "9,000");
    assert_eq!(n.measure.as_deref(), Some("es_prison_population"));
    assert_eq!(n.unit.as_deref(), Some("persons"));
}

#[test]
fn since_then_runs_from_the_last_date_to_the_article_date() {
    let ms = read("es", "El régimen se aprobó el 27 de marzo de 2022. Desde entonces la policía ha realizado 9.300 capturas.", Some("2025-12-03"));
    assert_eq!(find(&ms, "9.300").as_of.map(|p| p.to_string()).as_deref(), Some("2022-03-27/2025-12-03"));
    let ms = read("en", "Her son was taken on June 14, 2022. Since then she has made 90 trips to the prison.", Some("2025-09-09"));
    assert_eq!(find(&ms, "90").as_of.map(|p| p.to_string()).as_deref(), Some("2022-06-14/2025-09-09"));
}

#[test]
fn a_relative_date_dates_the_next_sentences_too() {
    let ms = read("es", "La Asamblea aprobó anoche la prórroga. La medida se extenderá otros 30 días.", Some("2025-12-03"));
    assert_eq!(find(&ms, "30 días").as_of.map(|p| p.to_string()).as_deref(), Some("2025-12-02"));
}

#[test]
fn a_figure_without_its_own_anchor_takes_the_sentences_first() {
    let ms = read("en", "The system held about 104,800 inmates in mid-2023, in facilities built for 58,300.", Some("2024-10-14"));
    assert_eq!(find(&ms, "58,300").as_of.map(|p| p.to_string()).as_deref(), Some("2023"));
}

#[test]
fn a_duration_in_the_present_tense_is_a_term_without_a_date() {
    let ms = read("es", "La Constitución establece que ningún detenido puede pasar más de 72 horas sin ver a un juez.", Some("2025-04-14"));
    assert_eq!(find(&ms, "72 horas").as_of, None);
}

#[test]
fn a_changes_baseline_year_does_not_date_the_rest_of_the_sentence() {
    let text = "Between 2020 and 2024 the number of inmates grew to 98,000. That is up from just 7,100 inmates in 2000, putting the occupancy rate at 150%.";
    let ms = read("en", text, None);
    assert_eq!(find(&ms, "7,100").as_of.map(|p| p.to_string()).as_deref(), Some("2000"));
    assert_ne!(find(&ms, "150%").as_of.map(|p| p.to_string()).as_deref(), Some("2000"));
}

#[test]
fn a_context_word_alone_names_no_measure() {
    // "personas" and "released" say who is counted, not which quantity: a cue must agree.
    let ms = read("es", "Unas 15.000 personas asistieron al concierto del domingo.", None);
    assert_eq!(find(&ms, "15.000").measure, None);
    let ms = read("en", "In the end 40 hostages were released by the rebels.", None);
    assert_eq!(find(&ms, "40").measure, None);
}

#[test]
fn a_multipliers_unit_names_its_baseline_year() {
    let ms = read("en", "In 2024 some 2,100 inmates were freed, four times as many as in 2023.", None);
    assert_eq!(find(&ms, "four times").unit.as_deref(), Some("x_2023_level"));
    let ms = read("es", "Entre 2020 y 2024 la población penitenciaria se triplicó.", None);
    assert_eq!(find(&ms, "triplicó").unit.as_deref(), Some("x_2020_level"));
    let ms = read("en", "The population has grown tenfold since the 1990s.", None);
    assert_eq!(find(&ms, "tenfold").unit.as_deref(), Some("x_1990s_level"));
    // A lone year before the multiplier dates the claim; it is no baseline.
    let ms = read("es", "En 2024 la tasa fue unas 30 veces mayor que la de la población general.", None);
    assert_eq!(find(&ms, "30 veces").unit, None);
}

#[test]
fn an_elliptical_figure_reads_the_clause_before() {
    let ms = read("en", "On average they had spent 14 months in pretrial detention; the longest, 31 months.", None);
    assert_eq!(find(&ms, "31 months").measure.as_deref(), Some("es_prison_deaths_max_pretrial_detention"));
}

#[test]
fn since_with_an_article_runs_to_the_article_date_but_dates_the_next_sentence_by_its_day() {
    let text = "Más de 9.000 personas han sido detenidas desde el 27 de marzo de 2022. Ese día se llevaron a once muchachos.";
    let ms = read("es", text, Some("2025-10-15"));
    assert_eq!(find(&ms, "9.000").as_of.map(|p| p.to_string()).as_deref(), Some("2022-03-27/2025-10-15"));
    assert_eq!(find(&ms, "once").as_of.map(|p| p.to_string()).as_deref(), Some("2022-03-27"));
}

#[test]
fn a_title_is_no_part_of_a_persons_name() {
    let ms = read("en", "President Nayib Bukele, 43, dismissed the criticism.", None);
    assert_eq!(find(&ms, "43").measure.as_deref(), Some("age_nayib_bukele"));
}

#[test]
fn a_sentence_without_past_forms_is_present() {
    let ms = read("en", "Polls suggest roughly 9 in 10 Salvadorans support the policy.", Some("2025-06-02"));
    assert_eq!(find(&ms, "9 in 10").as_of.map(|p| p.to_string()).as_deref(), Some("2025-06-02"));
    let ms = read("es", "- Unos 109.000 reclusos en un sistema con capacidad para 70.000.", Some("2025-10-15"));
    assert_eq!(find(&ms, "109.000").as_of.map(|p| p.to_string()).as_deref(), Some("2025-10-15"));
    // A past form keeps the article's date away.
    let ms = read("en", "Guards moved 300 inmates to the new wing.", Some("2025-06-02"));
    assert_eq!(find(&ms, "300").as_of, None);
}

#[test]
fn counts_of_sources_have_no_period() {
    let ms = read("en", "We confirm each case with two independent sources.", Some("2025-01-20"));
    assert_eq!(find(&ms, "two").as_of, None);
}

#[test]
fn a_between_span_beats_the_nearest_date_in_a_sentence_of_three() {
    let text = "Los 252 venezolanos que Estados Unidos envió a ese penal entre marzo y abril fueron repatriados el 18 de julio.";
    let ms = read("es", text, Some("2025-09-30"));
    assert_eq!(find(&ms, "252").as_of.map(|p| p.to_string()).as_deref(), Some("2025-03/2025-04"));
}

#[test]
fn units_read_from_the_text_keep_a_wrong_measure_away() {
    // "siete" counts the Venezuelans of its sentence; a measure of pavilions cannot take it.
    let ms = read("es", "De los 11 venezolanos de su barrio detenidos en Texas, siete están en el CECOT.", None);
    let m = find(&ms, "siete");
    assert_eq!(m.unit.as_deref(), Some("persons"));
    assert_ne!(m.measure.as_deref(), Some("cecot_pavilions"));
}

#[test]
fn movement_is_never_capacity() {
    let ms = read("en", "The administration has sent 288 men to the Terrorism Confinement Center since March 15.", None);
    assert_ne!(find(&ms, "288").measure.as_deref(), Some("cecot_capacity"));
}

#[test]
fn since_a_decade_runs_from_its_first_year() {
    let ms = read("en", "The prison population has grown tenfold since the 1990s.", Some("2024-10-14"));
    assert_eq!(find(&ms, "tenfold").as_of.map(|p| p.to_string()).as_deref(), Some("1990/2024-10-14"));
    for m in &ms {
        if let Some(p) = &m.as_of {
            assert!(as_of::as_of_bounds(&p.to_string()).is_some(), "{p:?} is not a period");
        }
    }
}

#[test]
fn a_figure_without_its_own_anchor_takes_the_sentences_span() {
    let text = "ICE counted 9,270 Salvadorans removed in fiscal year 2024 and 6,115 between October and March, about 1,020 a month.";
    let ms = read("en", text, Some("2025-05-06"));
    assert_eq!(find(&ms, "1,020").as_of.map(|p| p.to_string()).as_deref(), Some("2024-10/2025-03"));
}

fn as_of_of(ms: &[Mention], surface_part: &str) -> String {
    find(ms, surface_part).as_of.map(|p| p.to_string()).unwrap_or_default()
}

#[test]
fn a_weekday_without_a_date_is_the_last_such_day_up_to_the_article() {
    // 10 June 2021 was a Thursday.
    let ms = read("en", "The minister said Tuesday that 512 prisoners were released.", Some("2021-06-10"));
    assert_eq!(as_of_of(&ms, "512"), "2021-06-08");
    let ms = read("es", "El ministro dijo este lunes que fueron liberados 512 reos.", Some("2021-06-10"));
    assert_eq!(as_of_of(&ms, "512"), "2021-06-07");
}

#[test]
fn a_comparisons_baseline_does_not_date_the_figures_after_it() {
    let ms = read("en", "The port handled 410 ships in 2020, 12% more than in 2019, with about 9,300 sailors.", None);
    assert_eq!(as_of_of(&ms, "9,300"), "2020");
    let ms = read("es", "El puerto recibió 410 barcos en 2020, un 12 % más que en 2019, con unos 9.300 marinos.", None);
    assert_eq!(as_of_of(&ms, "9.300"), "2020");
}

#[test]
fn a_series_of_rates_dated_by_year_shares_its_first_members_measure() {
    let ms = read(
        "en",
        "Murders keep falling in El Salvador. The homicide rate was 41 per 100,000 inhabitants in 2018, 22.5 in 2019 and 9.1 in 2020.",
        Some("2021-02-01"),
    );
    for surface in ["41 per", "22.5", "9.1"] {
        assert_eq!(find(&ms, surface).measure.as_deref(), Some("es_homicide_rate"), "{surface}");
    }
    assert_eq!(find(&ms, "9.1").as_of.map(|p| p.to_string()).as_deref(), Some("2020"));
    // With Spanish frames on, a rate whose article names no country is no El Salvador's (as in English).
    let ms = read("es", "Los homicidios siguen bajando en El Salvador. La tasa de homicidios fue de 41 por cada 100.000 habitantes en 2018, 22,5 en 2019 y 9,1 en 2020.", Some("2021-02-01"));
    assert_eq!(find(&ms, "9,1").measure.as_deref(), Some("es_homicide_rate"));
}

#[test]
fn a_figure_a_continuation_cue_ties_to_the_one_before_shares_its_measure() {
    let ms = read("en", "By December the prison population had reached 98,700, up from 31,400 in 2019.", Some("2024-01-10"));
    assert_eq!(find(&ms, "98,700").measure.as_deref(), Some("es_prison_population"));
    assert_eq!(find(&ms, "31,400").measure.as_deref(), Some("es_prison_population"));
    assert_eq!(find(&ms, "31,400").as_of.map(|p| p.to_string()).as_deref(), Some("2019"));
}

#[test]
fn a_setting_word_in_a_neighbouring_clause_does_not_name_what_a_figure_counts() {
    // `cárceles` sets the scene of the capacity's clause too; the figure of the first clause
    // counts people held, not places.
    let ms = read("es", "Las cárceles del país alojaban a 91.000 personas, aunque su capacidad oficial es de 58.000.", Some("2024-03-01"));
    assert_eq!(find(&ms, "91.000").measure.as_deref(), Some("es_prison_population"));
    assert_eq!(find(&ms, "58.000").measure.as_deref(), Some("es_prison_capacity"));
}

#[test]
fn a_figure_of_another_country_gets_no_measure_of_el_salvador() {
    let ms =
        read("en", "El Salvador's homicide rate fell to 2.1 per 100,000 people, while in Honduras the homicide rate was 25.3 per 100,000.", Some("2025-01-10"));
    assert_eq!(find(&ms, "2.1").measure.as_deref(), Some("es_homicide_rate"));
    assert_eq!(find(&ms, "25.3").measure, None);
    // The place may open the clause before the figure's.
    let ms = read(
        "en",
        "El Salvador's incarceration rate is 1,600 prisoners per 100,000 residents, against that of Chile, where the incarceration rate is 230 per 100,000.",
        Some("2025-01-10"),
    );
    assert_eq!(find(&ms, "1,600").measure.as_deref(), Some("es_incarceration_rate"));
    assert_eq!(find(&ms, "230").measure, None);
    // The place opening the sentence holds for all its figures, unless El Salvador is named too.
    let ms = read(
        "es",
        "El país norteño tiene dos millones de presos, la cifra más alta del mundo, con una tasa de encarcelamiento de 541 por cada 100.000 habitantes.",
        Some("2025-01-10"),
    );
    assert_ne!(find(&ms, "541").measure.as_deref(), Some("es_incarceration_rate"));
    let ms = read("es", "En México la tasa de homicidios fue de 24 por cada 100.000 habitantes.", Some("2025-01-10"));
    assert_eq!(find(&ms, "24").measure, None);
}

#[test]
fn a_projection_word_governs_its_clause_across_a_year() {
    let ms = read("es", "El sistema penitenciario cerrará 2025 con más de 120.000 reos, según el ministerio.", Some("2025-06-01"));
    assert_eq!(find(&ms, "120.000").measure, None);
    assert!(find(&ms, "120.000").measure_evidence.as_deref().is_some_and(|e| e.starts_with("projection")));
}

#[test]
fn a_difference_between_two_figures_gets_no_measure() {
    let ms = read("es", "Desde el inicio del régimen de excepción, la policía suma 512 capturas más que las 70.000 del año anterior.", Some("2024-05-01"));
    assert_eq!(find(&ms, "512").measure, None);
    assert_eq!(find(&ms, "512").measure_evidence.as_deref(), Some("difference: más que"));
    let ms = read("en", "Under the state of exception, police arrested 1,200 more than the year before.", Some("2024-05-01"));
    assert_eq!(find(&ms, "1,200").measure, None);
}

#[test]
fn the_level_a_change_verb_leads_to_states_the_measure() {
    let ms = read("en", "The country's prison population has tripled to 98,000 in less than two years.", Some("2024-03-01"));
    assert_eq!(find(&ms, "98,000").measure.as_deref(), Some("es_prison_population"));
}

#[test]
fn a_date_after_a_pronoun_takes_its_subject_from_the_sentence_before() {
    let ms =
        read("es", "La Asamblea prorrogó otra vez el régimen de excepción. La medida fue aprobada por primera vez el 27 de marzo de 2022.", Some("2024-05-01"));
    assert_eq!(find(&ms, "27 de marzo").measure.as_deref(), Some("es_state_of_exception_start"));
}

#[test]
fn a_date_after_an_english_pronoun_takes_the_subject_before() {
    let ms = read("en", "Congress extended the state of emergency for a ninth time. It was first declared in April.", Some("2023-01-10"));
    assert_eq!(find(&ms, "April").measure.as_deref(), Some("es_state_of_exception_start"));
}

#[test]
fn en_the_verb_right_before_a_figure_is_its_own_word() {
    // "holds" governs the figure though the subject stands a clause away.
    let ms = read("en", "The prison system, by official count, holds some 90,000 people.", None);
    assert_eq!(find(&ms, "90,000").measure.as_deref(), Some("es_prison_population"));
}

#[test]
fn en_the_frames_fill_a_figure_the_word_scores_leave_empty() {
    // Its own noun names what it counts (held) and its clause whose it is (CECOT).
    let ms = read("en", "Rights groups counted 900 prisoners in CECOT, and the ministry says 300 more arrived last month.", None);
    let m = find(&ms, "900");
    assert_eq!(m.measure.as_deref(), Some("cecot_inmate_population"));
    assert_eq!(m.measure_evidence.as_deref(), Some("quantity: prisoners (own) ; subject: cecot (own)"));
}

#[test]
fn en_a_unit_taken_from_the_count_before_names_no_quantity() {
    // "120 of them" takes "flights" from the count before, but it counts men, not flights.
    let ms = read("en", "The US flew 230 Venezuelan men to CECOT on two flights, 120 of them under the Alien Enemies Act.", None);
    assert_eq!(find(&ms, "two flights").measure.as_deref(), Some("deportation_flights_to_cecot"));
    assert_eq!(find(&ms, "120").measure, None);
}

#[test]
fn en_a_duration_alone_is_not_how_long_the_state_of_exception_lasted() {
    // "in less than two years" is the window of a change, not the state's age.
    let ms = read("en", "The prison population doubled to 80,000 in less than two years under the crackdown.", None);
    assert_eq!(find(&ms, "two years").measure, None);
}

#[test]
fn en_a_scored_measure_whose_frame_is_not_read_is_refused() {
    // Nothing around the figure says deported or held: the men live elsewhere now (being home
    // again is a return from CECOT: venezuelans_released_from_cecot).
    let ms = read("en", "Tonight the 150 Venezuelan men who spent five months inside CECOT now live in Madrid.", None);
    let m = find(&ms, "150");
    assert_eq!(m.measure, None);
    assert!(m.measure_evidence.as_deref().unwrap_or("").starts_with("not venezuelans_deported_to_cecot"), "{:?}", m.measure_evidence);
}

#[test]
fn en_a_time_unit_allows_the_duration_of_the_state_of_exception() {
    // The frames' check reads "two-year" as a duration, though it does not choose by it.
    let ms = read("en", "The country marked a two-year state of emergency with a parade of police, while rights groups protested.", None);
    assert_eq!(find(&ms, "two-year").measure.as_deref(), Some("es_state_of_exception_duration"));
}

#[test]
fn en_a_date_after_an_opening_pronoun_takes_the_subject_of_the_sentence_before() {
    let text =
        "Lawmakers approved the state of exception after a weekend of killings. It was first declared on March 20 and has been extended every month since.";
    let ms = read("en", text, Some("2022-06-01"));
    assert_eq!(find(&ms, "March 20").measure.as_deref(), Some("es_state_of_exception_start"));
}

#[test]
fn en_a_clause_in_the_present_perfect_is_not_dated_by_another_figures_clause() {
    // "in 2018" belongs to the population's clause; the arrests are counted up to the article.
    let text = "Police have made some 60,000 arrests under the crackdown, and the prison population, which stood at about 30,000 in 2018, now nears 90,000.";
    let ms = read("en", text, Some("2024-05-02"));
    assert_eq!(find(&ms, "60,000").as_of.map(|p| p.to_string()).as_deref(), Some("2024-05-02"));
    assert_eq!(find(&ms, "30,000").as_of.map(|p| p.to_string()).as_deref(), Some("2018"));
}

#[test]
fn en_a_figures_own_verb_outranks_a_quantity_named_only_in_another_clause() {
    // "were arrested" is the figure's own; "released" belongs to the 4,000 of the next clause.
    let text =
        "The ministry says 50,000 people were arrested under the state of exception in its first year, and about 4,000 of them had been released by May.";
    let ms = read("en", text, Some("2024-01-01"));
    assert_eq!(find(&ms, "50,000").measure.as_deref(), Some("es_state_of_exception_arrests"));
    assert_eq!(find(&ms, "4,000").measure.as_deref(), Some("es_state_of_exception_detainees_released"));
}

#[test]
fn en_an_anaphoric_noun_counts_what_the_sentence_before_counts() {
    let text =
        "Under the state of exception, police have arrested thousands of people suspected of gang ties. Officials say the number reached 70,100 this week.";
    let ms = read("en", text, Some("2024-01-01"));
    assert_eq!(find(&ms, "70,100").measure.as_deref(), Some("es_state_of_exception_arrests"));
    // A complement names what the noun counts: it stands for nothing before.
    let text = "Under the state of exception, police have arrested thousands of people. The number of doctors reached 1,200 this week.";
    assert_eq!(find(&read("en", text, Some("2024-01-01")), "1,200").measure, None);
}

#[test]
fn en_a_relative_clause_is_about_the_noun_before_it() {
    // "which" takes the mega-prison for its subject: its capacity, not the prison system's.
    let text = "Officials say 9,000 inmates now sleep in the mega-prison, which they describe as built for 30,000.";
    let m = read("en", text, Some("2024-01-01")).into_iter().find(|m| m.surface.contains("30,000")).unwrap();
    assert_eq!(m.measure.as_deref(), Some("cecot_capacity"));
    assert!(m.measure_evidence.as_deref().unwrap_or("").contains("not es_prison_capacity"), "{:?}", m.measure_evidence);
}

#[test]
fn en_a_capacity_may_be_counted_in_beds() {
    // A measure's frame lists the units its statements may carry besides its own.
    let ms = read("en", "The government says CECOT has 40,000 beds in eight pavilions.", Some("2024-01-01"));
    let m = find(&ms, "40,000");
    assert_eq!(m.unit.as_deref(), Some("beds"));
    assert_eq!(m.measure.as_deref(), Some("cecot_capacity"));
}

#[test]
fn en_baseline_at_the_close_of_a_year_is_its_own() {
    let ms = read("en", "By mid-2024 the jails held 90,500 people, up from 41,300 at the close of 2019.", None);
    assert_eq!(find(&ms, "41,300").as_of.map(|p| p.to_string()).as_deref(), Some("2019"));
}

#[test]
fn en_the_year_before_is_the_year_before_the_sentence_anchor() {
    let ms = read("en", "The murder rate dropped to 3.1 per 100,000 in 2021, from 9.4 the year before.", None);
    assert_eq!(find(&ms, "3.1").as_of.map(|p| p.to_string()).as_deref(), Some("2021"));
    assert_eq!(find(&ms, "9.4").as_of.map(|p| p.to_string()).as_deref(), Some("2020"));
}

#[test]
fn es_el_ano_anterior_is_the_year_before_the_sentence_anchor() {
    let ms = read("es", "La tasa de homicidios bajó a 3,1 por cada 100.000 habitantes en 2021, desde 9,4 el año anterior.", None);
    assert_eq!(find(&ms, "9,4").as_of.map(|p| p.to_string()).as_deref(), Some("2020"));
}

#[test]
fn en_two_days_joined_by_and_are_a_span() {
    let ms = read("en", "On June 3 and 4, 2024, the navy intercepted 41 boats.", None);
    assert_eq!(find(&ms, "41").as_of.map(|p| p.to_string()).as_deref(), Some("2024-06-03/2024-06-04"));
}

#[test]
fn en_a_report_period_covers_its_findings_without_an_anchor() {
    let text = "The study documents abuses in the jails between April 2021 and June 2023.\n\nFindings. We counted 212 deaths in custody. In 2022 alone the guards beat 40 inmates, while cells built for 10 held 30.";
    let ms = read("en", text, Some("2023-09-01"));
    assert_eq!(find(&ms, "212").as_of.map(|p| p.to_string()).as_deref(), Some("2021-04/2023-06"));
    assert_eq!(find(&ms, "40").as_of.map(|p| p.to_string()).as_deref(), Some("2022"));
}

#[test]
fn en_a_sentence_referring_back_takes_the_period_before() {
    let text = "The audit found the jails held 61,200 inmates in late 2021, in cells built for 30,000. That is an occupancy rate of about 204%, and 12 of the 20 jails are over capacity.";
    let ms = read("en", text, Some("2023-05-02"));
    assert_eq!(find(&ms, "204%").as_of.map(|p| p.to_string()).as_deref(), Some("2021"));
    assert_eq!(find(&ms, "20 jails").as_of.map(|p| p.to_string()).as_deref(), Some("2023-05-02"));
}

#[test]
fn en_an_apposition_after_a_dash_restates_its_figure() {
    let text = "The number of inmates, which was 20,000 in 2018, now nears 70,000 — one of every 60 adults.";
    let ms = read("en", text, Some("2024-02-01"));
    assert_eq!(find(&ms, "one of every 60").as_of.map(|p| p.to_string()).as_deref(), Some("2024-02-01"));
}

#[test]
fn es_a_return_verb_in_the_clause_rules_out_the_deportation() {
    let ms = read("es", "Los 240 venezolanos que estaban en la megacárcel regresaron a Caracas el viernes.", Some("2025-08-01"));
    assert_ne!(find(&ms, "240").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
    let ms = read("es", "En marzo, Estados Unidos envió a 240 venezolanos al Cecot.", Some("2025-04-01"));
    assert_eq!(find(&ms, "240").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
}

#[test]
fn en_a_return_verb_in_the_clause_rules_out_the_deportation() {
    let ms = read("en", "The 240 Venezuelans held at CECOT were swapped on Friday.", Some("2025-08-01"));
    assert_ne!(find(&ms, "240").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
}

#[test]
fn es_a_count_of_the_dead_is_no_prison_population() {
    let ms = read("es", "Al menos 6 reos murieron en febrero en el penal de Izalco.", Some("2025-08-01"));
    assert_ne!(find(&ms, "6 reos").measure.as_deref(), Some("es_prison_population"));
    let ms = read("es", "Las cárceles del país albergan a 101.000 reos.", Some("2025-08-01"));
    assert_eq!(find(&ms, "101.000").measure.as_deref(), Some("es_prison_population"));
}

#[test]
fn en_a_count_of_the_dead_is_no_prison_population() {
    let ms = read("en", "Six inmates died in February in the country's prisons.", Some("2025-08-01"));
    assert_ne!(find(&ms, "Six").measure.as_deref(), Some("es_prison_population"));
}

#[test]
fn an_unknown_quantity_in_unless_is_an_error() {
    let text = claims::EMBEDDED_MEASURES.replacen("unless = [\"returned\"", "unless = [\"teleported\"", 1);
    let units = cecot_data::knowledge::known_units(&Knowledge::load(None).unwrap().lexicons);
    let err = claims::Catalog::parse("measures.toml", &text, &units).unwrap_err().to_string();
    assert!(err.contains("unknown quantity \"teleported\""), "{err}");
}

#[test]
fn es_a_modal_after_the_figure_makes_it_a_projection() {
    let ms = read("es", "Según el ministro, 500.000 podrían ser deportados desde Estados Unidos.", Some("2025-08-01"));
    assert_eq!(find(&ms, "500.000").measure, None);
}

#[test]
fn en_a_modal_after_the_figure_makes_it_a_projection() {
    let ms = read("en", "Officials said 500,000 Salvadorans could be deported from the US.", Some("2025-08-01"));
    assert_eq!(find(&ms, "500,000").measure, None);
}

#[test]
fn es_people_who_live_abroad_are_not_deportees() {
    let ms = read("es", "Unos 2,5 millones de salvadoreños viven en Estados Unidos, donde muchos temen ser deportados.", Some("2025-08-01"));
    assert_eq!(find(&ms, "2,5 millones").measure, None);
}

#[test]
fn en_people_who_live_abroad_are_not_deportees() {
    let ms = read("en", "About 2.5 million Salvadorans live in the United States, where many fear being deported.", Some("2025-08-01"));
    assert_eq!(find(&ms, "2.5 million").measure, None);
}

#[test]
fn es_a_count_whose_own_noun_names_another_nationality_is_not_the_venezuelans() {
    let ms = read("es", "Estados Unidos envió a 238 venezolanos y 23 salvadoreños a la megacárcel.", Some("2025-04-01"));
    assert_eq!(find(&ms, "238").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
    assert_ne!(find(&ms, "23 salvadoreños").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
}

#[test]
fn en_a_count_whose_own_noun_names_another_nationality_is_not_the_venezuelans() {
    let ms = read("en", "The US sent 238 Venezuelans and 23 Salvadorans to the mega-prison.", Some("2025-04-01"));
    assert_eq!(find(&ms, "238").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
    assert_ne!(find(&ms, "23 Salvadorans").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
}

#[test]
fn es_an_average_per_period_is_no_running_total() {
    let ms = read("es", "En las cárceles del país han muerto en promedio 10 reos cada mes desde 2022.", Some("2025-04-01"));
    assert_eq!(find(&ms, "10 reos").measure, None);
    let ms = read("es", "Desde enero llegan en promedio 1.200 salvadoreños deportados al mes.", Some("2025-04-01"));
    assert_eq!(find(&ms, "1.200").measure.as_deref(), Some("salvadorans_deported_from_us_monthly_average"));
}

#[test]
fn en_an_average_per_period_is_no_running_total() {
    let ms = read("en", "Since 2022, an average of 10 inmates have died in custody each month.", Some("2025-04-01"));
    assert_eq!(find(&ms, "10 inmates").measure, None);
}

#[test]
fn es_a_part_of_the_deportees_is_no_count_of_the_deportees() {
    let ms = read("es", "Solo 32 de los venezolanos enviados al Cecot tenían condenas en Estados Unidos.", Some("2025-08-01"));
    assert_eq!(find(&ms, "32").measure, None);
    // A part takes its measure from its own predicate.
    let ms = read("es", "Al menos 75 de los venezolanos enviados al Cecot no tenían antecedentes penales.", Some("2025-08-01"));
    assert_eq!(find(&ms, "75").measure.as_deref(), Some("deportees_no_criminal_record"));
}

#[test]
fn en_a_part_of_the_deportees_is_no_count_of_the_deportees() {
    let ms = read("en", "Only 32 of the Venezuelans sent to CECOT had convictions in the United States.", Some("2025-08-01"));
    assert_ne!(find(&ms, "32").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
}

#[test]
fn es_venezuelans_sent_home_are_no_deportees_to_cecot() {
    let ms = read("es", "Más de 8.000 venezolanos fueron deportados a Caracas en vuelos desde Estados Unidos.", Some("2025-08-01"));
    assert_ne!(find(&ms, "8.000").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
    let ms = read("es", "Los 252 venezolanos salieron del Cecot el viernes.", Some("2025-08-01"));
    assert_eq!(find(&ms, "252").measure.as_deref(), Some("venezuelans_released_from_cecot"));
}

#[test]
fn en_venezuelans_sent_home_are_no_deportees_to_cecot() {
    let ms = read("en", "More than 8,000 Venezuelans were deported to Caracas on flights from the United States.", Some("2025-08-01"));
    assert_ne!(find(&ms, "8,000").measure.as_deref(), Some("venezuelans_deported_to_cecot"));
}

#[test]
fn es_a_count_of_a_subgroup_is_no_total() {
    let ms = read("es", "Bajo el régimen de excepción la policía ha detenido a 3.000 niñas.", Some("2025-04-01"));
    assert_ne!(find(&ms, "3.000").measure.as_deref(), Some("es_state_of_exception_arrests"));
}

#[test]
fn en_a_count_of_a_subgroup_is_no_total() {
    let ms = read("en", "Under the state of exception, police have arrested 3,000 children.", Some("2025-04-01"));
    assert_ne!(find(&ms, "3,000").measure.as_deref(), Some("es_state_of_exception_arrests"));
    let ms = read("en", "Under the state of exception, police have arrested 3,000 people.", Some("2025-04-01"));
    assert_eq!(find(&ms, "3,000").measure.as_deref(), Some("es_state_of_exception_arrests"));
}

#[test]
fn es_a_figure_of_another_named_prison_is_not_the_systems() {
    let ms = read("es", "En el penal de Izalco, donde la población penitenciaria pasó de 8.000 a 20.000 reos.", Some("2025-08-01"));
    assert_eq!(find(&ms, "8.000").measure, None);
    let ms = read("es", "La población penitenciaria del país pasó de 39.000 a 110.000 reos.", Some("2025-08-01"));
    assert_eq!(find(&ms, "110.000").measure.as_deref(), Some("es_prison_population"));
}

#[test]
fn en_a_figure_of_another_named_prison_is_not_the_systems() {
    let ms = read("en", "At Mariona, the prison population rose to 33,000 inmates.", Some("2025-08-01"));
    assert_ne!(find(&ms, "33,000").measure.as_deref(), Some("es_prison_population"));
}

#[test]
fn es_verbs_of_opening_and_enacting_make_date_claims() {
    let ms = read("es", "La megacárcel comenzó a operar en 2023.", Some("2025-08-01"));
    assert_eq!(find(&ms, "2023").measure.as_deref(), Some("cecot_opening_date"));
    let ms = read("es", "El régimen de excepción fue implementado el 27 de marzo de 2022.", Some("2025-08-01"));
    assert_eq!(find(&ms, "27 de marzo").measure.as_deref(), Some("es_state_of_exception_start"));
}

#[test]
fn es_a_date_that_opens_a_span_claims_nothing_and_dates_the_figure() {
    let ms = read("es", "Bajo el régimen de excepción implementado del 27 de marzo de 2022 al 18 de octubre de 2024 hubo 80.000 capturas.", Some("2025-08-01"));
    assert!(!find(&ms, "27 de marzo").is_statement);
    assert_eq!(find(&ms, "80.000").as_of.map(|p| p.to_string()).as_deref(), Some("2022-03-27/2024-10-18"));
}

#[test]
fn en_a_date_that_opens_a_span_claims_nothing() {
    let ms = read("en", "Under the state of exception imposed from March 27, 2022 to October 18, 2024, police made 80,000 arrests.", Some("2025-08-01"));
    assert!(!find(&ms, "March 27").is_statement);
    assert_eq!(find(&ms, "80,000").as_of.map(|p| p.to_string()).as_deref(), Some("2022-03-27/2024-10-18"));
}

#[test]
fn es_words_of_room_paying_and_expelling_name_their_quantities() {
    let ms = read("es", "La megacárcel tiene cupo para 40.000 reos.", Some("2025-08-01"));
    assert_eq!(find(&ms, "40.000").measure.as_deref(), Some("cecot_capacity"));
    let ms = read("es", "El gobierno de Trump desembolsó 4,7 millones de dólares a El Salvador por custodiar a los migrantes.", Some("2025-08-01"));
    assert_eq!(find(&ms, "4,7 millones").measure.as_deref(), Some("us_payment_to_el_salvador"));
    let ms = read("es", "En 2024, Estados Unidos expulsó a 12.000 salvadoreños.", Some("2025-08-01"));
    assert_eq!(find(&ms, "12.000").measure.as_deref(), Some("salvadorans_deported_from_us"));
}

#[test]
fn es_a_count_of_one_year_is_no_running_total() {
    let ms = read("es", "En 2024 murieron 95 reos bajo custodia del Estado, según Socorro Jurídico.", Some("2025-08-01"));
    assert_ne!(find(&ms, "95").measure.as_deref(), Some("es_prison_deaths_since_2022"));
    let ms = read("es", "Desde que comenzó el régimen de excepción en marzo de 2022 han muerto 380 reos bajo custodia del Estado.", Some("2025-08-01"));
    assert_eq!(find(&ms, "380").measure.as_deref(), Some("es_prison_deaths_since_2022"));
}

#[test]
fn en_a_count_of_one_year_is_no_running_total() {
    let ms = read("en", "In 2024, 95 inmates died in state custody, the group said.", Some("2025-08-01"));
    assert_ne!(find(&ms, "95").measure.as_deref(), Some("es_prison_deaths_since_2022"));
    let ms = read("en", "Since the state of exception began in March 2022, 380 inmates have died in state custody.", Some("2025-08-01"));
    assert_eq!(find(&ms, "380").measure.as_deref(), Some("es_prison_deaths_since_2022"));
}

#[test]
fn es_bare_numbers_after_a_rate_noun_are_that_rate() {
    let ms = read("es", "Según datos oficiales, la tasa de homicidios de El Salvador bajó a 38 en 2019, a 20,1 en 2020 y a 7,5 en 2022.", Some("2025-08-01"));
    for figure in ["38", "20,1", "7,5"] {
        let m = find(&ms, figure);
        assert_eq!((m.kind, m.unit.as_deref()), ("ratio", Some("homicides_per_100000_inhabitants")), "{figure}");
        assert_eq!(m.measure.as_deref(), Some("es_homicide_rate"), "{figure}");
    }
}

#[test]
fn en_bare_numbers_after_a_rate_noun_are_that_rate() {
    let ms = read("en", "Officials said the homicide rate fell to 38 in 2019 and to 20.1 in 2020.", Some("2025-08-01"));
    let m = find(&ms, "38");
    assert_eq!((m.kind, m.unit.as_deref()), ("ratio", Some("homicides_per_100000_inhabitants")));
    // A number of another unit between ends the rate's reach.
    let ms = read("en", "The homicide rate fell as police made 5,000 arrests and 300 more in May.", Some("2025-08-01"));
    assert_ne!(find(&ms, "300").unit.as_deref(), Some("homicides_per_100000_inhabitants"));
}

#[test]
fn es_a_count_per_unit_is_no_total_but_may_be_a_cells_occupants() {
    let ms = read("es", "En la megacárcel, las celdas alojan a unos 70 reos cada una.", Some("2025-08-01"));
    assert_eq!(find(&ms, "70").measure.as_deref(), Some("cecot_cell_occupancy"));
    let ms = read("es", "El gobierno paga unos 20 dólares por reo a las cárceles del país.", Some("2025-08-01"));
    assert_eq!(find(&ms, "20 dólares").measure, None);
}

#[test]
fn en_a_count_per_unit_is_no_total() {
    let ms = read("en", "The prison system holds 2,000 inmates per cell block.", Some("2025-08-01"));
    assert_ne!(find(&ms, "2,000").measure.as_deref(), Some("es_prison_population"));
}

#[test]
fn es_a_plan_to_change_a_design_figure_is_a_projection() {
    let ms = read("es", "El gobierno planea ampliar la capacidad del Cecot hasta 60.000 plazas.", Some("2025-08-01"));
    assert_eq!(find(&ms, "60.000").measure, None);
    let ms = read("es", "El Cecot tiene capacidad para 40.000 reos.", Some("2025-08-01"));
    assert_eq!(find(&ms, "40.000").measure.as_deref(), Some("cecot_capacity"));
}

#[test]
fn en_a_plan_to_change_a_design_figure_is_a_projection() {
    let ms = read("en", "The government plans to expand CECOT's capacity to 60,000 inmates.", Some("2025-08-01"));
    assert_eq!(find(&ms, "60,000").measure, None);
}

#[test]
fn es_a_design_word_in_the_clause_rules_out_the_population() {
    let ms = read("es", "La megacárcel fue diseñada para 40.000 reclusos y hoy alberga a unos 14.000.", Some("2025-08-01"));
    assert_eq!(find(&ms, "40.000").measure.as_deref(), Some("cecot_capacity"));
}

#[test]
fn es_flights_home_are_no_deportation_flights_to_cecot() {
    let ms = read("es", "Los 252 venezolanos del Cecot fueron liberados y trasladados a Caracas en dos aviones.", Some("2025-08-01"));
    assert_ne!(find(&ms, "dos aviones").measure.as_deref(), Some("deportation_flights_to_cecot"));
}

#[test]
fn es_overcrowding_words_name_the_occupancy_rate() {
    let ms = read("es", "Las cárceles del país están al 150 % de su capacidad.", Some("2025-08-01"));
    assert_eq!(find(&ms, "150 %").measure.as_deref(), Some("es_prison_occupancy_rate"));
    let ms = read("es", "El hacinamiento en los penales alcanza el 150 %.", Some("2025-08-01"));
    assert_eq!(find(&ms, "150 %").measure.as_deref(), Some("es_prison_occupancy_rate"));
}

#[test]
fn es_growth_of_the_prison_population_in_any_of_its_names() {
    let ms = read("es", "La población carcelaria creció un 194 % entre 2020 y 2024.", Some("2025-08-01"));
    assert_eq!(find(&ms, "194 %").measure.as_deref(), Some("es_prison_population_growth_2020_2024"));
}

#[test]
fn es_the_time_since_the_state_of_exception_began_in_its_usual_forms() {
    for text in [
        "A tres años de su implementación, el régimen de excepción sigue vigente.",
        "En sus 36 meses de vigencia, el régimen de excepción ha dejado miles de detenidos.",
        "El régimen, que ya supera los dos años, sigue en vigor.",
    ] {
        let ms = read("es", text, Some("2025-08-01"));
        let d = ms.iter().find(|m| m.kind == "duration").unwrap_or_else(|| panic!("no duration in {text}"));
        assert_eq!(d.measure.as_deref(), Some("es_state_of_exception_duration"), "{text}");
    }
}

#[test]
fn es_cecots_other_names_set_its_population_apart_from_the_systems() {
    let ms = read("es", "En la megacárcel hay unos 13.000 reos.", Some("2025-08-01"));
    assert_eq!(find(&ms, "13.000").measure.as_deref(), Some("cecot_inmate_population"));
    let ms = read("es", "La megacárcel fue diseñada para 30.000 reos y hoy alberga a unos 13.000.", Some("2025-08-01"));
    assert_eq!(find(&ms, "30.000").measure.as_deref(), Some("cecot_capacity"));
    assert_eq!(find(&ms, "13.000").measure.as_deref(), Some("cecot_inmate_population"));
    // An area is no count of people.
    let ms = read("es", "La megacárcel ocupa un terreno de 150 hectáreas.", Some("2025-08-01"));
    assert_eq!(find(&ms, "150").measure, None);
}

#[test]
fn a_table_row_ending_in_a_figure_keeps_the_next_row_out_of_it() {
    // A plain-text table: the last figure of one row stands right before the next row's name,
    // which may be a counted noun ("Cárcel", "Prison"). Neither the mention nor the claims
    // reading around it crosses the line.
    let table = "Centro                  Población    Capacidad\nLa Joya                     12,480        6,300\nCárcel de Mujeres            8,915        2,050\nPenal de Oriente             7,330        3,100\n";
    let ms = read("es", table, Some("2024-11-04"));
    let last = find(&ms, "6,300");
    assert_eq!(last.surface, "6,300", "{last:#?}");
    assert_eq!(find(&ms, "2,050").surface, "2,050");
    let table = "Facility            Inmates    Places\nNorth Unit            4,100     2,900\nPrison Farm B         1,020       800\n";
    let ms = read("en", table, None);
    assert_eq!(find(&ms, "2,900").surface, "2,900");
}
