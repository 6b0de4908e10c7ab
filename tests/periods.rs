//! Periods (as_of) of statements: since phrases, running totals, baselines and spans, in
//! English and Spanish, in sentences written for these tests.

use chrono::NaiveDate;

use cecot_data::extract::{self, ArticleContext, Mention};
use cecot_data::pipeline::Knowledge;
use cecot_data::transform::{as_of, claims, fixed_periods, group_periods, point_periods, running_totals, same_time};

mod common;

fn read(lang: &str, text: &str, published: Option<&str>) -> Vec<Mention> {
    let k = Knowledge::load(None).unwrap();
    let lex = k.lexicons.get(lang).unwrap();
    let published = published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
    let mut ex = extract::extract(text, lex, ArticleContext { published, ..Default::default() });
    claims::assign_measures(&ex.doc, &mut ex.mentions, &k.measures, lex);
    as_of::assign_as_of(&ex.doc, &mut ex.mentions, lex, k.periods.words(lang), ex.reference_date, ex.reference_period);
    running_totals::apply(&ex.doc, &mut ex.mentions, &k.periods, lex, k.periods.words(lang), ex.reference_period);
    group_periods::apply(&mut ex.mentions, &k.periods);
    fixed_periods::apply(&mut ex.mentions, &k.periods);
    point_periods::apply(&mut ex.mentions, &k.periods);
    same_time::apply(&ex.doc, &mut ex.mentions, &k.periods, k.periods.words(lang), ex.reference_period);
    ex.mentions
}

/// As [`read`], for an article with no published date or dateline, at an address `url`.
fn read_undated(lang: &str, text: &str, url: &str) -> Vec<Mention> {
    let k = Knowledge::load(None).unwrap();
    let lex = k.lexicons.get(lang).unwrap();
    let url_date = cecot_data::corpus::url_date(url);
    let mut ex = extract::extract(text, lex, ArticleContext { url_date, ..Default::default() });
    claims::assign_measures(&ex.doc, &mut ex.mentions, &k.measures, lex);
    let named = || as_of::latest_named_time(&ex.doc, &ex.mentions, lex, k.periods.words(lang));
    let reference_period = ex.reference_period.or_else(|| if url_date.is_none() { named() } else { None });
    let now = reference_period.or_else(|| as_of::undated_article_year(url_date));
    as_of::assign_as_of_until(&ex.doc, &mut ex.mentions, lex, k.periods.words(lang), ex.reference_date, reference_period, now);
    running_totals::apply(&ex.doc, &mut ex.mentions, &k.periods, lex, k.periods.words(lang), now);
    group_periods::apply(&mut ex.mentions, &k.periods);
    fixed_periods::apply(&mut ex.mentions, &k.periods);
    point_periods::apply(&mut ex.mentions, &k.periods);
    same_time::apply(&ex.doc, &mut ex.mentions, &k.periods, k.periods.words(lang), reference_period);
    ex.mentions
}

fn as_of(ms: &[Mention], surface_part: &str) -> String {
    let m = ms.iter().find(|m| m.surface.contains(surface_part)).unwrap_or_else(|| panic!("no mention {surface_part:?} in {ms:#?}"));
    m.as_of.map(|p| p.to_string()).unwrap_or_default()
}

#[test]
fn es_the_date_of_a_named_beginning_starts_the_running_total() {
    let text = "Desde el inicio del régimen de excepción, el 27 de marzo de 2022, la policía ha capturado a 71,000 personas. \
                De ellas, unas 5,100 han recuperado la libertad. Otras fuentes dicen que 150 personas han muerto en custodia desde que comenzó el régimen.";
    let ms = read("es", text, Some("2024-10-02"));
    assert_eq!(as_of(&ms, "71,000"), "2022-03-27/2024-10-02");
    assert_eq!(as_of(&ms, "5,100"), "2022-03-27/2024-10-02");
    assert_eq!(as_of(&ms, "150 personas"), "2022-03-27/2024-10-02");
}

