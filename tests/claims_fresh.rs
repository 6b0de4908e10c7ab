//! Core measures on text nobody tuned the catalog to (issue 13): word lists and frames that
//! read a figure the way reporters write it, in English and Spanish. Sentences are our own.

use cecot_data::extract::{self, ArticleContext, Mention};
use cecot_data::pipeline::Knowledge;
use cecot_data::transform::claims;

fn measures(lang: &str, text: &str) -> Vec<Mention> {
    let k = Knowledge::load(None).unwrap();
    let lex = k.lexicons.get(lang).unwrap();
    let mut ex = extract::extract(text, lex, ArticleContext::default());
    claims::assign_measures(&ex.doc, &mut ex.mentions, &k.measures, lex);
    ex.mentions
}

fn measure_of(ms: &[Mention], surface_part: &str) -> Option<String> {
    ms.iter().find(|m| m.surface.contains(surface_part)).unwrap_or_else(|| panic!("no mention {surface_part:?} in {ms:#?}")).measure.clone()
}

#[test]
fn a_link_to_gangs_written_in_other_words() {
    let ms = measures("en", "Under the emergency regime, at least 20,000 of the people detained have no demonstrable link to gangs.");
    assert_eq!(measure_of(&ms, "20,000").as_deref(), Some("es_detainees_without_gang_link"));
    let ms = measures("es", "Bajo el régimen de excepción, la ONG calcula que unos 20.000 de los detenidos no tienen vínculo alguno con las pandillas.");
    assert_eq!(measure_of(&ms, "20.000").as_deref(), Some("es_detainees_without_gang_link"));
}

#[test]
fn es_an_opened_prison_in_its_participle() {
    let ms = measures("es", "La megacárcel, abierta en 2023 en Tecoluca, es la mayor del continente.");
    assert_eq!(measure_of(&ms, "2023").as_deref(), Some("cecot_opening_date"));
}

#[test]
fn years_into_the_crackdown_is_its_duration_but_not_a_term_of_office() {
    let ms = measures("en", "Three years into the crackdown, the streets are calm.");
    assert_eq!(measure_of(&ms, "Three years").as_deref(), Some("es_state_of_exception_duration"));
    let ms = measures("en", "Three years into his term, the president is popular.");
    assert_eq!(measure_of(&ms, "Three years"), None);
}

#[test]
fn the_prison_in_tecoluca_is_cecot() {
    let ms = measures("en", "Video showed the men marched into the prison in Tecoluca. Officials say it can hold up to 30,000 inmates.");
    assert_eq!(measure_of(&ms, "30,000").as_deref(), Some("cecot_capacity"));
}

#[test]
fn the_tren_de_aragua_names_the_venezuelan_deportees() {
    let ms = measures("en", "The agents put them on two planes to San Salvador, saying they belonged to the Tren de Aragua gang.");
    assert_eq!(measure_of(&ms, "two planes").as_deref(), Some("deportation_flights_to_cecot"));
}

#[test]
fn a_prison_population_that_stood_at_and_now_exceeds() {
    let ms = measures("en", "El Salvador's prison population, which stood at about 30,000 in 2018, now exceeds 100,000.");
    assert_eq!(measure_of(&ms, "30,000").as_deref(), Some("es_prison_population"));
    assert_eq!(measure_of(&ms, "100,000").as_deref(), Some("es_prison_population"));
}

#[test]
fn men_home_in_a_prisoner_exchange_were_released_not_deported() {
    let ms = measures("en", "Two hundred Venezuelan men who had spent months in CECOT landed in Caracas today, part of a prisoner exchange.");
    assert_eq!(measure_of(&ms, "Two hundred").as_deref(), Some("venezuelans_released_from_cecot"));
}

#[test]
fn the_amount_takes_the_payment_of_the_sentence_before() {
    let ms = measures("en", "The president said Washington would pay a small fee for their custody. An official put the amount at $5 million for the first year.");
    assert_eq!(measure_of(&ms, "$5 million").as_deref(), Some("us_payment_to_el_salvador"));
    let ms = measures("en", "The ministry bought new uniforms for the guards. An official put the amount at $5 million.");
    assert_eq!(measure_of(&ms, "$5 million"), None);
}

#[test]
fn a_release_in_the_next_clause_leaves_the_arrests_their_own() {
    let text = "El Salvador has been under a state of exception since 2022. Police have arrested more than 70,000 people under the measure, officials say, and about 7,000 have been released.";
    let ms = measures("en", text);
    assert_eq!(measure_of(&ms, "70,000").as_deref(), Some("es_state_of_exception_arrests"));
    assert_eq!(measure_of(&ms, "7,000").as_deref(), Some("es_state_of_exception_detainees_released"));
}

#[test]
fn a_rate_written_after_its_count_of_people_behind_bars() {
    let ms = measures("en", "The country now holds about 100,000 people behind bars, or roughly 1,500 per 100,000 residents, the highest rate in the world.");
    assert_eq!(measure_of(&ms, "100,000 people").as_deref(), Some("es_prison_population"));
    assert_eq!(measure_of(&ms, "1,500").as_deref(), Some("es_incarceration_rate"));
}

#[test]
fn under_the_measure_names_the_state_of_exception_and_the_arrests_keep_their_verb() {
    let text = "Lawmakers approved a state of exception in 2022. Soldiers have arrested more than 70,000 people under the measure, officials say, and about 7,000 have been released for lack of evidence.";
    let ms = measures("en", text);
    assert_eq!(measure_of(&ms, "70,000").as_deref(), Some("es_state_of_exception_arrests"));
    assert_eq!(measure_of(&ms, "7,000").as_deref(), Some("es_state_of_exception_detainees_released"));
}

#[test]
fn arrests_that_ended_in_release_count_releases() {
    let ms = measures("en", "Police made 70,000 arrests under the emergency regime, of which about 7,000 have ended with the detainee's release.");
    assert_eq!(measure_of(&ms, "70,000").as_deref(), Some("es_state_of_exception_arrests"));
    assert_eq!(measure_of(&ms, "7,000").as_deref(), Some("es_state_of_exception_detainees_released"));
}

#[test]
fn the_second_figure_of_from_x_to_y_continues_the_first() {
    let ms = measures("en", "The prison population rose from 30,000 in 2019 to 100,000 in December 2024.");
    assert_eq!(measure_of(&ms, "100,000").as_deref(), Some("es_prison_population"));
    let ms = measures("es", "La población carcelaria pasó de 30,000 reos en 2019 a 100,000 a finales de 2024.");
    assert_eq!(measure_of(&ms, "100,000").as_deref(), Some("es_prison_population"));
    // A figure of another kind after "to" continues nothing.
    let ms = measures("en", "The prison population rose from 30,000 in 2019 to 100,000 in December 2024, according to 12 reports.");
    assert_eq!(measure_of(&ms, "12 reports"), None);
}

#[test]
fn another_countrys_own_state_of_exception_starts_nothing_here() {
    let ms = measures("en", "Honduras, which declared its own state of exception in December 2022, holds some 19,000 prisoners.");
    assert_eq!(measure_of(&ms, "December 2022"), None);
    let ms = measures("en", "El Salvador declared a state of exception in March 2022.");
    assert_eq!(measure_of(&ms, "March 2022").as_deref(), Some("es_state_of_exception_start"));
}

#[test]
fn venezuelans_deported_to_a_third_country_were_not_sent_to_cecot() {
    let ms = measures("en", "Officials say another 50 or so Venezuelans were deported by the US to Costa Rica and Panama.");
    assert_eq!(measure_of(&ms, "50"), None);
    let ms = measures("es", "Otros 50 venezolanos fueron deportados a Costa Rica y Panamá.");
    assert_eq!(measure_of(&ms, "50"), None);
}

#[test]
fn an_added_capacity_or_a_second_prisons_is_no_capacity_of_the_system_or_of_cecot() {
    let ms = measures("en", "The government plans to build two more prisons by 2027 and to expand capacity by 10,000 places.");
    assert_eq!(measure_of(&ms, "10,000"), None);
    let ms = measures("es", "El Gobierno anunció que levantará una segunda cárcel de máxima seguridad, con capacidad para 10,000 reos.");
    assert_eq!(measure_of(&ms, "10,000"), None);
    let ms = measures("es", "El CECOT, la cárcel de máxima seguridad, tiene capacidad para 40.000 reos.");
    assert_eq!(measure_of(&ms, "40.000").as_deref(), Some("cecot_capacity"));
}

#[test]
fn es_planes_that_landed_with_venezuelans_are_the_deportation_flights() {
    let ms = measures("es", "Dos aviones fletados por el Gobierno de Trump aterrizaron anoche en el aeropuerto de El Salvador con 200 venezolanos.");
    assert_eq!(measure_of(&ms, "Dos aviones").as_deref(), Some("deportation_flights_to_cecot"));
    let ms = measures("es", "Dos aviones con 150 salvadoreños deportados aterrizaron en el aeropuerto.");
    assert_ne!(measure_of(&ms, "Dos aviones").as_deref(), Some("deportation_flights_to_cecot"));
}