#[test]
fn en_the_date_of_a_named_beginning_runs_to_the_article_date() {
    let ms = read("en", "Since the new government took office, in June 2019, the army has seized 4,100 rifles.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "4,100"), "2019-06/2024-10-02");
}

#[test]
fn es_a_comparisons_baseline_dates_its_own_figure_only() {
    let ms = read("es", "El director dijo que el país registra 3.1 homicidios por cada 100,000 habitantes, frente a 4.2 el año pasado.", Some("2024-11-20"));
    assert_eq!(as_of(&ms, "3.1"), "2024-11-20");
    assert_eq!(as_of(&ms, "4.2"), "2023");
}

#[test]
fn en_a_comparisons_baseline_dates_its_own_figure_only() {
    let ms = read("en", "The country now records 3.1 homicides per 100,000 inhabitants, compared with 4.2 in 2021.", Some("2024-11-20"));
    assert_eq!(as_of(&ms, "3.1"), "2024-11-20");
    assert_eq!(as_of(&ms, "4.2"), "2021");
}

#[test]
fn es_a_span_between_two_weekdays_is_an_interval() {
    let text = "Estados Unidos mandó el fin de semana a 120 migrantes al penal, en dos vuelos que llegaron entre el sábado 8 y el domingo 9 de marzo.";
    let ms = read("es", text, Some("2025-03-12"));
    assert_eq!(as_of(&ms, "120"), "2025-03-08/2025-03-09");
    // The day after the first weekday is a date, not a count.
    let day = ms.iter().find(|m| m.surface == "8").unwrap();
    assert_eq!((day.kind, day.value.as_deref(), day.is_statement), ("date", Some("2025-03-08"), false));
}

#[test]
fn en_a_span_between_two_weekdays_is_an_interval() {
    let ms =
        read("en", "The planes carried 120 migrants to the prison in flights that landed between Saturday, March 8, and Sunday, March 9.", Some("2025-03-12"));
    assert_eq!(as_of(&ms, "120"), "2025-03-08/2025-03-09");
}

#[test]
fn es_a_first_year_runs_from_the_stated_start() {
    let text = "El régimen de excepción comenzó el 27 de marzo de 2022. En su primer año, la policía detuvo a 52,000 personas bajo el régimen de excepción.";
    let ms = read("es", text, Some("2025-02-11"));
    assert_eq!(as_of(&ms, "52,000"), "2022-03-27/2023-03-27");
}

#[test]
fn en_a_first_year_counts_back_from_its_date() {
    let text = "Police records show that 52,000 people were arrested under the state of exception in its first year, and about 3,000 of them had been released by April 2023.";
    let ms = read("en", text, Some("2025-02-11"));
    assert_eq!(as_of(&ms, "52,000"), "2022-04/2023-04");
    assert_eq!(as_of(&ms, "3,000"), "2022-04/2023-04");
}

#[test]
fn en_as_of_opening_a_sentence_dates_its_figures() {
    let ms = read("en", "As of September 30, police had made 81,000 arrests under the state of exception.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "81,000"), "2024-09-30");
}

#[test]
fn es_until_a_date_just_gone_in_the_past_tense_is_this_years() {
    let ms = read("es", "Hasta el 30 de septiembre, las autoridades contabilizaban 81,000 capturas bajo el régimen de excepción.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "81,000"), "2024-09-30");
    // A deadline a few weeks ahead stays ahead, though told in the past.
    let ms = read("en", "Last week, lawmakers extended the emergency for 30 days, until February 15.", Some("2024-01-20"));
    let date = ms.iter().find(|m| m.surface.contains("February 15")).unwrap();
    assert_eq!(date.value.as_deref(), Some("2024-02-15"));
}

#[test]
fn es_so_far_this_year_runs_from_its_first_day() {
    let ms = read("es", "En lo que va del año, la policía ha registrado 95 homicidios.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "95"), "2024-01-01/2024-10-02");
    let ms = read("es", "En lo que va de 2024, la policía ha registrado 95 homicidios.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "95"), "2024/2024-10-02");
}

#[test]
fn en_so_far_this_year_runs_from_its_first_day() {
    let ms = read("en", "So far this year, police have recorded 95 homicides.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "95"), "2024-01-01/2024-10-02");
    let ms = read("en", "So far in 2024, police have recorded 95 homicides.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "95"), "2024/2024-10-02");
}

#[test]
fn en_a_passive_present_perfect_counts_to_the_article_date() {
    let ms = read("en", "The prison opened in 2023 with 4,000 inmates, and 12,000 more have now been moved there.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "4,000"), "2023");
    assert_eq!(as_of(&ms, "12,000"), "2024-10-02");
}

#[test]
fn es_so_far_is_the_article_date() {
    let ms = read("es", "Hasta ahora, la policía decomisó 5,000 armas en todo el país.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "5,000"), "2024-10-02");
    let ms = read("es", "Hasta la fecha, la policía ha decomisado 5,000 armas desde el 1 de junio de 2022.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "5,000"), "2022-06-01/2024-10-02");
}

#[test]
fn en_so_far_is_the_article_date() {
    let ms = read("en", "So far, police seized 5,000 guns nationwide.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "5,000"), "2024-10-02");
}

#[test]
fn es_a_date_after_until_closes_the_span_a_since_phrase_opened() {
    let text = "San Salvador, 20 de junio de 2024. El régimen de excepción comenzó el 27 de marzo de 2022. El director agregó que desde que inició el régimen de excepción hasta el 10 de junio de este año, el Socorro Jurídico ha registrado 300 muertes en centros penales.";
    let ms = read("es", text, None);
    assert_eq!(as_of(&ms, "300"), "2022-03-27/2024-06-10");
}

#[test]
fn es_this_year_inside_a_date_is_no_second_anchor() {
    let text = "San Salvador, 20 de junio de 2024. Hasta el 10 de junio de este año, la policía había decomisado 300 armas.";
    let ms = read("es", text, None);
    assert_eq!(as_of(&ms, "300"), "2024-06-10");
}

#[test]
fn last_week_is_monday_to_sunday_of_the_week_before() {
    // 2024-10-02 is a Wednesday.
    let ms = read("es", "La semana pasada, la policía decomisó 300 armas.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "300"), "2024-09-23/2024-09-29");
    let ms = read("en", "Last week, police seized 300 guns.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "300"), "2024-09-23/2024-09-29");
    let ms = read("en", "The 300 guns seized earlier this month were destroyed.", Some("2024-10-20"));
    assert_eq!(as_of(&ms, "300"), "2024-10");
}

#[test]
fn es_a_clause_in_the_present_is_not_dated_by_another_figures_year() {
    let ms = read("es", "En 2019 el sistema tenía 38,000 presos, pero actualmente alberga a 110,000.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "38,000"), "2019");
    assert_eq!(as_of(&ms, "110,000"), "2024-10-02");
    let ms = read("es", "La población penitenciaria, que en 2019 rondaba los 38,000 presos, supera ya los 110,000.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "110,000"), "2024-10-02");
}

#[test]
fn a_length_in_half_years_counts_back_its_months() {
    let ms = read("es", "En los dos años y medio de régimen de excepción, la policía ha capturado a 81,000 personas.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "81,000"), "2022/2024-10-02");
    let ms = read("en", "In two and a half years of emergency rule, police have arrested 81,000 suspected gang members.", Some("2024-10-02"));
    assert_eq!(as_of(&ms, "81,000"), "2022/2024-10-02");
}

#[test]
fn the_weekend_is_the_last_saturday_and_its_sunday() {
    // 2025-03-20 is a Thursday, 2025-03-16 a Sunday.
    let ms = read("es", "El Gobierno de Estados Unidos envió a 120 migrantes al penal el pasado fin de semana.", Some("2025-03-20"));
    assert_eq!(as_of(&ms, "120"), "2025-03-15/2025-03-16");
    let ms = read("en", "The US sent 120 migrants to the prison over the weekend.", Some("2025-03-16"));
    assert_eq!(as_of(&ms, "120"), "2025-03-15/2025-03-16");
}

#[test]
fn es_an_undated_article_ends_its_running_totals_in_its_urls_year() {
    // No date but the url's year: "since March" runs to that year, and so does a length.
    let text = "El ministro dijo que desde marzo hasta la fecha la policía ha detenido a 48,300 personas en el régimen de excepción.";
    let ms = read_undated("es", text, "https://diario.example/nacionales/detenidos-en-el-regimen-de-2023");
    assert_eq!(as_of(&ms, "48,300"), "2023-03/2023");
    let text = "El régimen de excepción, que ha cumplido tres años de vigencia, suma 90,100 capturas, dijo el ministro.";
    let ms = read_undated("es", text, "https://diario.example/el-regimen-cumple-en-2025");
    assert_eq!(as_of(&ms, "90,100"), "2022/2025");
    // Present tense alone gets no year the text does not state.
    let ms = read_undated("es", "El penal tiene 2,400 celdas.", "https://diario.example/el-penal-en-2025");
    assert_eq!(as_of(&ms, "2,400"), "");
}

#[test]
fn en_an_undated_article_ends_its_since_phrase_in_its_urls_year() {
    let text = "Since April the police have arrested 12,300 people under the emergency decree.";
    let ms = read_undated("en", text, "https://news.example/world/the-emergency-decree-in-2023");
    assert_eq!(as_of(&ms, "12,300"), "2023-04/2023");
}

#[test]
fn es_hours_of_each_day_in_the_present_take_the_article_date() {
    let ms = read("es", "Los reclusos pasan 22 horas al día encerrados. Nadie puede estar detenido más de 72 horas sin juez.", Some("2025-04-03"));
    assert_eq!(as_of(&ms, "22 horas"), "2025-04-03");
    // A term is no routine: no date dates it.
    assert_eq!(as_of(&ms, "72 horas"), "");
}

#[test]
fn en_hours_of_each_day_in_the_present_take_the_article_date() {
    let ms = read("en", "Inmates spend 22 hours a day in their cells. The bus ride takes 40 minutes.", Some("2025-04-03"));
    assert_eq!(as_of(&ms, "22 hours"), "2025-04-03");
    assert_eq!(as_of(&ms, "40 minutes"), "");
    // The sentence may end right after the phrase.
    let ms = read("en", "The men are kept in their cells for 23 hours a day. Visits are banned.", Some("2025-04-03"));
    assert_eq!(as_of(&ms, "23 hours"), "2025-04-03");
}

#[test]
fn en_the_size_of_a_change_spans_its_from_and_to() {
    let text = "Arrests rose from 4,100 in 2019 to 9,800 in March 2023, an increase of 139%.";
    let ms = read("en", text, Some("2024-02-01"));
    assert_eq!(as_of(&ms, "139%"), "2019/2023-03");
    assert_eq!(as_of(&ms, "9,800"), "2023-03");
}

#[test]
fn es_the_size_of_a_change_spans_its_from_and_to() {
    let text = "La población carcelaria pasó de 30,200 reos en 2018 a 81,500 a finales de 2023, un crecimiento de 170 %.";
    let ms = read("es", text, Some("2024-02-01"));
    assert_eq!(as_of(&ms, "170 %"), "2018/2023");
}

#[test]
fn es_a_data_cut_off_dates_every_figure_of_its_sentence() {
    let text = "El sistema suma 19 cárceles y una población de 88,400 reos con corte al 30 de junio de 2024, según la dirección.";
    let ms = read("es", text, Some("2024-09-10"));
    assert_eq!(as_of(&ms, "19 cárceles"), "2024-06-30");
    assert_eq!(as_of(&ms, "88,400"), "2024-06-30");
}

#[test]
fn en_a_data_cut_off_dates_every_figure_of_its_sentence() {
    let text = "The system counts 19 prisons and holds 88,400 inmates as of June 30, 2024, the agency says.";
    let ms = read("en", text, Some("2024-09-10"));
    assert_eq!(as_of(&ms, "19 prisons"), "2024-06-30");
    assert_eq!(as_of(&ms, "88,400"), "2024-06-30");
}

#[test]
fn en_at_that_date_takes_the_date_told_before() {
    let text = "In June 2023 the prisons held 81,000 people. The system had room for 52,000 at that date, which puts occupancy at 156%.";
    let ms = read("en", text, Some("2024-05-02"));
    assert_eq!(as_of(&ms, "52,000"), "2023-06");
    assert_eq!(as_of(&ms, "156%"), "2023-06");
}

#[test]
fn es_a_esa_fecha_takes_the_date_told_before() {
    let text = "En junio de 2023 las cárceles tenían 81,000 reos. A esa fecha el sistema tenía espacio para 52,000 personas.";
    let ms = read("es", text, Some("2024-05-02"));
    assert_eq!(as_of(&ms, "52,000"), "2023-06");
}

#[test]
fn es_detainees_without_gang_links_are_a_running_total() {
    let text =
        "El régimen de excepción comenzó el 27 de marzo de 2022. La ONG calcula que 21,000 de los capturados no tienen vínculo alguno con las pandillas.";
    let ms = read("es", text, Some("2024-08-14"));
    assert_eq!(as_of(&ms, "21,000"), "2022-03-27/2024-08-14");
}

#[test]
fn en_a_number_said_again_now_keeps_the_article_date() {
    let text = "At least 2,500 detainees have been freed, the minister said Monday. \
                Of the 58,000 arrested, some 2,500 have now been released.";
    let ms = read("en", text, Some("2023-05-10"));
    assert_eq!(as_of(&ms, "At least 2,500"), "2023-05-08");
    assert_eq!(as_of(&ms, "some 2,500"), "2023-05-10");
}

#[test]
fn es_a_number_said_again_now_keeps_the_article_date() {
    let text = "Unas 2,500 personas detenidas han sido liberadas, dijo el lunes el ministro. \
                Ahora son unas 2,500 las personas liberadas.";
    let ms = read("es", text, Some("2023-05-10"));
    assert_eq!(as_of(&ms, "Unas 2,500"), "2023-05-08");
    assert_eq!(as_of(&ms, "unas 2,500"), "2023-05-10");
}

#[test]
fn en_the_first_weeks_of_something_run_back_from_the_article_date() {
    // The dateline's date dates the writing, not the payments.
    let text = "WASHINGTON, May 6, 2025 — The agency paid $3.2 million to the contractor in the first eight weeks of the contract, records show.";
    let ms = read("en", text, Some("2025-05-06"));
    assert_eq!(as_of(&ms, "$3.2 million"), "2025-03-11/2025-05-06");
    assert_eq!(as_of(&ms, "eight weeks"), "2025-03-11/2025-05-06");
}

#[test]
fn es_the_first_weeks_of_something_run_back_from_the_article_date() {
    let text = "El Gobierno recibió 3.2 millones de dólares en las primeras ocho semanas del acuerdo, según los registros.";
    let ms = read("es", text, Some("2025-05-06"));
    assert_eq!(as_of(&ms, "3.2 millones"), "2025-03-11/2025-05-06");
}

#[test]
fn en_a_span_opened_in_the_figures_clause_is_the_figures() {
    let ms = read("en", "The groups counted 150 deaths in custody between March 27, 2022, and January 31, 2025, roughly one every week.", Some("2025-03-10"));
    assert_eq!(as_of(&ms, "150 deaths"), "2022-03-27/2025-01-31");
}

#[test]
fn es_a_span_with_an_apposition_after_its_first_date_is_the_figures() {
    let text = "El informe cuenta 212 muertes bajo custodia entre el 27 de marzo de 2022, día en que empezó el régimen, y el 31 de enero de 2025.";
    let ms = read("es", text, Some("2025-03-10"));
    assert_eq!(as_of(&ms, "212"), "2022-03-27/2025-01-31");
}

#[test]
fn es_a_cutoff_without_its_year_most_of_a_year_ahead_is_the_one_just_gone() {
    let ms = read("es", "El ministerio contabiliza 61,300 capturas bajo el régimen hasta el 28 de febrero.", Some("2025-03-20"));
    assert_eq!(as_of(&ms, "61,300"), "2025-02-28");
    // A deadline told in the future stays ahead.
    let ms = read("es", "El régimen se prorrogará otra vez hasta el 15 de diciembre, según la Asamblea.", Some("2025-03-20"));
    let deadline = ms.iter().find(|m| m.surface.contains("15 de diciembre")).unwrap();
    assert_eq!(deadline.value.as_deref(), Some("2025-12-15"));
}

#[test]
fn es_a_change_against_a_baseline_runs_from_the_baseline_to_the_figure_it_changes() {
    let ms = read("es", "El sistema cerró 2024 con 81,500 reos. La cifra supone un aumento del 120 % respecto a enero de 2021.", Some("2025-02-01"));
    assert_eq!(as_of(&ms, "120"), "2021-01/2024");
}

#[test]
fn es_a_quote_in_the_present_takes_the_article_date() {
    let text = "Las cárceles cerraron 2024 con 81,500 reos. \"Tenemos más de 81 mil reos, pero no soltaremos a nadie\", declaró el director.";
    let ms = read("es", text, Some("2025-01-18"));
    assert_eq!(as_of(&ms, "81 mil"), "2025-01-18");
}

#[test]
fn es_a_dateline_below_a_headline_subtitle_and_byline_dates_the_article() {
    let text = "Las cárceles, al límite\n\nEl sistema suma otro año de hacinamiento\n\nPor Ana Pérez\n\nLunes, 20 de enero de 2025 | Nacionales\n\n\
                El sistema penitenciario tiene hoy 81,500 reos, según la dirección de Centros Penales.";
    let ms = read("es", text, None);
    assert_eq!(as_of(&ms, "81,500"), "2025-01-20");
}

#[test]
fn es_this_year_in_an_undated_article_is_the_year_it_names_last() {
    // The first lines are long enough that no date of the story is read as a dateline.
    let text = "Muertes bajo custodia\n\nEn 2024 la organización publicó su informe mensual, como cada mes desde que empezó a \
                contar los casos que le denuncian las familias de los detenidos, con los nombres, las edades, los penales \
                y las causas que las autoridades dieron a cada familia, y con lo que los forenses de la organización \
                encontraron al revisar los cuerpos cuando las familias pudieron verlos antes del entierro.\n\n\
                Un total de 95 personas han muerto bajo custodia desde el 27 de marzo de 2022 hasta el 16 de mayo de este año, según el informe.";
    let ms = read("es", text, None);
    assert_eq!(as_of(&ms, "95 personas"), "2022-03-27/2024-05-16");
}

#[test]
fn es_a_year_inside_an_aside_gives_no_year_to_a_month_after_it() {
    let text = "La población de las cárceles, que en abril de 2021 era de unos 36,000 internos, llegó a 98,000 reos a finales de enero.";
    let ms = read("es", text, Some("2025-02-20"));
    assert_eq!(as_of(&ms, "98,000"), "2025-01");
    assert_eq!(as_of(&ms, "36,000"), "2021-04");
}

#[test]
fn en_a_year_inside_an_aside_gives_no_year_to_a_month_after_it() {
    let text = "The prison population, which in April 2021 stood at about 36,000, reached 98,000 at the end of January.";
    let ms = read("en", text, Some("2025-02-20"));
    assert_eq!(as_of(&ms, "98,000"), "2025-01");
}

#[test]
fn es_a_date_named_a_beginning_by_its_apposition_starts_the_running_total() {
    let text = "El informe cuenta 212 muertes bajo custodia entre el 27 de marzo de 2022, fecha en que la Asamblea aprobó el régimen de excepción, y el 31 de enero de 2025. \
                Con datos de la Policía, el informe cifra en 80,100 las capturas realizadas bajo el régimen hasta el 31 de enero.";
    let ms = read("es", text, Some("2025-03-10"));
    assert_eq!(as_of(&ms, "80,100"), "2022-03-27/2025-01-31");
}

#[test]
fn es_a_figure_dated_only_by_the_sentence_before_takes_its_restatements_period() {
    let text = "Dos aviones aterrizaron entre el sábado 15 y el domingo 16 de marzo con 241 venezolanos a bordo.\n\
                Llegaron de noche, el 16 de marzo. De los 241 venezolanos, 139 fueron expulsados por una ley antigua.";
    let ms = read("es", text, Some("2025-03-18"));
    let restated: Vec<String> = ms.iter().filter(|m| m.surface.contains("241")).map(|m| m.as_of.map(|p| p.to_string()).unwrap_or_default()).collect();
    assert_eq!(restated, ["2025-03-15/2025-03-16", "2025-03-15/2025-03-16"]);
}

#[test]
fn es_a_figure_after_a_definite_article_is_no_finding_of_the_survey() {
    let text = "Entre enero y diciembre de 2024, la organización entrevistó a familias de 400 detenidos. \
                El documento pide permitir la entrada de observadores a los 23 penales del país.";
    let ms = read("es", text, Some("2025-02-10"));
    assert_eq!(as_of(&ms, "23 penales"), "2025-02-10");
}

#[test]
fn es_a_part_of_a_group_told_before_takes_the_groups_period() {
    let text = "En abril de 2025, el gobierno envió a 130 hondureños a una cárcel del sur.\n\n\
                Los abogados revisaron cada expediente. Según ellos, al menos 90 de ellos carecían de antecedentes.";
    let ms = read("es", text, Some("2025-06-02"));
    assert_eq!(as_of(&ms, "90"), "2025-04");
}

#[test]
fn en_a_part_of_a_group_told_before_takes_the_groups_period() {
    let text = "In April 2025, the government sent 130 Hondurans to a prison in the south.\n\n\
                Lawyers went through every file. They found that at least 90 of them had no criminal record.";
    let ms = read("en", text, Some("2025-06-02"));
    assert_eq!(as_of(&ms, "90"), "2025-04");
    let ms = read("en", &text.replace("90 of them", "90 of the men"), Some("2025-06-02"));
    assert_eq!(as_of(&ms, "90"), "2025-04");
}

#[test]
fn es_a_duration_runs_to_the_article_date_not_to_the_start_it_names() {
    let text = "El régimen de excepción ya suma dos años y medio. Lleva 142 días en vigor y fue decretado el 27 de marzo de 2022.";
    let ms = read("es", text, Some("2025-09-30"));
    // Counted back from the article's date, never from the date of the decree.
    assert_eq!(as_of(&ms, "142 días"), "2025-05-11/2025-09-30");
    let ms = read("es", "Según el Gobierno, el régimen de excepción, decretado el 27 de marzo de 2022, lleva 142 días en vigor.", Some("2022-08-16"));
    assert_eq!(as_of(&ms, "142 días"), "2022-03-27/2022-08-16");
    let ms = read("es", "El régimen de excepción fue aprobado el 27 de marzo de 2022 y ya suma 30 meses en vigor.", Some("2024-09-30"));
    assert_eq!(as_of(&ms, "30 meses"), "2022-03-27/2024-09-30");
}

#[test]
fn en_a_duration_runs_to_the_article_date_not_to_the_start_it_names() {
    let ms = read("en", "The state of exception, declared on March 27, 2022, has lasted 30 months.", Some("2024-09-30"));
    let d = as_of(&ms, "30 months");
    assert!(d.is_empty() || d.ends_with("2024-09-30"), "{d}");
}

#[test]
fn en_a_date_a_start_verb_names_starts_the_running_total_of_its_sentence() {
    let ms = read("en", "The emergency was declared on March 27, 2022, and police have since made 80,000 arrests under it.", Some("2024-09-30"));
    assert_eq!(as_of(&ms, "80,000"), "2022-03-27/2024-09-30");
}

#[test]
fn es_a_date_a_start_verb_names_starts_the_running_total_of_its_sentence() {
    let ms = read("es", "Con el régimen de excepción, decretado el 27 de marzo de 2022, la policía ha capturado a 80,000 personas.", Some("2024-09-30"));
    assert_eq!(as_of(&ms, "80,000"), "2022-03-27/2024-09-30");
}

#[test]
fn en_a_past_aside_about_another_noun_does_not_date_a_present_figure() {
    let ms = read("en", "The penitentiary system, which held about 37,000 people in 2019, now holds more than 105,000 inmates.", Some("2024-10-15"));
    assert_eq!(as_of(&ms, "37,000"), "2019");
    assert_eq!(as_of(&ms, "105,000"), "2024-10-15");
    // Undated, the present figure has no date at all, not the aside's.
    let ms = read_undated("en", "Its jails, which housed about 37,000 people in 2019, today hold more than 105,000.", "https://example.org/long-read/jails");
    assert_eq!(as_of(&ms, "37,000"), "2019");
    assert_eq!(as_of(&ms, "105,000"), "");
    // The aside right after the figure's own noun tells of the figure.
    let ms = read("en", "The first two planes, which landed on March 16, carried 238 Venezuelan men.", Some("2025-03-31"));
    assert_eq!(as_of(&ms, "238"), "2025-03-16");
}

#[test]
fn es_a_past_aside_about_another_noun_does_not_date_a_present_figure() {
    let text = "El convenio entre los dos gobiernos, firmado en febrero por los cancilleres, contempla un pago de 6 millones de dólares.";
    let ms = read("es", text, Some("2025-03-31"));
    assert_eq!(as_of(&ms, "6 millones"), "2025-03-31");
    // A main verb in the past keeps the sentence's dates.
    let text = "La población reclusa, que en marzo de 2022 rondaba las 39,000 personas, llegó a 110,500 a finales de febrero, frente a una capacidad de 70,000 plazas.";
    let ms = read("es", text, Some("2025-03-26"));
    assert_eq!(as_of(&ms, "110,500"), "2025-02");
    assert_eq!(as_of(&ms, "70,000"), "2025-02");
    // What a minister said that a year closed with is no aside.
    let text = "La ministra indicó que en 2023 el país cerró con 154 asesinatos, lo que supone una tasa de 2.4 homicidios por cada 100,000 habitantes.";
    let ms = read("es", text, Some("2024-04-02"));
    assert_eq!(as_of(&ms, "2.4"), "2023");
}

#[test]
fn en_a_report_span_among_more_dates_covers_its_later_findings() {
    let text = "Three groups said on Tuesday they had documented 310 deaths in custody between March 27, 2022, and April 30, 2025. \
                The groups estimate that 81,000 people have been arrested under the emergency.\n\n\
                The emergency has now been in place for more than three years.";
    let ms = read("en", text, Some("2025-05-07"));
    assert_eq!(as_of(&ms, "310"), "2022-03-27/2025-04-30");
    assert_eq!(as_of(&ms, "81,000"), "2022-03-27/2025-04-30");
    // What is said to hold now is the article's, not the report's.
    assert!(as_of(&ms, "three years").ends_with("2025-05-07"), "{}", as_of(&ms, "three years"));
}

#[test]
fn es_a_report_span_among_more_dates_covers_its_later_findings() {
    let text = "En un informe presentado el 5 de mayo, tres organizaciones documentaron 310 muertes bajo custodia entre marzo de 2022 y abril de 2025. \
                Además, el informe estima que 20,000 detenidos no tienen vínculos con pandillas.";
    let ms = read("es", text, Some("2025-05-07"));
    assert_eq!(as_of(&ms, "310"), "2022-03/2025-04");
    assert_eq!(as_of(&ms, "20,000"), "2022-03/2025-04");
}

#[test]
fn en_a_length_runs_to_the_article_date_not_to_a_date_told_before() {
    let text = "On March 27, 2022, after a weekend of killings, lawmakers approved a state of exception. \
                Over two and a half years, police have detained some 83,000 people.";
    let ms = read("en", text, Some("2024-10-01"));
    // The date that opens the sentence before is the start it states: the length runs from it.
    assert_eq!(as_of(&ms, "two and a half years"), "2022-03-27/2024-10-01");
    assert_eq!(as_of(&ms, "83,000"), "2022-03-27/2024-10-01");
}

#[test]
fn es_a_length_runs_to_the_article_date_not_to_a_date_told_before() {
    let text = "El 27 de marzo de 2022, tras un fin de semana violento, la Asamblea aprobó el régimen de excepción. \
                El régimen lleva dos años y medio en vigor y la policía ha capturado a 83,000 personas.";
    let ms = read("es", text, Some("2024-10-01"));
    // The date that opens the sentence before is the start it states: the length runs from it.
    assert_eq!(as_of(&ms, "dos años y medio"), "2022-03-27/2024-10-01");
    assert_eq!(as_of(&ms, "83,000"), "2022-03-27/2024-10-01");
}

#[test]
fn es_tomorrow_dates_its_own_clause_only() {
    let ms = read("es", "El régimen de excepción, que los diputados han prorrogado 36 veces, cumple mañana tres años.", Some("2025-03-26"));
    assert!(as_of(&ms, "tres años").ends_with("/2025-03-27"), "{}", as_of(&ms, "tres años"));
    // "mañana" of another verb, after "y", is no date of the figure.
    let ms = read("es", "El régimen de excepción está por cumplir 39 meses y los diputados votarán mañana otra prórroga.", Some("2025-06-10"));
    assert!(as_of(&ms, "39 meses").ends_with("/2025-06-10"), "{}", as_of(&ms, "39 meses"));
    // "la mañana" is the morning, "esta mañana" this one.
    let ms = read("es", "Por la mañana, la policía informó de 112 capturas en todo el país.", Some("2025-03-26"));
    assert_ne!(as_of(&ms, "112"), "2025-03-27");
    let ms = read("es", "Esta mañana, la policía informó de 112 capturas en todo el país.", Some("2025-03-26"));
    assert_eq!(as_of(&ms, "112"), "2025-03-26");
}

#[test]
fn en_tomorrow_dates_its_own_clause_only() {
    let ms = read("en", "Tomorrow the state of exception turns three years old.", Some("2025-03-26"));
    assert!(as_of(&ms, "three years").ends_with("/2025-03-27"), "{}", as_of(&ms, "three years"));
    let ms = read("en", "The state of exception has lasted 39 months, and lawmakers will vote tomorrow on another extension.", Some("2025-06-10"));
    assert!(as_of(&ms, "39 months").ends_with("/2025-06-10"), "{}", as_of(&ms, "39 months"));
}

#[test]
fn es_what_is_agreed_in_the_future_tense_is_told_as_of_the_article_date() {
    let text = "La portavoz de la Casa Blanca confirmó que Estados Unidos pagará a El Salvador unos 5 millones de dólares por custodiar a los deportados.";
    let ms = read("es", text, Some("2025-03-16"));
    assert_eq!(as_of(&ms, "5 millones"), "2025-03-16");
}

#[test]
fn en_what_is_agreed_in_the_future_tense_is_told_as_of_the_article_date() {
    let text = "A White House spokeswoman confirmed that Washington will pay El Salvador about $5 million to hold the deportees.";
    let ms = read("en", text, Some("2025-03-16"));
    assert_eq!(as_of(&ms, "5 million"), "2025-03-16");
}

#[test]
fn es_the_past_of_a_since_clause_does_not_make_a_present_figure_past() {
    // The sentence before names a month: a present count "desde que inició" is not dated by it.
    let text = "En mayo, la policía capturó a 1,234 pandilleros en una sola semana.\n\
                La organización contabiliza 456 muertes bajo custodia desde que inició el régimen.";
    let ms = read("es", text, Some("2024-09-10"));
    assert_eq!(as_of(&ms, "456"), "2024-09-10");
    // Look-alike: the figure's own verb is past, so the month before still dates it.
    let text = "En mayo, la policía capturó a 1,234 pandilleros en una sola semana.\n\
                La organización registró 456 muertes bajo custodia en esos días.";
    let ms = read("es", text, Some("2024-09-10"));
    assert_eq!(as_of(&ms, "456"), "2024-05");
}

#[test]
fn en_the_past_of_a_since_clause_does_not_make_a_present_figure_past() {
    let text = "In May, police detained 1,234 suspects in a single week.\n\
                Rights groups count 456 deaths in custody since the crackdown began.";
    let ms = read("en", text, Some("2024-09-10"));
    assert_eq!(as_of(&ms, "456"), "2024-09-10");
    let text = "In May, police detained 1,234 suspects in a single week.\n\
                Rights groups counted 456 deaths in custody during those days.";
    let ms = read("en", text, Some("2024-09-10"));
    assert_eq!(as_of(&ms, "456"), "2024-05");
}

#[test]
fn en_an_article_nothing_dates_tells_its_present_as_of_the_latest_month_it_names() {
    let text = "When I toured it in May 2023, the warden said the jail held 2,345 men. Each cell now holds up to 67 prisoners.";
    let ms = read_undated("en", text, "https://example.org/long-read/the-jail");
    assert_eq!(as_of(&ms, "67"), "2023-05");
    // Look-alike: the only time named is in a past aside, the story's background: no date.
    let text = "The jail, which held 1,234 men in May 2019, now holds up to 67 prisoners a cell.";
    let ms = read_undated("en", text, "https://example.org/long-read/the-jail");
    assert_eq!(as_of(&ms, "67"), "");
}

#[test]
fn es_an_article_nothing_dates_tells_its_present_as_of_the_latest_month_it_names() {
    let text = "Cuando lo visité en mayo de 2023, el director dijo que el penal albergaba 2,345 reos. Cada celda tiene hasta 67 presos.";
    let ms = read_undated("es", text, "https://example.org/cronica/el-penal");
    assert_eq!(as_of(&ms, "67"), "2023-05");
    // A plan in the future tense is no time of the story.
    let text = "Cada celda tiene hasta 67 presos. El Gobierno abrirá otro penal en mayo de 2027.";
    let ms = read_undated("es", text, "https://example.org/cronica/el-penal");
    assert_eq!(as_of(&ms, "67"), "");
}

#[test]
fn es_a_time_counted_back_from_the_article_date_anchors_its_sentence() {
    let ms = read("es", "En marzo la policía detuvo a 1,234 personas.\nHace dos años, el penal albergaba 5,678 reos.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "5,678"), "2022");
    let ms = read("es", "Hace tres meses, el penal albergaba 5,678 reos.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "5,678"), "2024-03");
    // Look-alike: a length that places nothing ("durante dos años") borrows the month before.
    let ms = read("es", "En marzo la policía detuvo a 1,234 personas.\nDurante dos años, el penal albergaba 5,678 reos.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "5,678"), "2024-03");
}

#[test]
fn en_a_time_counted_back_from_the_article_date_anchors_its_sentence() {
    let ms = read("en", "In March police detained 1,234 people.\nTwo years ago, the jail held 5,678 inmates.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "5,678"), "2022");
    let ms = read("en", "A year ago, the jail held 5,678 inmates.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "5,678"), "2023");
    let ms = read("en", "In March police detained 1,234 people.\nFor two years, the jail held 5,678 inmates.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "5,678"), "2024-03");
}

#[test]
fn es_only_the_whole_word_entre_joins_two_dates_into_a_span() {
    // "entrevista" holds the letters of "entre": no span.
    let ms = read("es", "En una entrevista, el ministro dijo que en 2023 y en mayo de 2024 el penal albergaba 1,234 reos.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "1,234"), "2024-05");
    let ms = read("es", "El ministro dijo que entre 2023 y mayo de 2024 el penal albergaba 1,234 reos.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "1,234"), "2023/2024-05");
    // A byline glued to the text still opens the span with its capital.
    let ms = read("es", "Ana PérezEntre 2023 y mayo de 2024, el penal albergaba 1,234 reos.", Some("2024-06-15"));
    assert_eq!(as_of(&ms, "1,234"), "2023/2024-05");
}

#[test]
fn en_a_part_of_the_men_sent_takes_the_time_of_their_sending() {
    let text = "Flight logs show 123 Venezuelan men sent to CECOT on two flights between March 3 and March 9. \
                The youngest was 19. Their lawyers say as many as 45 had no criminal record in any country.";
    let ms = read("en", text, Some("2025-06-02"));
    assert_eq!(as_of(&ms, "123"), "2025-03-03/2025-03-09");
    assert_eq!(as_of(&ms, "45"), "2025-03-03/2025-03-09");
    // Look-alike: dated in its own sentence, the part keeps its own date.
    let text = "Flight logs show 123 Venezuelan men sent to CECOT on two flights between March 3 and March 9. \
                In May, their lawyers said as many as 45 had no criminal record in any country.";
    let ms = read("en", text, Some("2025-06-02"));
    assert_eq!(as_of(&ms, "45"), "2025-05");
}

#[test]
fn es_a_part_of_the_men_sent_takes_the_time_of_their_sending() {
    let text = "Los registros muestran que 123 venezolanos fueron enviados al CECOT en dos vuelos entre el 3 y el 9 de marzo. \
                El menor tenía 19 años. Sus abogados dicen que hasta 45 no tenían antecedentes penales en ningún país.";
    let ms = read("es", text, Some("2025-06-02"));
    assert_eq!(as_of(&ms, "123"), "2025-03-03/2025-03-09");
    assert_eq!(as_of(&ms, "45"), "2025-03-03/2025-03-09");
    let text = "Los registros muestran que 123 venezolanos fueron enviados al CECOT en dos vuelos entre el 3 y el 9 de marzo. \
                En mayo, sus abogados dijeron que hasta 45 no tenían antecedentes penales en ningún país.";
    let ms = read("es", text, Some("2025-06-02"));
    assert_eq!(as_of(&ms, "45"), "2025-05");
}

/// A made-up article that states when the state of exception began (`start`) and a count
/// since then.
fn stating_the_start(start: &str) -> String {
    format!("Emergency rule enters a new phase\n\nThe state of exception was declared on {start}, after a weekend of violence. Since then, police have arrested 12,345 people, the ministry said.\n")
}

/// Made-up articles that tell running totals since a start they name but never date: the
/// last figure of the English one has a month of its own.
const EN_NO_START: &str = "Families wait outside the prisons\n\nPolice have arrested more than 23,456 people since the state of exception began, the ministry said. \
                           At least 78 detainees have died in state custody, a rights group says. Police arrested 4,321 people in March 2021 alone.\n";
const ES_NO_START: &str =
    "Familias esperan frente a los penales\n\nLa policía ha capturado a más de 34.567 personas desde que inició el régimen de excepción, informó el ministerio.\n";

/// The statements of a corpus of made-up articles: (statement_id, as_of or `date <value_date>`,
/// as_of_start_from).
fn corpus_statements(articles: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String)> {
    let tmp = tempfile::tempdir().unwrap();
    let raw = tmp.path().join("raw");
    common::write_corpus(&raw, articles);
    let tables = cecot_data::pipeline::build_tables(&raw, &Knowledge::load(None).unwrap(), false, false).unwrap();
    let rows = cecot_data::load::rows::table_rows::<cecot_data::load::rows::StatementRow>(&tables.statements).unwrap();
    // A date statement has no as_of: its own date stands there.
    let as_of = |s: &cecot_data::load::rows::StatementRow| s.as_of.clone().or(s.value_date.map(|d| format!("date {d}"))).unwrap_or_default();
    rows.into_iter().map(|s| (s.statement_id.clone(), as_of(&s), s.as_of_start_from.unwrap_or_default())).collect()
}

/// The statement of an article (`en_a:`) whose as_of is `as_of`, or starts with it when it ends
/// in `/`.
fn statement<'a>(rows: &'a [(String, String, String)], id_prefix: &str, as_of: &str) -> &'a (String, String, String) {
    let fits = |p: &str| p == as_of || as_of.ends_with('/') && p.starts_with(as_of);
    rows.iter().find(|r| r.0.starts_with(id_prefix) && fits(&r.1)).unwrap_or_else(|| panic!("no {id_prefix} of {as_of:?} in {rows:#?}"))
}

#[test]
fn a_running_total_with_no_start_in_its_article_runs_from_the_corpus_start() {
    let start = stating_the_start("March 14, 2021");
    let rows = corpus_statements(&[("en_a", "en", "2024-05-10", &start), ("en_b", "en", "2024-06-20", EN_NO_START), ("es_c", "es", "2024-07-02", ES_NO_START)]);
    let stated = statement(&rows, "en_a:", "date 2021-03-14").0.clone();
    // The article that states the start counts from it, naming no other statement.
    let own = statement(&rows, "en_a:", "2021-03-14/2024-05-10");
    assert_eq!(own.2, "");
    // The others count from the corpus's start to their date, and name where it was read.
    for (id, period) in [("en_b:", "2021-03-14/2024-06-20"), ("es_c:", "2021-03-14/2024-07-02")] {
        let row = statement(&rows, id, period);
        assert_eq!(row.2, stated, "{row:?}");
    }
    // A figure with a month of its own, the start's month, keeps it.
    let own_month = statement(&rows, "en_b:", "2021-03");
    assert_eq!((own_month.1.as_str(), own_month.2.as_str()), ("2021-03", ""));
}

#[test]
fn a_running_total_whose_article_names_no_start_keeps_its_date() {
    // "So far ... under the state of exception" says when it was counted, not since when.
    let start = stating_the_start("March 14, 2021");
    let so_far = "Families wait\n\nSo far, police have arrested 23,456 people under the state of exception, the ministry said.\n";
    let rows = corpus_statements(&[("en_a", "en", "2024-05-10", &start), ("en_b", "en", "2024-06-20", so_far)]);
    let row = statement(&rows, "en_b:", "2024-06-20");
    assert_eq!(row.2, "");
    // A length of the rule, in another sentence, names its start: the corpus's start dates it.
    let length = "Families wait\n\nThree years of the state of exception have changed the country. \
                  So far, police have arrested 23,456 people under the state of exception, the ministry said.\n";
    let rows = corpus_statements(&[("en_a", "en", "2024-05-10", &start), ("en_b", "en", "2024-06-20", length)]);
    statement(&rows, "en_b:", "2021-03-14/2024-06-20");
}

#[test]
fn an_undated_articles_running_totals_run_as_long_as_it_says_the_rule_has() {
    // No date: the longest length it states, counted from the corpus's start, ends its
    // running totals, to the month.
    let start = stating_the_start("March 14, 2021");
    let undated = "Balance\n\nEn los primeros tres meses del régimen de excepción, la policía capturó a 23.456 personas. \
                   Las capturas de los seis meses del régimen de excepción suman 34.567, según el ministerio.\n";
    let rows = corpus_statements(&[("en_a", "en", "2024-05-10", &start), ("es_b", "es", "", undated)]);
    let stated = statement(&rows, "en_a:", "date 2021-03-14").0.clone();
    let row = statement(&rows, "es_b:", "2021-03/2021-09");
    assert_eq!(row.2, stated);
    // A length dates itself by its own count.
    statement(&rows, "es_b:", "2021-03/2021-06");
}

#[test]
fn a_start_told_only_to_the_month_starts_no_other_articles_count() {
    let start = stating_the_start("March 2021");
    let rows = corpus_statements(&[("en_a", "en", "2024-05-10", &start), ("en_b", "en", "2024-06-20", EN_NO_START)]);
    statement(&rows, "en_a:", "date 2021-03-01");
    assert!(rows.iter().filter(|r| r.0.starts_with("en_b:")).all(|r| !r.1.contains('/') && r.2.is_empty()), "{rows:#?}");
}

#[test]
fn the_corpus_start_is_the_day_stated_most_often_the_earliest_on_a_tie() {
    let (early, late) = (stating_the_start("March 14, 2021"), stating_the_start("March 16, 2021"));
    let rows = corpus_statements(&[("en_a", "en", "2024-05-10", &late), ("en_b", "en", "2024-06-20", EN_NO_START), ("en_c", "en", "2024-05-11", &early)]);
    assert_eq!(statement(&rows, "en_b:", "2021-03-14/").2, statement(&rows, "en_c:", "date 2021-03-14").0);
    let rows = corpus_statements(&[
        ("en_a", "en", "2024-05-10", &late),
        ("en_b", "en", "2024-06-20", EN_NO_START),
        ("en_c", "en", "2024-05-11", &early),
        ("en_d", "en", "2024-05-12", &late),
    ]);
    assert_eq!(statement(&rows, "en_b:", "2021-03-16/").2, statement(&rows, "en_a:", "date 2021-03-16").0);
}

#[test]
fn a_growth_between_two_named_years_describes_that_interval() {
    // The sentence names the last year only, or none: the measure's own interval.
    let ms = read("en", "By 2024 the number of prisoners had grown 123 percent from its 2020 level.", Some("2025-02-03"));
    assert_eq!(as_of(&ms, "123"), "2020/2024");
    let ms = read("es", "La población penitenciaria creció un 123 % entre 2020 y 2024, según el informe.", Some("2025-02-03"));
    assert_eq!(as_of(&ms, "123"), "2020/2024");
    // A finer interval of its own is kept.
    let ms = read("en", "The prison population grew 123% between December 2020 and December 2024.", Some("2025-02-03"));
    assert_eq!(as_of(&ms, "123"), "2020-12/2024-12");
}

#[test]
fn es_a_rounded_length_keeps_the_start_the_article_states() {
    // "casi cuatro años" rounds the time since the stated start: the start stays the stated day.
    let text = "Desde la entrada en vigor del régimen de excepción, el 14 de mayo de 2021, y hasta el 30 de marzo de 2025, \
                la policía contabilizó 61.000 detenidos en casi cuatro años de vigencia del régimen.";
    let ms = read("es", text, Some("2025-04-20"));
    assert_eq!(as_of(&ms, "casi cuatro años"), "2021-05-14/2025-03-30");
}

#[test]
fn es_an_exact_length_that_disagrees_with_the_stated_start_dates_its_own() {
    // An exact "cuatro años" four years before the end does not fit a start a year later.
    let text = "Desde la entrada en vigor del régimen de excepción, el 14 de mayo de 2022, y hasta el 30 de marzo de 2025, \
                la policía contabilizó 61.000 detenidos en cuatro años de vigencia del régimen.";
    let ms = read("es", text, Some("2025-04-20"));
    assert_ne!(as_of(&ms, "cuatro años"), "2022-05-14/2025-03-30");
}

#[test]
fn es_a_date_across_a_semicolon_does_not_date_the_figure() {
    // The year after the semicolon tells of another statement; the figure's clause takes the
    // date of the sentence before (its paragraph's last date).
    let text = "Hasta el 30 de marzo de 2025, el ministerio contabilizó 61.000 detenidos. \
                Según el mismo ministerio, unos 4.300 fueron liberados; la Fiscalía admitió en 2021 que hubo errores en el 3 % de los casos.";
    let ms = read("es", text, Some("2025-04-20"));
    assert_ne!(as_of(&ms, "4.300"), "2021");
    assert!(!as_of(&ms, "4.300").ends_with("/2021"));
}

#[test]
fn en_a_date_in_the_figures_own_part_of_the_sentence_still_dates_it() {
    // No semicolon: the sentence's time still dates the figure another clause holds.
    let ms = read("en", "The jails held 45,600 inmates in mid-2021, in facilities built for 23,400.", Some("2025-04-20"));
    assert_eq!(as_of(&ms, "23,400"), "2021");
}

#[test]
fn es_a_report_period_stated_once_covers_its_findings_and_the_period_end() {
    let text = "Informe anual del Observatorio.\n\nSalvo que se indique lo contrario, las cifras corresponden al periodo entre el 1 de mayo de 2021 y el 30 de junio de 2024.\n\n\
                Durante el periodo analizado, la policía capturó a 45.600 personas bajo el régimen de excepción. \
                Al cierre del periodo, el sistema albergaba a 98.700 personas en cárceles con capacidad para 51.200 plazas.";
    let ms = read("es", text, Some("2024-09-15"));
    assert_eq!(as_of(&ms, "45.600"), "2021-05-01/2024-06-30");
    assert_eq!(as_of(&ms, "98.700"), "2024-06-30");
    assert_eq!(as_of(&ms, "51.200"), "2024-06-30");
}

#[test]
fn es_a_span_without_the_report_phrase_is_no_report_period() {
    let text = "Informe anual del Observatorio.\n\nLas cifras de la policía entre el 1 de mayo de 2021 y el 30 de junio de 2024 muestran un alza.\n\n\
                Hoy el sistema alberga a 98.700 personas en cárceles con capacidad para 51.200 plazas.";
    let ms = read("es", text, Some("2024-09-15"));
    assert_eq!(as_of(&ms, "98.700"), "2024-09-15");
}

#[test]
fn en_a_report_period_stated_once_covers_its_findings() {
    let text = "Annual report.\n\nUnless otherwise stated, the figures cover the period from 1 May 2021 to 30 June 2024.\n\n\
                During that time, the police arrested 45,600 people under the state of exception. \
                At the end of the period, the system held 98,700 inmates.";
    let ms = read("en", text, Some("2024-09-15"));
    assert_eq!(as_of(&ms, "45,600"), "2021-05-01/2024-06-30");
    assert_eq!(as_of(&ms, "98,700"), "2024-06-30");
}

#[test]
fn en_another_sources_present_claim_is_no_finding_of_the_survey() {
    let text = "Our report documents abuses between March 2021 and June 2024.\n\n\
                - Releases. The government says 4,300 detainees have been freed under the state of exception.\n\
                - Arrests. Police arrested 45,600 people under the state of exception.";
    let ms = read("en", text, Some("2024-09-15"));
    assert!(as_of(&ms, "4,300").ends_with("2024-09-15"), "{}", as_of(&ms, "4,300"));
    // The report's own finding keeps the report's period.
    assert!(as_of(&ms, "45,600").ends_with("/2024-06"), "{}", as_of(&ms, "45,600"));
}

#[test]
fn es_another_sources_claim_stops_at_the_semicolon() {
    let text = "El informe documenta denuncias recibidas entre marzo de 2021 y junio de 2024.\n\n\
                Liberaciones. El Gobierno afirma haber liberado a 4.300 detenidos; según nuestros registros, 1.200 liberados siguieron presos.";
    let ms = read("es", text, Some("2024-09-15"));
    assert!(as_of(&ms, "4.300").ends_with("2024-09-15"), "{}", as_of(&ms, "4.300"));
    assert_eq!(as_of(&ms, "1.200"), "2021-03/2024-06");
}

#[test]
fn en_a_demonstrative_and_noun_take_the_period_of_the_count_they_name() {
    let text = "The country held 45,600 prisoners at the end of 2019, up from 23,100 at the end of 2015. \
                Those prisoners were held in 19 facilities with an official capacity of 30,500 places.";
    let ms = read("en", text, Some("2024-09-15"));
    assert_eq!(as_of(&ms, "19 facilities"), "2019");
    assert_eq!(as_of(&ms, "30,500"), "2019");
}

#[test]
fn en_a_demonstrative_naming_no_counted_noun_borrows_nothing_from_it() {
    let text = "The country held 45,600 prisoners at the end of 2019, up from 23,100 at the end of 2015. \
                Those reforms now leave 19 facilities with an official capacity of 30,500 places.";
    let ms = read("en", text, Some("2024-09-15"));
    assert_eq!(as_of(&ms, "30,500"), "2024-09-15");
}

#[test]
fn es_a_figure_held_before_the_regime_takes_the_start_month() {
    let text = "El régimen de excepción fue decretado el 14 de mayo de 2021. \
                La población penitenciaria, que antes del régimen rondaba los 31.000 presos, supera ya los 87.000.";
    let ms = read("es", text, Some("2024-09-15"));
    assert_eq!(as_of(&ms, "31.000"), "2021-05");
    // The other clause's figure is today's.
    assert_ne!(as_of(&ms, "87.000"), "2021-05");
}

#[test]
fn en_a_figure_after_the_phrase_in_another_clause_keeps_its_date() {
    let text = "The state of exception was declared on May 14, 2021. \
                Before the state of exception the jails were full, and today they hold 87,000 inmates.";
    let ms = read("en", text, Some("2024-09-15"));
    assert_eq!(as_of(&ms, "87,000"), "2024-09-15");
}

#[test]
fn en_a_fronted_partitive_takes_the_period_of_the_group_told_before() {
    let text = "The country received 312 deported men over the weekend, the president said on Monday.\n\n\
                Of the deportees, 287 were Venezuelan nationals, according to a statement.";
    let ms = read("en", text, Some("2025-06-10"));
    assert_eq!(as_of(&ms, "287"), as_of(&ms, "312"));
    assert!(!as_of(&ms, "287").is_empty());
}

#[test]
fn en_a_sentence_opening_of_another_kind_borrows_no_group_period() {
    let text = "The country received 312 deported men over the weekend, the president said on Monday.\n\n\
                In the end, 287 were Venezuelan nationals, according to a statement.";
    let ms = read("en", text, Some("2025-06-10"));
    assert_eq!(as_of(&ms, "287"), "");
}

#[test]
fn es_a_rate_dated_by_a_report_period_is_the_state_at_its_end() {
    let text = "Informe anual del Observatorio.\n\nSalvo que se indique lo contrario, las cifras corresponden al periodo entre el 1 de mayo de 2021 y el 30 de junio de 2024.\n\n\
                Durante el periodo analizado, la policía capturó a 45.600 personas bajo el régimen de excepción. \
                La tasa de encarcelamiento del país alcanzó 1.340 presos por cada 100.000 habitantes en el sistema penitenciario.";
    let ms = read("es", text, Some("2024-09-15"));
    let rate = ms.iter().find(|m| m.surface.contains("1.340")).unwrap();
    assert_eq!(rate.measure.as_deref(), Some("es_incarceration_rate"), "{rate:?}");
    assert_eq!(as_of(&ms, "1.340"), "2024-06-30");
    // A count over the period keeps the whole period.
    assert_eq!(as_of(&ms, "45.600"), "2021-05-01/2024-06-30");
}

#[test]
fn es_a_past_clause_after_another_clauses_present_takes_the_date_told_before() {
    // The sentence has a present ("siguen detenidos") but the figure's own clause is past.
    let text = "El 14 de febrero de 2025 llegaron al penal 412 hombres trasladados desde otras cárceles. \
                No todos siguen detenidos allí: según la dirección de centros penales, unos 37 fueron enviados a un hospital.";
    let ms = read("es", text, Some("2025-04-20"));
    assert_eq!(as_of(&ms, "unos 37"), "2025-02-14");
}

#[test]
fn es_a_clause_with_its_own_present_keeps_the_article_date() {
    // Look-alike: the figure's own clause is in the present ("son"), so the article's date.
    let text = "El 14 de febrero de 2025 llegaron al penal 412 hombres trasladados desde otras cárceles. \
                No todos siguen detenidos allí: según la dirección de centros penales, unos 37 son extranjeros.";
    let ms = read("es", text, Some("2025-04-20"));
    assert_eq!(as_of(&ms, "unos 37"), "2025-04-20");
}

#[test]
fn en_a_past_clause_after_another_clauses_present_takes_the_date_told_before() {
    let text = "On February 14, 2025, the prison received 412 men moved from other jails. \
                Not all of them are still held there: 37 were sent to a hospital.";
    let ms = read("en", text, Some("2025-04-20"));
    assert_eq!(as_of(&ms, "37"), "2025-02-14");
    // Look-alike: a perfect ("have been sent") is the present's.
    let text = "On February 14, 2025, the prison received 412 men moved from other jails. \
                Not all of them are still held there: 37 have been sent to a hospital.";
    let ms = read("en", text, Some("2025-04-20"));
    assert_eq!(as_of(&ms, "37"), "2025-04-20");
}

#[test]
fn es_a_figure_after_a_sentence_that_opens_and_closes_a_span_takes_the_span() {
    let text = "Entre el 3 de mayo de 2021 y el 9 de junio de 2023, la fiscalía abrió 1.234 expedientes por extorsión. \
                Unos 56 de ellos fueron archivados.";
    let ms = read("es", text, Some("2024-02-01"));
    assert_eq!(as_of(&ms, "56"), "2021-05-03/2023-06-09");
    let text = "From 3 May 2021 to 9 June 2023, prosecutors opened 1,234 extortion files in the capital. \
                Some 56 were later closed.";
    let ms = read("en", text, Some("2024-02-01"));
    assert_eq!(as_of(&ms, "56"), "2021-05-03/2023-06-09");
    // Look-alike: two dates with no span between them; the later figure is not given a span.
    let text = "On 3 May 2021 the office opened, and on 9 June 2023 prosecutors filed 1,234 extortion cases in the capital. \
                Some 56 were later closed.";
    let ms = read("en", text, Some("2024-02-01"));
    assert_ne!(as_of(&ms, "56"), "2021-05-03/2023-06-09");
}

#[test]
fn en_a_capacity_told_after_a_dated_population_is_of_its_time() {
    let text = "At the end of 2019 the country's prisons held 41,300 inmates, up from 12,800 at the close of 2009. \
                Official capacity has grown far more slowly, to about 23,400 places. That leaves the system at 176% of capacity.";
    let ms = read("en", text, Some("2020-03-04"));
    let capacity = ms.iter().find(|m| m.surface.contains("23,400")).unwrap();
    assert_eq!(capacity.measure.as_deref(), Some("es_prison_capacity"), "{capacity:?}");
    assert_eq!(as_of(&ms, "23,400"), as_of(&ms, "41,300"));
    assert_eq!(as_of(&ms, "176%"), as_of(&ms, "41,300"));
    // Look-alike: a capacity that says it is the present's keeps the article's date.
    let text = "At the end of 2019 the country's prisons held 41,300 inmates, up from 12,800 at the close of 2009. \
                Official capacity now stands at about 23,400 places.";
    let ms = read("en", text, Some("2020-03-04"));
    assert_eq!(as_of(&ms, "23,400"), "2020-03-04");
}

#[test]
fn es_a_capacity_told_after_a_dated_population_is_of_its_time() {
    let text = "Al cierre de 2019, las cárceles del país albergaban a 41.300 reclusos, frente a 12.800 en diciembre de 2009. \
                La capacidad instalada del sistema llega a 23.400 plazas.";
    let ms = read("es", text, Some("2020-03-04"));
    let capacity = ms.iter().find(|m| m.surface.contains("23.400")).unwrap();
    assert_eq!(capacity.measure.as_deref(), Some("es_prison_capacity"), "{capacity:?}");
    assert_eq!(as_of(&ms, "23.400"), as_of(&ms, "41.300"));
    // Look-alike: "actualmente" names the present.
    let text = "Al cierre de 2019, las cárceles del país albergaban a 41.300 reclusos, frente a 12.800 en diciembre de 2009. \
                La capacidad instalada del sistema llega actualmente a 23.400 plazas.";
    let ms = read("es", text, Some("2020-03-04"));
    assert_eq!(as_of(&ms, "23.400"), "2020-03-04");
}


#[test]
fn a_laws_year_dates_no_figure_even_in_lower_case() {
    // "una ley de 1798" names when the law was passed; the figure is the article's.
    let ms = read("es", "Trump invocó una ley de 1798 para deportarlos. Más de 250 personas fueron enviadas al CECOT.", Some("2025-04-01"));
    assert_ne!(as_of(&ms, "250"), "1798");
    let ms = read("es", "Trump invocó una ley de guerra de 1798. Más de 250 personas fueron enviadas al CECOT.", Some("2025-04-01"));
    assert_ne!(as_of(&ms, "250"), "1798");
    // A deal's year is no law's: it may date what the deal pays.
    let ms = read("es", "El acuerdo de 2025 prevé pagar 6 millones de dólares a El Salvador.", Some("2025-04-01"));
    assert!(as_of(&ms, "6 millones").starts_with("2025"), "{}", as_of(&ms, "6 millones"));
}