#[test]
fn es_a_short_window_of_another_count_leaves_the_running_total() {
    let ms = measures("es", "La red contabiliza 300 muertes de reclusos bajo custodia estatal desde que comenzó la medida, al menos tres de ellas en las últimas dos semanas.");
    assert_eq!(measure_of(&ms, "300 muertes").as_deref(), Some("es_prison_deaths_since_2022"));
    // The window of the figure itself still makes it no running total.
    let ms = measures("es", "La red contabiliza 30 muertes de reclusos bajo custodia estatal en las últimas dos semanas.");
    assert_ne!(measure_of(&ms, "30 muertes").as_deref(), Some("es_prison_deaths_since_2022"));
}

#[test]
fn es_a_prison_for_a_number_is_its_capacity() {
    let ms = measures("es", "CECOT, un año después: más de 12,000 reos en una cárcel para 40,000");
    assert_eq!(measure_of(&ms, "40,000").as_deref(), Some("cecot_capacity"));
}

#[test]
fn es_el_penal_after_cecot_is_cecot_but_not_a_named_other_prison() {
    let ms = measures("es", "El CECOT abrió en 2023. El penal tiene capacidad para 40.000 reclusos.");
    assert_eq!(measure_of(&ms, "40.000").as_deref(), Some("cecot_capacity"));
    let ms = measures("es", "El CECOT abrió en 2023. El penal de Izalco tiene capacidad para 5.000 reclusos.");
    assert_eq!(measure_of(&ms, "5.000"), None);
}

#[test]
fn a_payment_to_hold_them_for_a_year_is_no_yearly_rate() {
    let ms = measures("en", "The US agreed to pay El Salvador about five million dollars to hold the men for a year.");
    assert_eq!(measure_of(&ms, "five million dollars").as_deref(), Some("us_payment_to_el_salvador"));
    // What a verb of paying gives per year of the deal is its terms: the payment, no average.
    let ms = measures("en", "The US pays El Salvador $5 million a year to hold the deportees.");
    assert_eq!(measure_of(&ms, "$5 million").as_deref(), Some("us_payment_to_el_salvador"));
    // What the deal budgets per year is its budget.
    let ms = measures("en", "The agreement budgets up to $5 million a year for custody.");
    assert_ne!(measure_of(&ms, "$5 million").as_deref(), Some("us_payment_to_el_salvador"));
}

#[test]
fn most_of_a_group_names_the_whole_not_the_part() {
    // (The whole gets no measure either: "criminal record" next to it is an `exclude` word of the
    // deportees' entry, which the frames honour too.)
    let ms = measures("en", "Most of the 238 Venezuelans sent to CECOT had no criminal record, a review found.");
    assert_ne!(measure_of(&ms, "238").as_deref(), Some("deportees_no_criminal_record"));
    let ms = measures("es", "La mayoría de los 238 venezolanos enviados al CECOT no tenían antecedentes penales.");
    assert_ne!(measure_of(&ms, "238").as_deref(), Some("deportees_no_criminal_record"));
    let ms = measures("en", "Venezuelans were sent to CECOT in March. About 70 of the men had no criminal record.");
    assert_eq!(measure_of(&ms, "70").as_deref(), Some("deportees_no_criminal_record"));
}

#[test]
fn es_the_systems_prisons_counted_with_cuenta_con_or_suma() {
    let ms = measures("es", "El país cuenta con 25 centros penales.");
    assert_eq!(measure_of(&ms, "25").as_deref(), Some("es_prison_facilities"));
    let ms = measures("es", "El sistema penitenciario suma 20 centros penales y más de 100.000 reos.");
    assert_eq!(measure_of(&ms, "20").as_deref(), Some("es_prison_facilities"));
}

#[test]
fn a_second_prisons_capacity_is_not_cecots_even_after_its_rank() {
    let text = "La construcción del CECOT costó unos 100 millones. El Gobierno ha anunciado que levantará una segunda cárcel de máxima seguridad, con capacidad para 10,000 reos, en el occidente del país.";
    let ms = measures("es", text);
    assert_eq!(measure_of(&ms, "10,000"), None);
    let ms = measures("es", "La construcción del CECOT costó unos 100 millones. La megacárcel tiene capacidad para 40.000 reos.");
    assert_eq!(measure_of(&ms, "40.000").as_deref(), Some("cecot_capacity"));
}

#[test]
fn a_number_near_cecot_is_no_count_of_its_pavilions() {
    let ms = measures("es", "La construcción del CECOT costó unos 100 millones.");
    assert_eq!(measure_of(&ms, "100 millones"), None);
    let ms = measures("es", "El CECOT tiene ocho módulos y 256 celdas.");
    assert_eq!(measure_of(&ms, "ocho").as_deref(), Some("cecot_pavilions"));
    let ms = measures("en", "CECOT is a sprawling complex of eight pavilions.");
    assert_eq!(measure_of(&ms, "eight").as_deref(), Some("cecot_pavilions"));
    let ms = measures("en", "CECOT was built far from towns, surrounded by hundreds of blocks of state land.");
    assert_eq!(measure_of(&ms, "hundreds"), None);
}

#[test]
fn es_reos_in_a_sentence_about_cecot_are_cecots_not_the_systems() {
    let ms = measures("es", "CECOT, un año después: más de 12,000 reos en una cárcel para 40,000");
    assert_eq!(measure_of(&ms, "12,000").as_deref(), Some("cecot_inmate_population"));
    let ms = measures("es", "Las cárceles del país albergan a 100.000 reos.");
    assert_eq!(measure_of(&ms, "100.000").as_deref(), Some("es_prison_population"));
    let ms = measures("es", "En El Salvador hay más de 100.000 reos.");
    assert_eq!(measure_of(&ms, "100.000").as_deref(), Some("es_prison_population"));
}

#[test]
fn a_part_of_a_whole_the_sentence_opens_with_loses_the_wholes_measure() {
    let ms = measures("en", "Venezuelans were flown to CECOT in March. Of the 238 Venezuelans, 137 were deported under the Alien Enemies Act.");
    assert_eq!(measure_of(&ms, "238").as_deref(), Some("venezuelans_deported_to_cecot"));
    assert_ne!(measure_of(&ms, "137").as_deref(), Some("venezuelans_deported_to_cecot"));
    let ms = measures("es", "Los venezolanos llegaron al CECOT en marzo. De los 238 venezolanos, 137 fueron expulsados en virtud de la Ley de Enemigos Extranjeros.");
    assert_eq!(measure_of(&ms, "137"), None);
    // The part keeps a measure of its own.
    let ms = measures("es", "De los 238 venezolanos enviados al CECOT, 100 no tenían antecedentes.");
    assert_eq!(measure_of(&ms, "100").as_deref(), Some("deportees_no_criminal_record"));
}

#[test]
fn look_alikes_of_other_countries_and_other_groups() {
    // A return from the United States is no release from CECOT.
    let ms = measures("en", "Some 130 Venezuelans were returned to Venezuela from the United States on Friday.");
    assert_eq!(measure_of(&ms, "130"), None);
    // A payment to another country is no payment to El Salvador.
    let ms = measures("en", "The US has paid $15 million to Costa Rica to receive deportees.");
    assert_eq!(measure_of(&ms, "$15 million"), None);
    let ms = measures("es", "Estados Unidos pagó 15 millones de dólares a Costa Rica por recibir deportados.");
    assert_eq!(measure_of(&ms, "15 millones"), None);
    let ms = measures("en", "The US has paid $5 million to El Salvador to hold the deportees.");
    assert_eq!(measure_of(&ms, "$5 million").as_deref(), Some("us_payment_to_el_salvador"));
    // Room for more Americans is no capacity of CECOT.
    let ms = measures("en", "The president said he could hold up to 40,000 more Americans in CECOT.");
    assert_eq!(measure_of(&ms, "40,000"), None);
    let ms = measures("es", "Bukele dijo que podría albergar hasta 40.000 estadounidenses más en el CECOT.");
    assert_eq!(measure_of(&ms, "40.000"), None);
}

#[test]
fn es_a_population_of_people_deprived_of_liberty_is_the_systems() {
    let ms = measures("es", "El sistema penitenciario suma 20 centros penales y una población de 100,000 personas privadas de libertad.");
    assert_eq!(measure_of(&ms, "100,000").as_deref(), Some("es_prison_population"));
    // A country's population is still no count of prisoners.
    let ms = measures("es", "El Salvador, un país con una población de 6,3 millones de habitantes, tiene la tasa de encarcelamiento más alta del mundo.");
    assert_eq!(measure_of(&ms, "6,3 millones"), None);
}
