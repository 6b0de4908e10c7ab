//! Contrast pairs for the core measures in English: the same quantity noun in a sentence that
//! states the measure and in one that does not (another place, another group, a part, one
//! event, a change). Sentences are made up for these tests.

use cecot_data::extract::{self, ArticleContext, Mention};
use cecot_data::pipeline::Knowledge;
use cecot_data::transform::claims;

fn read(lang: &str, text: &str) -> Vec<Mention> {
    let k = Knowledge::load(None).unwrap();
    let lex = k.lexicons.get(lang).unwrap();
    let mut ex = extract::extract(text, lex, ArticleContext::default());
    claims::assign_measures(&ex.doc, &mut ex.mentions, &k.measures, lex);
    ex.mentions
}

/// The measure of the statement whose surface contains `part`.
fn measure(lang: &str, text: &str, part: &str) -> Option<String> {
    let ms = read(lang, text);
    let m = ms.iter().find(|m| m.surface.contains(part)).unwrap_or_else(|| panic!("no mention {part:?} in {ms:#?}"));
    m.measure.clone()
}

fn is(lang: &str, text: &str, part: &str, id: &str) {
    assert_eq!(measure(lang, text, part).as_deref(), Some(id), "{text}");
}

fn is_not(lang: &str, text: &str, part: &str, id: &str) {
    assert_ne!(measure(lang, text, part).as_deref(), Some(id), "{text}");
}

#[test]
fn another_countrys_prisons_are_not_el_salvadors() {
    is("en", "El Salvador's prisons hold about 104,000 inmates.", "104,000", "es_prison_population");
    is_not("en", "The US prison population is about 1.3 million inmates.", "1.3 million", "es_prison_population");
    is_not("en", "A cell in the mega-prison holds 70 inmates, while cells in US prisons hold two.", "two", "cecot_cell_occupancy");
}

#[test]
fn other_prisons_of_the_country_are_not_the_system() {
    is("en", "The country's prisons hold 98,000 inmates.", "98,000", "es_prison_population");
    is_not("en", "Other prisons in the country hold 52,000 inmates.", "52,000", "es_prison_population");
}

#[test]
fn another_custody_site_beside_cecot_is_not_cecot() {
    is("en", "CECOT has a capacity of 38,000 inmates.", "38,000", "cecot_capacity");
    is_not("en", "Officials said Guantanamo has room for 27,000 migrants, while CECOT can hold 38,000.", "27,000", "cecot_capacity");
}

#[test]
fn one_raid_or_one_day_is_no_running_total() {
    is("en", "Police have arrested 83,000 people under the state of exception.", "83,000", "es_state_of_exception_arrests");
    is_not("en", "Police arrested 310 people in a single raid under the state of exception.", "310", "es_state_of_exception_arrests");
    is_not("en", "In a single day, soldiers arrested 1,100 people under the state of exception.", "1,100", "es_state_of_exception_arrests");
}

#[test]
fn one_batch_or_one_block_is_a_part() {
    is("en", "CECOT houses about 14,000 inmates.", "14,000", "cecot_inmate_population");
    is_not("en", "The first group of 1,900 inmates arrived at CECOT in February.", "1,900", "cecot_inmate_population");
    is_not("en", "Another 4,000 inmates were taken to CECOT on Sunday.", "4,000", "cecot_inmate_population");
    is_not("en", "A video showed 1,800 inmates being moved to CECOT.", "1,800", "cecot_inmate_population");
}

#[test]
fn a_change_is_not_a_level() {
    is("en", "The prison population stood at 107,000 inmates.", "107,000", "es_prison_population");
    is_not("en", "The prison population increased by 21,000 inmates in a year.", "21,000", "es_prison_population");
    is_not("en", "The state of exception has brought an increase of 9,000 arrests since January.", "9,000", "es_state_of_exception_arrests");
}

#[test]
fn a_coordinated_group_keeps_its_own_noun() {
    let text = "The United States deported 270 people to El Salvador: 241 Venezuelans and 29 Salvadorans.";
    is("en", text, "241", "venezuelans_deported_to_cecot");
    is_not("en", text, "270", "venezuelans_deported_to_cecot");
    is_not("en", text, "29", "venezuelans_deported_to_cecot");
    let text = "In March, 241 Venezuelans and 29 alleged gang members were sent to CECOT.";
    is("en", text, "241", "venezuelans_deported_to_cecot");
    is_not("en", text, "29", "venezuelans_deported_to_cecot");
}

#[test]
fn a_part_after_an_opening_partitive_is_no_total() {
    is("en", "Officials sent 241 Venezuelans to CECOT under the Alien Enemies Act.", "241", "venezuelans_deported_to_cecot");
    is_not("en", "Among them, 141 were deported under the Alien Enemies Act.", "141", "venezuelans_deported_to_cecot");
    // A part may count what counts parts: those with no record.
    is("en", "The US sent 241 Venezuelans to CECOT. Of them, 70 had no criminal record.", "70", "deportees_no_criminal_record");
}

#[test]
fn a_flight_count_is_not_owned_by_the_group_it_carries() {
    is("es", "Entre el 15 y el 30 de marzo, unos 190 venezolanos llegaron al penal en tres vuelos.", "tres vuelos", "deportation_flights_to_cecot");
}

#[test]
fn a_group_sent_elsewhere_is_not_the_group_sent_to_cecot() {
    is("en", "The US deported 241 Venezuelans to El Salvador, where they were locked up in CECOT.", "241", "venezuelans_deported_to_cecot");
    is_not("en", "Mexico received 3,900 Venezuelans deported from the United States.", "3,900", "venezuelans_deported_to_cecot");
    is_not("en", "Nearly 290 Venezuelans held in a Texas detention center were deported on Saturday.", "290", "venezuelans_deported_to_cecot");
}

#[test]
fn a_count_in_one_pavilion_or_one_transfer_is_a_part() {
    is_not("en", "Reporters who visited CECOT saw about 1,900 inmates in one pavilion.", "1,900", "cecot_inmate_population");
    is_not("en", "Some 1,100 detainees were taken to CECOT in its first transfer in February 2023.", "1,100", "cecot_inmate_population");
}

#[test]
fn a_sample_a_report_interviewed_is_no_total() {
    is("en", "CECOT holds about 14,000 inmates.", "14,000", "cecot_inmate_population");
    is_not("en", "Investigators interviewed 45 people held at CECOT.", "45", "cecot_inmate_population");
}

#[test]
fn a_cap_in_a_deal_is_not_the_prisons_capacity() {
    is_not("en", "Bukele offered to house up to 310 deportees in CECOT for a fee.", "310", "cecot_capacity");
}

#[test]
fn a_count_of_venezuelans_is_not_the_countrys_arrests() {
    is("en", "El Salvador has detained 81,000 people under the state of exception.", "81,000", "es_state_of_exception_arrests");
    is_not("en", "The 241 Venezuelans detained in El Salvador have no access to lawyers.", "241", "es_state_of_exception_arrests");
    // Salvadorans are the country's own people: their arrests are the country's.
    is("en", "El Salvador has detained 81,000 Salvadorans under the state of exception.", "81,000", "es_state_of_exception_arrests");
}

#[test]
fn a_swap_returns_the_venezuelans() {
    is("en", "Venezuela freed ten Americans in exchange for 250 Venezuelans held in El Salvador.", "250", "venezuelans_released_from_cecot");
}

#[test]
fn new_or_more_after_the_number_is_an_increment() {
    is("en", "El Salvador has 23 prisons.", "23", "es_prison_facilities");
    is_not("en", "El Salvador built 4 new prisons in two years.", "4 new", "es_prison_facilities");
    is_not("en", "Authorities sent 4,500 more inmates to CECOT.", "4,500", "cecot_inmate_population");
}

#[test]
fn one_riot_or_one_weekend_is_no_running_total() {
    is("en", "Some 350 inmates have died in state custody since the state of exception began.", "350", "es_prison_deaths_since_2022");
    is_not("en", "Three inmates died in state custody in a riot.", "Three", "es_prison_deaths_since_2022");
}

#[test]
fn pretrial_detainees_are_a_part_of_the_prison_population() {
    is_not("en", "El Salvador held 57,000 people in pretrial detention.", "57,000", "es_prison_population");
}

#[test]
fn another_countrys_figures_by_its_adjective_or_the_sentence_before() {
    is("en", "President Nayib Bukele declared a state of exception in 2022, and police have arrested 79,000 people.", "79,000", "es_state_of_exception_arrests");
    is_not("en", "Honduran President Xiomara Castro declared a state of exception in 2022, and police have arrested 4,800 people.", "4,800", "es_state_of_exception_arrests");
    is_not("en", "America's prisons hold 1.3 million inmates.", "1.3 million", "es_prison_population");
    let text = "Ecuador has copied Bukele's model. Its government has arrested 9,600 people under a state of emergency.";
    is_not("en", text, "9,600", "es_state_of_exception_arrests");
}

#[test]
fn a_gap_to_capacity_is_no_capacity() {
    is_not("en", "CECOT's population is 19,000 inmates below its capacity.", "19,000", "cecot_capacity");
}

#[test]
fn people_expelled_under_title_42_are_not_the_deportees_counted() {
    is("en", "The United States deported 7,900 Salvadorans last year.", "7,900", "salvadorans_deported_from_us");
    is_not("en", "Some 98,000 Salvadorans were deported under Title 42 during the pandemic.", "98,000", "salvadorans_deported_from_us");
}

#[test]
fn a_noun_after_the_count_phrase_is_not_what_it_counts() {
    // `lawmakers` stands after "since": it names who suspended the guarantees, not the count.
    is("en", "Security forces have detained more than 82,000 people since lawmakers first suspended constitutional guarantees.", "82,000", "es_state_of_exception_arrests");
    is_not("en", "Some 60 lawmakers voted to extend the state of exception.", "60", "es_state_of_exception_arrests");
}

#[test]
fn a_relative_pronoun_stands_for_its_antecedent() {
    is("en", "The prison population, which stood at 35,000, now approaches 104,000.", "35,000", "es_prison_population");
    is_not("en", "The prison population of Honduras, which stood at 19,000, keeps growing.", "19,000", "es_prison_population");
}

#[test]
fn a_sourcing_count_is_no_total() {
    is("en", "CECOT holds about 14,000 inmates.", "14,000", "cecot_inmate_population");
    is_not("en", "At CECOT, 12 inmates told reporters they had been beaten.", "12", "cecot_inmate_population");
    // A mark ends the count's noun phrase: the officials are not counted.
    is("en", "CECOT holds about 14,000 inmates, officials told reporters.", "14,000", "cecot_inmate_population");
}

#[test]
fn salvadoran_gang_members_are_not_the_venezuelans() {
    let text = "The United States sent 241 Venezuelans to CECOT in March. The flights also carried 21 alleged MS-13 members.";
    is("en", text, "241", "venezuelans_deported_to_cecot");
    is_not("en", text, "21", "venezuelans_deported_to_cecot");
}

#[test]
fn a_sentence_after_one_about_another_prison_is_that_prisons() {
    is_not("en", "La Esperanza is the oldest prison in the country. It holds 31,000 inmates.", "31,000", "es_prison_population");
    is_not("en", "In the U.S., about 1.8 million people are behind bars.", "1.8 million", "es_prison_population");
}

#[test]
fn deportations_to_venezuela_are_not_to_cecot() {
    is_not("en", "Some 39,000 Venezuelans have been deported from the US since January.", "39,000", "venezuelans_deported_to_cecot");
    is_not("en", "Venezuela has received 12,000 deportees on 68 flights since February.", "68 flights", "deportation_flights_to_cecot");
    is("en", "Three flights carried 241 Venezuelans to CECOT.", "Three flights", "deportation_flights_to_cecot");
}

#[test]
fn a_count_of_prisons_names_them() {
    is("en", "The country's 24 prisons hold 104,000 inmates.", "24 prisons", "es_prison_facilities");
    is_not("en", "Gangs ran the prisons for at least the last three governments.", "three", "es_prison_facilities");
    is("en", "In 2020, before the crackdown, the prisons had room for 26,000.", "26,000", "es_prison_capacity");
}

#[test]
fn a_figure_before_has_its_own_scene() {
    let text = "Police arrested 210 people in a sweep of one town, bringing total arrests under the state of exception to 79,000.";
    is_not("en", text, "210", "es_state_of_exception_arrests");
    is("en", text, "79,000", "es_state_of_exception_arrests");
    // A date sets no scene of its own: the flight is still the figure's.
    is_not("en", "On a single flight in March, the US sent 99 Venezuelans to CECOT.", "99", "venezuelans_deported_to_cecot");
}

#[test]
fn an_apposition_takes_its_subject_from_the_noun_before() {
    is("en", "CECOT, built for 39,000 inmates, holds about 14,000.", "39,000", "cecot_capacity");
    is("en", "Capacity grew mostly because of CECOT, the 39,000-bed complex opened in 2023.", "39,000-bed", "cecot_capacity");
    is_not("en", "La Esperanza, built for 5,500 inmates, holds 30,000.", "5,500", "cecot_capacity");
}

#[test]
fn a_sum_in_another_currency_is_the_same_claim() {
    let text = "The Trump administration paid El Salvador about six million dollars — roughly £4.7 million — to keep them for a year.";
    is("en", text, "six million dollars", "us_payment_to_el_salvador");
    is("en", text, "£4.7 million", "us_payment_to_el_salvador");
    // Two sums joined by words are two claims.
    is_not("en", "The US paid El Salvador $6 million, and Britain spent £2 million on its own prisons.", "£2 million", "us_payment_to_el_salvador");
}

#[test]
fn the_state_of_exception_turning_years_old_is_its_duration() {
    is("en", "El Salvador's state of exception turned three years old on Thursday.", "three years old", "es_state_of_exception_duration");
    is_not("en", "The man, 41 years old, was detained under the state of exception.", "41", "es_state_of_exception_duration");
    is_not("en", "A 41-year-old man died in custody under the state of exception.", "41", "es_state_of_exception_duration");
}

#[test]
fn growth_of_the_prisons_in_percent() {
    let text = "At the end of 2024 the country's 24 prisons held 108,000 people, up from 36,000 at the close of 2020, an increase of 200% in four years.";
    is("en", text, "200%", "es_prison_population_growth_2020_2024");
    is_not("en", "Remittances showed an increase of 12% in four years.", "12%", "es_prison_population_growth_2020_2024");
}

#[test]
fn flights_from_another_country_to_el_salvador_are_el_salvadors() {
    is("en", "Washington put the Venezuelan men on four flights from Louisiana to San Salvador last spring.", "four flights", "deportation_flights_to_cecot");
    is("en", "The U.S. sent 190 Venezuelans from Florida to El Salvador, where they were locked in CECOT.", "190", "venezuelans_deported_to_cecot");
    is_not("en", "Guatemala received 3,100 Venezuelans deported from the United States.", "3,100", "venezuelans_deported_to_cecot");
    is_not("en", "Four flights left Louisiana for Guatemala with 190 Venezuelans.", "190", "venezuelans_deported_to_cecot");
}

#[test]
fn men_once_held_in_cecot_who_landed_home_were_returned() {
    let text = "Two hundred and nine Venezuelan men who had spent five months inside El Salvador's mega-prison landed in Caracas on Friday, in a swap that also freed eight Americans held in Venezuela.";
    is("en", text, "Two hundred and nine", "venezuelans_released_from_cecot");
    is_not("en", text, "Two hundred and nine", "venezuelans_deported_to_cecot");
    is("en", text, "eight Americans", "americans_released_in_prisoner_swap");
    is("en", "The 209 Venezuelans who were sent to CECOT in March had no criminal record in the US, lawyers say.", "209", "venezuelans_deported_to_cecot");
}

#[test]
fn a_count_of_prisons_is_no_count_of_places() {
    is_not("en", "Officials plan to build three more maximum-security prisons by 2030 and to raise capacity by 12,000 places.", "three", "es_prison_capacity");
    is("en", "El Salvador's prisons have a capacity of 61,000 inmates.", "61,000", "es_prison_capacity");
    is_not("es", "El gobierno planea construir tres cárceles más para ampliar la capacidad del sistema penitenciario.", "tres", "es_prison_capacity");
}

#[test]
fn a_researchers_interviews_are_a_sourcing_count() {
    assert_eq!(measure("en", "A researcher who has interviewed 27 of the men since their release said they described beatings in CECOT.", "27"), None);
}

#[test]
fn men_per_cell_as_former_detainees_describe_it() {
    is("en", "Men released from CECOT described cells with about 70 men each and the lights on all night.", "70", "cecot_cell_occupancy");
    is_not("en", "Each pavilion of CECOT has 32 cells with metal bunks.", "32", "cecot_cell_occupancy");
}

#[test]
fn one_nights_flights_are_the_operation_not_a_part() {
    is("en", "The Venezuelan men were sent to CECOT on two deportation flights that landed overnight.", "two deportation flights", "deportation_flights_to_cecot");
    is_not("en", "Police arrested 500 people overnight under the state of exception.", "500", "es_state_of_exception_arrests");
}

#[test]
fn a_monthly_average_needs_its_words() {
    is_not("es", "El Salvador recibió el año pasado a 15.300 salvadoreños deportados desde Estados Unidos, según Migración.", "15.300", "salvadorans_deported_from_us_monthly_average");
    is("es", "El Salvador recibió el año pasado a 15.300 salvadoreños deportados desde Estados Unidos, según Migración.", "15.300", "salvadorans_deported_from_us");
}

#[test]
fn the_place_named_next_to_a_part_is_the_parts() {
    is_not("en", "The administration deported 7,400 Venezuelans last year, 190 of them to El Salvador.", "7,400", "venezuelans_deported_to_cecot");
    is("en", "The administration sent 190 Venezuelans to El Salvador, where they were locked in CECOT.", "190", "venezuelans_deported_to_cecot");
    is_not("es", "Estados Unidos deportó a 7.400 venezolanos el año pasado, 190 de ellos a El Salvador.", "7.400", "venezuelans_deported_to_cecot");
}

#[test]
fn a_count_of_a_period_named_in_words_is_no_running_total() {
    is_not("en", "Over the past year, 4,100 people were arrested under the state of exception.", "4,100", "es_state_of_exception_arrests");
    is("en", "Police have arrested 81,000 people under the state of exception.", "81,000", "es_state_of_exception_arrests");
    is("en", "Under the state of exception, police say the number of arrests reached 71,300 this week.", "71,300", "es_state_of_exception_arrests");
    is_not("es", "El año pasado, la policía capturó a 4.100 personas bajo el régimen de excepción.", "4.100", "es_state_of_exception_arrests");
}

#[test]
fn a_clause_that_names_its_quantity_borrows_no_unit() {
    let text = "According to data the group obtained through 95 information requests, the prison population rose from 31,200 in 2019 to 104,500 in June 2024.";
    is("en", text, "31,200", "es_prison_population");
    is("en", text, "104,500", "es_prison_population");
    is_not("en", text, "95", "es_prison_population");
}

#[test]
fn another_countrys_state_of_emergency_has_another_start() {
    let text = "In Honduras, where a state of emergency has been in force since December 2022, police report 9,000 arrests. El Salvador's state of exception has been in force since March 2022.";
    is_not("en", text, "December 2022", "es_state_of_exception_start");
    is("en", text, "March 2022", "es_state_of_exception_start");
}

#[test]
fn a_question_heading_keeps_the_subject_of_the_text_before() {
    let heading = |prison: &str, line: &str| format!("What is {prison}? {prison} {line} How many inmates fit? According to the government, the prison has capacity for 40,000 inmates.");
    is("en", &heading("CECOT", "is a maximum-security prison in Tecoluca."), "40,000", "cecot_capacity");
    is_not("en", &heading("Mariona", "is an old prison near the capital."), "40,000", "cecot_capacity");
    is("es", "¿Qué es el CECOT? El CECOT es una prisión de máxima seguridad en Tecoluca. ¿Cuántos reos caben? Según el Gobierno, la cárcel tiene capacidad para 40.000 reclusos.", "40.000", "cecot_capacity");
}

#[test]
fn the_whole_of_a_part_counts_no_part() {
    is("en", "A report found that 150 of the 230 Venezuelans deported to CECOT had no criminal record.", "150", "deportees_no_criminal_record");
    is_not("en", "A report found that 150 of the 230 Venezuelans deported to CECOT had no criminal record.", "230", "deportees_no_criminal_record");
    is("es", "Un informe revela que 150 de los venezolanos enviados al CECOT no tenían antecedentes.", "150", "deportees_no_criminal_record");
    is_not("es", "Un informe revela que 150 de los 230 venezolanos enviados al CECOT no tenían antecedentes.", "230", "deportees_no_criminal_record");
}

#[test]
fn an_increment_word_after_a_number_word_or_a_noun() {
    is_not("en", "The government opened three new prisons this year, bringing the system to 25 facilities.", "three", "es_prison_facilities");
    is("es", "El sistema penitenciario tiene capacidad para 45.000 reos.", "45.000", "es_prison_capacity");
    is_not("es", "El sistema penitenciario tendrá capacidad para 45.000 reos más.", "45.000", "es_prison_capacity");
    is_not("es", "Los dos primeros aviones llevaban venezolanos al CECOT.", "dos primeros", "deportation_flights_to_cecot");
}

#[test]
fn a_plane_count_before_a_figure_sets_its_scene() {
    is("en", "Three flights carried 240 Venezuelans deported to CECOT.", "240", "venezuelans_deported_to_cecot");
    is_not("en", "In a single day, three flights carried 240 Venezuelans deported to CECOT.", "240", "venezuelans_deported_to_cecot");
}

#[test]
fn flying_or_sending_people_to_the_prison_deports_them() {
    is("en", "The United States flew 238 Venezuelan men to a maximum-security prison in El Salvador.", "238", "venezuelans_deported_to_cecot");
    is("en", "Washington flies 238 Venezuelans to El Salvador's mega-prison.", "238", "venezuelans_deported_to_cecot");
    is_not("en", "Some 4,000 Venezuelans fly to Madrid every month.", "4,000", "venezuelans_deported_to_cecot");
}

#[test]
fn releasing_detainees_is_a_release() {
    let text = "The state of exception was approved in March 2022. Authorities have acknowledged releasing about 8,000 detainees.";
    is("en", text, "8,000", "es_state_of_exception_detainees_released");
    is_not("en", "Authorities have acknowledged arresting about 8,000 detainees under the state of exception.", "8,000", "es_state_of_exception_detainees_released");
}

#[test]
fn a_link_to_any_gang_is_the_predicate_of_those_arrested() {
    let text = "At least 20,000 people detained under the state of exception have no verifiable link to any gang.";
    is("en", text, "20,000", "es_detainees_without_gang_link");
    is_not("en", text, "20,000", "es_state_of_exception_arrests");
    is("en", "Under the state of exception, at least 20,000 of those arrested have no verifiable link to any gang.", "20,000", "es_detainees_without_gang_link");
    is("en", "At least 81,000 people have been detained under the state of exception.", "81,000", "es_state_of_exception_arrests");
    is_not("es", "Al menos 20.000 detenidos bajo el régimen de excepción no tienen vínculos con pandillas.", "20.000", "es_state_of_exception_arrests");
}

#[test]
fn a_prisons_first_inmates_mark_its_opening() {
    is("en", "CECOT received its first inmates in February 2023.", "February 2023", "cecot_opening_date");
    is_not("en", "CECOT received 2,000 more inmates in February 2024.", "February 2024", "cecot_opening_date");
}

#[test]
fn what_the_prisons_hold_is_their_population_what_they_can_hold_their_capacity() {
    is("en", "El Salvador's prisons now hold about 109,000 people, in a system with an official capacity of 69,000.", "109,000", "es_prison_population");
    is("en", "El Salvador's prisons now hold about 109,000 people, in a system with an official capacity of 69,000.", "69,000", "es_prison_capacity");
    is_not("en", "The country's prisons can hold 70,000 inmates.", "70,000", "es_prison_population");
    is("en", "CECOT can hold 40,000 prisoners.", "40,000", "cecot_capacity");
}

#[test]
fn a_part_of_a_group_is_no_count_of_the_group() {
    let text = "The United States sent 238 Venezuelans to CECOT. The White House said 137 of the Venezuelans had been removed under the Alien Enemies Act.";
    is("en", text, "238", "venezuelans_deported_to_cecot");
    is_not("en", text, "137", "venezuelans_deported_to_cecot");
    let text = "Estados Unidos envió a 238 venezolanos al Cecot. La Casa Blanca dijo que 137 de los venezolanos fueron expulsados bajo la Ley de Enemigos Extranjeros.";
    is("es", text, "238", "venezuelans_deported_to_cecot");
    is_not("es", text, "137", "venezuelans_deported_to_cecot");
    // A superlative after "of the" names no whole the figure is a part of.
    is("en", "The government says CECOT holds some 15,000 of the most dangerous gang members in the country.", "15,000", "cecot_inmate_population");
}

#[test]
fn another_nationality_is_no_count_of_the_venezuelans() {
    let text = "The United States sent 238 Venezuelans to CECOT in March. Who are the 23 Salvadorans returned with the Venezuelans?";
    is("en", text, "238", "venezuelans_deported_to_cecot");
    is_not("en", text, "23", "venezuelans_released_from_cecot");
    is("en", "In July, 252 Venezuelans held in CECOT were returned to Caracas in a prisoner swap.", "252", "venezuelans_released_from_cecot");
}

#[test]
fn another_prison_of_the_country_keeps_its_figures_beside_the_capital() {
    let text = "Mariona, the old penitentiary on the edge of San Salvador, was built in the 1970s for 800 inmates; a decade ago it held more than 5,000. Its cells, a Salvadoran lawyer said, could hold as many as 150 people.";
    is_not("en", text, "5,000", "es_prison_population");
    is_not("en", text, "150", "cecot_cell_occupancy");
    let text = "CECOT, the mega-prison in Tecoluca, opened in 2023. Its cells, a Salvadoran lawyer said, hold as many as 80 people.";
    is("en", text, "80", "cecot_cell_occupancy");
}

#[test]
fn a_deals_commitment_states_its_terms_a_hypothetical_does_not() {
    is("en", "Under the deal, the U.S. government will pay El Salvador about $6 million to hold the deportees for one year.", "$6 million", "us_payment_to_el_salvador");
    is_not("en", "Under the deal, the U.S. government could pay El Salvador about $15 million if it takes more deportees.", "$15 million", "us_payment_to_el_salvador");
}

#[test]
fn time_since_an_event_is_no_amount_per_period() {
    let text = "It is now a month since the United States flew 247 Venezuelan men to a maximum-security prison in El Salvador.";
    is("en", text, "247", "venezuelans_deported_to_cecot");
    is_not("en", "The United States deports some 1,500 Venezuelans to El Salvador's mega-prison a month.", "1,500", "venezuelans_deported_to_cecot");
}

#[test]
fn ties_to_gangs_count_no_innocents_unless_denied() {
    is("en", "Police have arrested more than 85,000 people accused of ties to gangs under the state of exception.", "85,000", "es_state_of_exception_arrests");
    is("en", "Under the state of exception, more than 85,000 people have been arrested for alleged links to gangs.", "85,000", "es_state_of_exception_arrests");
    is("en", "Rights groups estimate that 20,000 of those arrested under the state of exception had no proven ties to gangs.", "20,000", "es_detainees_without_gang_link");
}

#[test]
fn locking_up_and_imprisoning_are_arrests_and_a_population() {
    is("en", "The emergency decree has allowed police to lock up more than 85,000 people.", "85,000", "es_state_of_exception_arrests");
    is("en", "El Salvador now imprisons about 110,000 people, according to rights groups.", "110,000", "es_prison_population");
    is_not("en", "Honduras now imprisons about 20,000 people, according to rights groups.", "20,000", "es_prison_population");
}

#[test]
fn one_days_arrests_alone_are_no_running_total() {
    is_not("en", "On Tuesday alone, police arrested 1,000 suspected gang members under the state of exception.", "1,000", "es_state_of_exception_arrests");
    is("en", "Since Tuesday, police have arrested 83,000 suspected gang members under the state of exception.", "83,000", "es_state_of_exception_arrests");
}

#[test]
fn repatriated_from_the_prison_is_a_release() {
    is("en", "The 252 Venezuelans who had been held in CECOT were repatriated in July as part of a swap.", "252", "venezuelans_released_from_cecot");
    is_not("en", "The 252 Venezuelans who had been held in CECOT were deported there in March.", "252", "venezuelans_released_from_cecot");
}

#[test]
fn beginning_to_operate_is_an_opening() {
    is("en", "The Terrorism Confinement Center began operating in February 2023.", "February 2023", "cecot_opening_date");
    is_not("en", "The Terrorism Confinement Center began receiving Venezuelans in March 2025.", "March 2025", "cecot_opening_date");
}

#[test]
fn a_promise_to_expand_is_no_capacity() {
    is_not("en", "Bukele has promised to expand CECOT's capacity to 50,000.", "50,000", "cecot_capacity");
    is("en", "CECOT has a capacity of 40,000 inmates.", "40,000", "cecot_capacity");
}

#[test]
fn venezuelans_returned_from_elsewhere_are_no_release_from_cecot() {
    is_not("en", "Nearly 190 Venezuelans were returned to Venezuela on a flight from Texas on Monday.", "190", "venezuelans_released_from_cecot");
    is("en", "In July, 252 Venezuelans held in CECOT were returned to Venezuela in a prisoner swap.", "252", "venezuelans_released_from_cecot");
}

#[test]
fn a_count_after_a_quantity_word_borrows_no_unit_of_things() {
    let text = "Today official figures show more than 105,000 behind bars, in 24 facilities built for roughly 68,000.";
    is("en", text, "68,000", "es_prison_capacity");
    is("en", text, "105,000", "es_prison_population");
    // A count right after the things, no quantity word between, still counts them.
    is("en", "The Venezuelans were sent to CECOT on three flights.", "three flights", "deportation_flights_to_cecot");
}

#[test]
fn the_number_inside_is_no_number_of_the_sentence_before() {
    let text = "The government says CECOT can hold 40,000 prisoners. On the day I visited, the warden put the number actually inside at some 14,000.";
    is_not("en", text, "14,000", "cecot_capacity");
    let text = "The government says CECOT can hold 40,000 prisoners. Officials put the number at 41,000 this year.";
    is("en", text, "41,000", "cecot_capacity");
}

#[test]
fn a_subject_after_an_opening_phrase_keeps_its_main_verb() {
    is_not("en", "Tonight, the 252 Venezuelan men who spent four months inside El Salvador's mega-prison are home.", "252", "venezuelans_deported_to_cecot");
    is("en", "In March, the 238 Venezuelan men who were flown to El Salvador's mega-prison were accused of gang ties.", "238", "venezuelans_deported_to_cecot");
}

#[test]
fn the_whole_part_of_a_number_and_a_half_counts_nothing() {
    is_not("en", "At CECOT, prisoners spend 23 and a half hours a day inside the cell.", "23", "cecot_cell_occupancy");
    is("en", "At CECOT, each cell holds 80 men.", "80", "cecot_cell_occupancy");
    is_not("es", "En el Cecot, los reos pasan 23 y media horas al día en la celda.", "23", "cecot_cell_occupancy");
}

#[test]
fn an_anaphoric_number_keeps_the_quantity_its_complement_shares_with_the_sentence_before() {
    // The verb after the noun names the quantity of the sentence before: still that count.
    let text = "The United States deported thousands of Salvadorans in 2023. In 2024 the figure reached 12,200 Salvadorans deported.";
    is("en", text, "12,200", "salvadorans_deported_from_us");
}

#[test]
fn a_stopped_measure_says_what_stopped_it() {
    // (Being home is a return from CECOT: see being_home_again_is_a_return_from_cecot.)
    let ms = read("en", "Tonight the 150 Venezuelan men who spent five months inside CECOT now live in Madrid.");
    let m = ms.iter().find(|m| m.surface.contains("150")).unwrap();
    assert_eq!(m.measure, None);
    assert!(m.measure_evidence.as_deref().unwrap_or("").starts_with("not venezuelans_deported_to_cecot"), "{:?}", m.measure_evidence);
}

#[test]
fn a_region_el_salvador_is_part_of_is_no_other_place() {
    is("en", "Latin America's largest prison now holds about 15,000 inmates, officials said.", "15,000", "cecot_inmate_population");
    is_not("en", "America's largest prison now holds about 15,000 inmates, officials said.", "15,000", "cecot_inmate_population");
}

#[test]
fn a_count_for_every_so_many_residents_is_a_rate_not_a_count() {
    is("en", "El Salvador's prisons hold 109,000 inmates, the government says.", "109,000", "es_prison_population");
    let text = "With 1,659 people behind bars for every 100,000 residents, El Salvador jails more of its people than any other nation.";
    is_not("en", text, "1,659", "es_prison_population");
    // The base of the rate counts no one either.
    is_not("en", text, "100,000", "es_prison_population");
    is_not("en", "El Salvador imprisons 1,700 people for every 100,000 inhabitants.", "1,700", "es_prison_population");
    is("en", "Police have arrested roughly 85,000 Salvadorans under the state of exception.", "85,000", "es_state_of_exception_arrests");
    is_not("en", "Police have arrested roughly 1,200 out of every 100,000 Salvadorans under the state of exception.", "1,200", "es_state_of_exception_arrests");
}

#[test]
fn a_percent_of_a_group_of_people_is_a_share_not_an_occupancy_rate() {
    is("en", "The prisons' occupancy rate is 148 percent, the ministry said.", "148 percent", "es_prison_occupancy_rate");
    is("en", "Overcrowding in the country's prisons reached 148 percent of capacity last year.", "148 percent", "es_prison_occupancy_rate");
    is_not("en", "Some 60 percent of the inmates in overcrowded prisons suffer from skin disease.", "60 percent", "es_prison_occupancy_rate");
    is_not("en", "In overcrowded prisons, 45 percent of those held have tuberculosis, the report says.", "45 percent", "es_prison_occupancy_rate");
    is_not("en", "Over 90 percent of the prison population is held in overcrowded facilities.", "90 percent", "es_prison_occupancy_rate");
}

#[test]
fn a_percent_in_some_cells_is_no_occupancy_of_the_system() {
    is("en", "In 2019 the prisons were at 137 percent of capacity.", "137 percent", "es_prison_occupancy_rate");
    is_not("en", "Overcrowding in the prisons reached 300 percent in some cells, according to former inmates.", "300 percent", "es_prison_occupancy_rate");
}

#[test]
fn a_criminal_record_without_a_negation_is_a_record() {
    is("en", "Court files show 130 of the Venezuelans sent to CECOT had no criminal convictions in the US.", "130", "deportees_no_criminal_record");
    is_not("en", "Records show that 50 of the deportees had criminal records for violent crimes.", "50", "deportees_no_criminal_record");
    is_not("en", "The US sent 238 Venezuelans to CECOT. Of them, 48 had criminal records in the United States.", "48", "deportees_no_criminal_record");
    is_not("en", "A court filing says 32 of the deported men have convictions for violent crimes.", "32", "deportees_no_criminal_record");
}

#[test]
fn a_grant_or_a_budget_is_no_payment_for_the_deportees() {
    is("en", "The Trump administration paid El Salvador $6 million to hold the deportees for a year.", "$6 million", "us_payment_to_el_salvador");
    is_not("en", "The State Department's grant of $5 million to El Salvador for police training was cut.", "$5 million", "us_payment_to_el_salvador");
    is_not("en", "Washington also approved a $20 million loan to El Salvador for its prisons.", "$20 million", "us_payment_to_el_salvador");
}

#[test]
fn people_awaiting_deportation_are_not_deported() {
    is("en", "The United States has deported 900 Salvadorans so far this year, the migration office said.", "900", "salvadorans_deported_from_us");
    is_not("en", "About 400 Salvadorans are awaiting deportation in Texas.", "400", "salvadorans_deported_from_us");
    is_not("en", "A judge blocked the deportation of 30 Venezuelans to El Salvador's mega-prison.", "30", "venezuelans_deported_to_cecot");
    is_not("en", "Some 180 Venezuelans in Texas face deportation to CECOT under the Alien Enemies Act.", "180", "venezuelans_deported_to_cecot");
}

#[test]
fn one_planes_passengers_are_one_flights_count() {
    is("en", "The United States sent 238 Venezuelans to CECOT in March.", "238", "venezuelans_deported_to_cecot");
    is_not("en", "A flight carrying 130 deported Venezuelans landed in El Salvador on Sunday.", "130", "venezuelans_deported_to_cecot");
    is_not("en", "On Sunday a plane with 17 Venezuelans sent by the US landed in El Salvador.", "17", "venezuelans_deported_to_cecot");
}

#[test]
fn flights_of_another_group_are_not_the_venezuelans() {
    is("en", "Three flights carried 241 Venezuelans to CECOT.", "Three flights", "deportation_flights_to_cecot");
    is_not("en", "ICE flew 96 flights of Salvadoran deportees to San Salvador last year.", "96 flights", "deportation_flights_to_cecot");
    let text = "The US sent 240 Venezuelans to CECOT in March. Separately, 96 deportation flights landed in El Salvador last year with Salvadoran deportees.";
    is_not("en", text, "96 deportation flights", "deportation_flights_to_cecot");
    is_not("en", "Mexico has received 4,000 Venezuelans deported by the United States on 30 flights.", "30 flights", "deportation_flights_to_cecot");
}

#[test]
fn a_percent_after_a_verb_of_change_is_a_change_not_an_occupancy() {
    is("en", "Overcrowding in the country's prisons reached 148 percent of capacity last year.", "148 percent", "es_prison_occupancy_rate");
    is_not("en", "Overcrowded prisons have seen tuberculosis cases rise 300 percent.", "300 percent", "es_prison_occupancy_rate");
    is_not("en", "Capacity was expanded by 40 percent with the opening of CECOT, yet the prisons remain overcrowded.", "40 percent", "es_prison_occupancy_rate");
}

#[test]
fn the_figure_of_a_count_earlier_in_its_sentence_counts_what_it_counts() {
    let text = "Under the state of exception, police have arrested 85,000 people. Authorities have acknowledged releasing about 7,100 detainees; the security minister put the figure at \"more than 7,000\" in an interview in May.";
    is("en", text, "7,100", "es_state_of_exception_detainees_released");
    is("en", text, "more than 7,000", "es_state_of_exception_detainees_released");
    is("en", text, "85,000", "es_state_of_exception_arrests");
}

#[test]
fn people_killed_in_shootouts_did_not_die_in_custody() {
    is("en", "At least 150 people have died in state custody since the state of exception began.", "150", "es_prison_deaths_since_2022");
    is_not("en", "Since the state of exception began, 140 people have died in shootouts with security forces.", "140", "es_prison_deaths_since_2022");
}

#[test]
fn salvadorans_sent_to_cecot_as_gang_suspects_are_no_ordinary_deportees() {
    is("en", "The United States deported 7,900 Salvadorans last year.", "7,900", "salvadorans_deported_from_us");
    is_not("en", "The US also deported 23 Salvadorans to CECOT, accused of belonging to MS-13.", "23", "salvadorans_deported_from_us");
}

#[test]
fn the_clients_of_a_lawyer_are_a_sample_not_the_total() {
    is("en", "The United States sent 238 Venezuelans to CECOT in March.", "238", "venezuelans_deported_to_cecot");
    is_not("en", "The ACLU represents 50 Venezuelans sent to CECOT.", "50", "venezuelans_deported_to_cecot");
}

#[test]
fn a_part_of_the_men_and_a_cap_of_a_deal_are_no_total_sent() {
    is("en", "The US sent 261 men to CECOT. Of them, 238 were Venezuelans.", "238", "venezuelans_deported_to_cecot");
    is_not("en", "At least 137 of the men were deported under the Alien Enemies Act.", "137", "venezuelans_deported_to_cecot");
    is_not("en", "The deal allows El Salvador to hold up to 300 Venezuelans for a year.", "300", "venezuelans_deported_to_cecot");
}

#[test]
fn money_per_unit_or_per_week_is_no_payment_to_el_salvador() {
    is("en", "The US paid El Salvador about $6 million, officials said.", "$6 million", "us_payment_to_el_salvador");
    is("en", "El Salvador received $6 million from the US, and Venezuela received nothing.", "$6 million", "us_payment_to_el_salvador");
    is_not("en", "Deportation flights cost the US about $135,000 each.", "$135,000", "us_payment_to_el_salvador");
    is_not("en", "The deal is worth $6 million, a fraction of the $15 million the US spends holding migrants in Texas each week.", "$15 million", "us_payment_to_el_salvador");
}

#[test]
fn a_salvadoran_prison_is_el_salvadors_and_salvadorans_are_not_venezuelans() {
    is("en", "The US deported 238 Venezuelans to a Salvadoran prison in March.", "238", "venezuelans_deported_to_cecot");
    let text = "The US deported 238 Venezuelans and 23 Salvadoran gang members to CECOT.";
    is("en", text, "238", "venezuelans_deported_to_cecot");
    is_not("en", text, "23 Salvadoran", "venezuelans_deported_to_cecot");
}

#[test]
fn money_spent_elsewhere_is_no_payment_to_el_salvador() {
    // The payer is no other place: the United States pays.
    is("en", "The United States paid $6 million to hold the deportees for a year.", "$6 million", "us_payment_to_el_salvador");
    is("en", "Washington paid $6 million to keep the Venezuelans in CECOT.", "$6 million", "us_payment_to_el_salvador");
    is_not("en", "The US spent $15 million on deportation flights to Venezuela.", "$15 million", "us_payment_to_el_salvador");
    is_not("en", "The US paid $1.2 billion to detain migrants in Texas last year.", "$1.2 billion", "us_payment_to_el_salvador");
    is("es", "Estados Unidos pagó 6 millones de dólares por custodiar a los deportados durante un año.", "6 millones de dólares", "us_payment_to_el_salvador");
}


#[test]
fn a_bare_figure_and_a_part_read_the_words_of_the_group_before_them() {
    // "In total, there were 238": a figure with no noun counts the group of the sentence before,
    // unless that sentence is about another country.
    is("en", "Washington sent the Venezuelans named under the Alien Enemies Act to CECOT. In total, there were 238.", "238", "venezuelans_deported_to_cecot");
    is_not("en", "Mexico deported Venezuelans on several flights. In total, there were 300.", "300", "venezuelans_deported_to_cecot");
    is_not("en", "Mexico deported Venezuelans on several flights. In total, there were 300.", "300", "deportation_flights_to_cecot");
    // "N of the first M ... had no record": the predicate after the whole is the part's.
    is("en", "About 150 of the first 230 Venezuelans had no criminal record in the United States.", "150", "deportees_no_criminal_record");
    is_not("en", "About 40 of the first 230 Venezuelans had criminal records in the United States.", "40", "deportees_no_criminal_record");
}

#[test]
fn a_count_whose_own_verb_counts_another_quantity_is_not_the_part_after_it() {
    // 85,000 were arrested; "of whom 8,000" counts the released.
    is_not("en", "Since the state of exception began, police have arrested 85,000 people, of whom 8,000 have since been released.", "85,000", "es_state_of_exception_detainees_released");
    is("en", "Since the state of exception began, 85,000 people have been arrested.", "85,000", "es_state_of_exception_arrests");
}

#[test]
fn a_bare_figure_after_its_verb_has_the_verbs_subject_for_noun() {
    is("en", "Deaths in state custody under the state of exception totaled 400, the group says.", "400", "es_prison_deaths_since_2022");
    is_not("en", "Deaths in a prison riot in Honduras totaled 46.", "46", "es_prison_deaths_since_2022");
}

#[test]
fn a_sentence_opened_by_each_counts_per_unit() {
    is_not("en", "Each of the 256 cells in CECOT has capacity for 80 prisoners.", "80", "cecot_capacity");
    is("en", "CECOT has capacity for 40,000 prisoners.", "40,000", "cecot_capacity");
}

#[test]
fn a_conversion_in_parentheses_does_not_cut_the_clause() {
    is("en", "In exchange, El Salvador receives $6 million (£4.8 million) from the Trump administration.", "$6 million", "us_payment_to_el_salvador");
    is_not("en", "In exchange, El Salvador receives $6 million (£4.8 million) from the World Bank.", "$6 million", "us_payment_to_el_salvador");
}

/// Flights that carry a group sent to CECOT are CECOT's flights whoever sends them (the United
/// States named in their clause), and carry the group their sentence is about; flights of
/// another group, or to another country, are not.
#[test]
fn flights_carry_the_group_their_sentence_is_about() {
    is("en", "The United States sent 150 Venezuelans to CECOT on two flights that landed on Sunday.", "two flights", "deportation_flights_to_cecot");
    is("en", "El Salvador took in 150 Venezuelan men deported by the United States. The men arrived on two flights that landed at the airport.", "two flights", "deportation_flights_to_cecot");
    is("es", "Estados Unidos envió a 150 venezolanos al Cecot, en dos vuelos que aterrizaron el domingo.", "dos vuelos", "deportation_flights_to_cecot");
    is_not("en", "El Salvador took in 95 deportation flights with Salvadorans last year.", "95 deportation flights", "deportation_flights_to_cecot");
    is_not("en", "The United States sent 150 Venezuelans to Honduras on two flights.", "two flights", "deportation_flights_to_cecot");
    is_not("es", "En total, los dos vuelos llevaron a 160 personas: 140 venezolanos y 20 salvadoreños, según el aeropuerto de Comalapa.", "140", "deportation_flights_to_cecot");
}

/// A definite noun stands for CECOT in an article that names it ("the facility"), as "el penal"
/// does in Spanish; not in an article that names another prison.
#[test]
fn the_facility_stands_for_cecot_named_before() {
    is("en", "Bukele's government opened CECOT in 2023. The facility opened its doors that winter with room for 35,000.", "35,000", "cecot_capacity");
    is_not("en", "Bukele's government opened CECOT in 2023. Mariona is older. The facility has room for 35,000.", "35,000", "cecot_capacity");
}

/// What a deal is worth to El Salvador is its payment, in any currency; a prison's own cost is not.
#[test]
fn what_the_deal_is_worth_is_its_payment() {
    is("en", "The agreement is worth roughly £3.9 million to El Salvador.", "£3.9 million", "us_payment_to_el_salvador");
    is_not("en", "The mega-prison cost $95 million to build.", "$95 million", "us_payment_to_el_salvador");
}

/// Detainees named as the group ("of the detainees") are the state of exception's: those of them
/// with no gang link are counted; those with gang links, or released, are not.
#[test]
fn detainees_without_gang_links_are_counted_as_a_group() {
    is("en", "Rights groups say about 6,500 of the detainees have no links to any gang.", "6,500", "es_detainees_without_gang_link");
    is("es", "Según la ONG, al menos 6.500 de los capturados no tienen ningún vínculo con las pandillas.", "6.500", "es_detainees_without_gang_link");
    is_not("en", "Rights groups say about 6,500 of the detainees have been released.", "6,500", "es_detainees_without_gang_link");
    is_not("es", "Según la ONG, al menos 6.500 de los capturados tienen vínculos con las pandillas.", "6.500", "es_detainees_without_gang_link");
}

#[test]
fn a_return_home_names_venezuela_as_where_the_released_go() {
    is("en", "All 246 Venezuelan men were returned to Venezuela in exchange for 8 Americans.", "246", "venezuelans_released_from_cecot");
    // Venezuela as where a deportation ends is no return from CECOT.
    is_not("en", "The US deported 5,400 Venezuelans to Venezuela on flights last year.", "5,400", "venezuelans_released_from_cecot");
    is_not("en", "Mexico returned 3,900 Venezuelans to Venezuela last year.", "3,900", "venezuelans_released_from_cecot");
}

#[test]
fn being_home_again_is_a_return_from_cecot() {
    is("en", "Tonight, the 246 Venezuelan men who spent four months in the mega-prison are home.", "246", "venezuelans_released_from_cecot");
    is("en", "The 246 Venezuelans held in CECOT were flown to Caracas on Friday.", "246", "venezuelans_released_from_cecot");
    is_not("en", "The 246 Venezuelan men who were sent to CECOT in March came from Texas.", "246", "venezuelans_released_from_cecot");
}

#[test]
fn never_convicted_is_no_criminal_record() {
    let before = "The Venezuelans were deported to CECOT. ";
    is("en", &format!("{before}Some 120 of the deportees had never been convicted of a crime."), "120", "deportees_no_criminal_record");
    is_not("en", &format!("{before}Some 45 of the deportees had been convicted of a crime."), "45", "deportees_no_criminal_record");
    is("en", &format!("{before}About 45 had been convicted of crimes in the US, and 120 had clean records."), "120", "deportees_no_criminal_record");
}

#[test]
fn an_inmate_population_and_people_in_the_countrys_prisons_are_the_prison_population() {
    is("en", "The country's inmate population reached 104,000 this year.", "104,000", "es_prison_population");
    is("en", "There are now 104,000 people in Salvadoran prisons.", "104,000", "es_prison_population");
    is("en", "El Salvador incarcerates about 104,000 people.", "104,000", "es_prison_population");
    is_not("en", "Honduras's inmate population reached 21,000 this year.", "21,000", "es_prison_population");
    is_not("en", "About 310 people died in Salvadoran prisons last year.", "310", "es_prison_population");
}

#[test]
fn a_unit_is_not_carried_past_a_clause_that_names_another_quantity() {
    // "arrests" is the first count's noun; the prison population is the second's.
    let text = "The police have made some 71,000 arrests since the decree, and the prison population, which stood at roughly 31,000 in 2019, has tripled.";
    is("en", text, "31,000", "es_prison_population");
    is_not("en", text, "71,000", "es_prison_population");
}

#[test]
fn a_definite_figure_restates_the_count_of_people_stated_before() {
    let before = "At least 287 people have died in state custody since the state of exception began, a rights group said. ";
    let restated = |text: String| read("en", &text).into_iter().filter(|m| m.surface.starts_with("287")).last().and_then(|m| m.measure);
    assert_eq!(restated(format!("{before}Of the 287, 150 died in hospital.")).as_deref(), Some("es_prison_deaths_since_2022"));
    is("en", &format!("{before}Of the 287 people who died, 24 were women."), "287 people", "es_prison_deaths_since_2022");
    // Another noun, or no determiner: another count that happens to share the value.
    is_not("en", &format!("{before}Guards searched the 287 cells of one block."), "287 cells", "es_prison_deaths_since_2022");
    assert_eq!(restated(format!("{before}Police say 287 is too high.")), None);
}

#[test]
fn the_system_stands_for_the_prison_system_in_an_article_about_it() {
    let text = "Rights groups describe El Salvador's prisons as crowded. The rains came late this year. With some 103,000 inmates in a system built for 71,000 people, occupancy stood at about 145%.";
    is("en", text, "103,000", "es_prison_population");
    // Another system, or an article that names no prisons.
    let court = "Rights groups describe El Salvador's prisons as crowded. The rains came late this year. With some 103,000 inmates in a court system built for 71,000 people, occupancy stood at about 145%.";
    is_not("en", court, "103,000", "es_prison_population");
    let no_prisons = "The rains came late this year. The harvest was poor. With some 103,000 inmates in a system built for 71,000 people, occupancy stood at about 145%.";
    is_not("en", no_prisons, "103,000", "es_prison_population");
}

#[test]
fn a_date_a_start_of_the_state_of_exception_governs_is_its_start() {
    // The start verb right before the date, whatever else the sentence counts.
    is("en", "At least 1,234 inmates have died since the state of exception began on May 1, 2020, a group said.", "May 1, 2020", "es_state_of_exception_start");
    is_not("en", "At least 1,234 inmates have died since Congress extended the state of exception on May 1, 2021, a group said.", "May 1, 2021", "es_state_of_exception_start");
    // A date that opens its sentence, whose clauses name the start.
    is("en", "On May 1, 2020, after a weekend of killings, Congress approved a state of exception.", "May 1, 2020", "es_state_of_exception_start");
    is_not("en", "On May 1, 2022, two years after Congress declared the state of exception, police said 1,234 people were held.", "May 1, 2022", "es_state_of_exception_start");
}

#[test]
fn a_metadata_date_line_claims_nothing() {
    let text = "date 2021-06-01 El Salvador extended its state of emergency, which was declared on May 1.";
    is_not("en", text, "2021-06-01", "es_state_of_exception_start");
    is("en", text, "May 1", "es_state_of_exception_start");
}

#[test]
fn a_year_before_per_is_the_rates_year_not_a_rate() {
    let text = "El Salvador's homicide rate fell from 87 in 2011 to 3.2 in 2021 per 100,000 people.";
    is("en", text, "87", "es_homicide_rate");
    is("en", text, "3.2", "es_homicide_rate");
    assert!(read("en", text).iter().all(|m| !(m.surface.contains("2021") && m.measure.is_some())), "{text}");
}

#[test]
fn occupancy_against_their_own_capacity() {
    is("en", "El Salvador's prisons are at 176% of their capacity.", "176%", "es_prison_occupancy_rate");
    is_not("en", "El Salvador's prisons grew to 176% of their capacity, an increase since 2019.", "176%", "es_prison_occupancy_rate");
}

#[test]
fn living_under_the_state_of_exception_for_a_time_is_its_duration() {
    is("en", "El Salvador has lived under a state of exception for more than three years.", "three years", "es_state_of_exception_duration");
    is_not("en", "Police held him for three weeks under the state of exception.", "three weeks", "es_state_of_exception_duration");
}

#[test]
fn an_incarceration_rate_per_people_or_of_inmates_is_the_rate_not_a_multiple() {
    is("en", "El Salvador's incarceration rate is 1,480 per 100,000 people, the highest in the world.", "1,480", "es_incarceration_rate");
    is("en", "El Salvador holds 1,480 inmates per 100,000 residents.", "1,480", "es_incarceration_rate");
    is("en", "El Salvador's incarceration rate is now three times what it was in 2015.", "three times", "es_incarceration_rate_multiple");
    is_not("en", "El Salvador's incarceration rate is now three times what it was in 2015.", "three times", "es_incarceration_rate");
}

#[test]
fn an_apposition_after_a_year_that_names_the_start_makes_it_the_start() {
    is("en", "In 2020, which is when the state of exception took effect, there were 1,234 homicides.", "2020", "es_state_of_exception_start");
    is_not("en", "In 2023, when the state of exception was extended again, there were 1,234 homicides.", "2023", "es_state_of_exception_start");
}

#[test]
fn a_detainees_days_without_charge_are_no_age_of_the_state_of_exception() {
    is("en", "The state of exception has been in force for 40 months.", "40 months", "es_state_of_exception_duration");
    is_not("en", "Detainees can be held for 12 days without charge under the state of exception.", "12 days", "es_state_of_exception_duration");
}

#[test]
fn a_rate_for_every_hundred_thousand_is_a_rate() {
    is("en", "El Salvador jails about 1,610 of every 100,000 residents.", "1,610", "es_incarceration_rate");
    is("en", "El Salvador holds 1,540 prisoners for every 100,000 inhabitants.", "1,540", "es_incarceration_rate");
    is("en", "El Salvador ended the year with 3.4 homicides for every 100,000 inhabitants.", "3.4", "es_homicide_rate");
    // A share keeps its small base: "two of every three" is no rate per 100,000.
    let ms = read("en", "Two of every three detainees in El Salvador had no lawyer.");
    assert!(ms.iter().all(|m| m.measure.as_deref() != Some("es_incarceration_rate")), "{ms:#?}");
    is_not("en", "Honduras jails about 410 of every 100,000 residents.", "410", "es_incarceration_rate");
}

#[test]
fn a_rates_own_noun_names_what_it_counts() {
    // Killings per 100,000 are a homicide rate, whatever the sentence before says of prisoners.
    let text = "El Salvador holds 1,540 prisoners per 100,000 inhabitants. El Salvador saw 3.1 killings per 100,000 residents in 2023.";
    is("en", text, "3.1", "es_homicide_rate");
    is_not("en", text, "3.1", "es_incarceration_rate");
    is("en", text, "1,540", "es_incarceration_rate");
}

#[test]
fn other_words_for_the_start_of_the_state_of_exception() {
    is("en", "In April 2021, lawmakers suspended constitutional rights after a spike in killings.", "April 2021", "es_state_of_exception_start");
    is("en", "The emergency decree dates from April 2021.", "April 2021", "es_state_of_exception_start");
    is("en", "The government declared war on the gangs in April 2021.", "April 2021", "es_state_of_exception_start");
    is_not("en", "In April 2021, lawmakers approved a new budget for the schools.", "April 2021", "es_state_of_exception_start");
    is_not("en", "The oldest court file dates from April 2021.", "April 2021", "es_state_of_exception_start");
}

#[test]
fn a_prison_in_operation_since_a_date_opened_then() {
    is("en", "CECOT has been in operation since 2022.", "2022", "cecot_opening_date");
    is_not("en", "The hospital has been in operation since 2022.", "2022", "cecot_opening_date");
}

#[test]
fn what_the_arrangement_pays_for_holding_the_men_is_the_payment() {
    is("en", "The arrangement is worth around $7m to El Salvador.", "$7m", "us_payment_to_el_salvador");
    is("en", "El Salvador received $7 million for holding the Venezuelans.", "$7 million", "us_payment_to_el_salvador");
    is("en", "The US will give El Salvador $7 million to hold the Venezuelans.", "$7 million", "us_payment_to_el_salvador");
    is_not("en", "El Salvador received $7 million for new police cars.", "$7 million", "us_payment_to_el_salvador");
    is_not("en", "The US gave Guatemala $7 million in security aid.", "$7 million", "us_payment_to_el_salvador");
}

#[test]
fn arrests_without_due_process_are_arrests_without_charge_are_not() {
    is("en", "Since the state of exception began, more than 61,000 people have been jailed without due process.", "61,000", "es_state_of_exception_arrests");
    is_not("en", "Police have detained 61,000 people without charge since the state of exception began.", "61,000", "es_state_of_exception_arrests");
}

#[test]
fn a_date_takes_the_verb_next_to_it_when_a_stand_in_names_the_prison() {
    // The date's quantity is its verb ("was opened in"), which the date's own words do not hold.
    is("en", "CECOT is the largest jail in the region. The prison was opened in May 2021.", "May 2021", "cecot_opening_date");
    is("en", "CECOT is the largest jail in the region. The prison was inaugurated in May 2021.", "May 2021", "cecot_opening_date");
    // Not a date of another event of the prison, nor where the article names another prison.
    is_not("en", "CECOT is the largest jail in the region. The prison was visited in May 2021.", "May 2021", "cecot_opening_date");
    is_not("en", "CECOT and Mariona are large jails. The prison was opened in May 2021.", "May 2021", "cecot_opening_date");
}

#[test]
fn cecots_own_occupancy_is_not_the_systems() {
    is("en", "El Salvador's prisons are operating at 152% of capacity.", "152%", "es_prison_occupancy_rate");
    is_not("en", "CECOT is filled to about 35% of its capacity.", "35%", "es_prison_occupancy_rate");
    is("en", "CECOT is filled to about 35% of its capacity.", "35%", "cecot_occupancy_rate");
}

#[test]
fn a_date_after_the_object_of_its_verb_is_no_opening() {
    // The verb of an opening stands right before the date; "began receiving Venezuelans in"
    // tells of what the prison received.
    is("en", "CECOT is the largest jail in the region. The prison was unveiled on May 3, 2021.", "May 3, 2021", "cecot_opening_date");
    is_not("en", "CECOT is the largest jail in the region. The prison began receiving Salvadorans in May 2021.", "May 2021", "cecot_opening_date");
}

#[test]
fn the_rate_opening_a_sentence_is_the_rate_named_before() {
    let after_homicides = "Its homicide rate has plunged under the new government. The rate fell from 41 in 2017 to 3.2 in 2023.";
    is("en", &format!("El Salvador is calmer. {after_homicides}"), "41", "es_homicide_rate");
    is("en", &format!("El Salvador is calmer. {after_homicides}"), "3.2", "es_homicide_rate");
    let after_unemployment = "El Salvador is calmer. Its unemployment rate has dropped. The rate fell from 41 in 2017 to 3.2 in 2023.";
    is_not("en", after_unemployment, "41", "es_homicide_rate");
}

#[test]
fn a_year_between_a_rate_and_its_figure_keeps_the_rate() {
    is("en", "El Salvador changed. The homicide rate in 2023 was 3.2.", "3.2", "es_homicide_rate");
    is_not("en", "El Salvador changed. The homicide rate fell in 2023, and 3.2 tons of drugs were seized.", "3.2", "es_homicide_rate");
}

#[test]
fn a_subject_before_a_relative_clause_outranks_the_sentence_before() {
    let text = "The prison population keeps rising. CECOT, which opened in 2021, holds 12,345 men.";
    is("en", text, "12,345", "cecot_inmate_population");
    is_not("en", text, "12,345", "es_prison_population");
    // Without a subject of its own clause, the sentence before's stands.
    is("en", "El Salvador's prison population keeps rising. The system now holds 123,456 people.", "123,456", "es_prison_population");
}

#[test]
fn a_stand_in_nearer_than_the_name_is_the_subject() {
    is("en", "When officials unveiled CECOT, they said the complex had room for 4,321 inmates.", "4,321", "cecot_capacity");
    is_not("en", "When officials unveiled CECOT, they said the country's prisons had room for 4,321 inmates.", "4,321", "cecot_capacity");
}

#[test]
fn a_narrower_subject_nearer_than_the_measures_own_outranks_it() {
    let text = "A post says CECOT holds 4,444 gang members. The 1,234 figure is the prison's stated capacity, and the country's prison system is overcrowded.";
    is("en", text, "1,234", "cecot_capacity");
    is_not("en", text, "1,234", "es_prison_capacity");
    is("en", "The country's prison system has a capacity of 4,321, and CECOT is its newest prison.", "4,321", "es_prison_capacity");
}

#[test]
fn an_apposition_after_the_subject_leaves_the_subject_its_clause() {
    is("en", "Reporters visited last week. The prison they were sent to, CECOT, was built for 4,321.", "4,321", "cecot_capacity");
    is_not("en", "Police have detained 1,234 people, officials say, who were sent to CECOT, which was built for 4,321.", "1,234", "cecot_capacity");
}

#[test]
fn a_figure_of_a_quantity_named_earlier_in_its_sentence() {
    let text = "The minister said in May that CECOT held close to 1,500 people, and an internal report gives a figure of 1,487 for the end of April.";
    is("en", text, "1,487", "cecot_inmate_population");
    // What the sentence before counted is not what an official's figure stands for when its own
    // sentence names another quantity first.
    let text = "CECOT was built to hold up to 4,000 inmates. The government does not say how many are held there; an official put the figure at about 1,450.";
    is_not("en", text, "1,450", "cecot_capacity");
}

#[test]
fn one_of_the_largest_prisons_is_one_prison_not_the_system() {
    is("en", "The mega-prison is in the east. Officials say it can hold 4,321 people, which would make it one of the largest prisons in the world.", "4,321", "cecot_capacity");
    is("en", "The country's prisons have a capacity of 4,321 inmates.", "4,321", "es_prison_capacity");
}

#[test]
fn a_modal_before_hold_makes_a_capacity() {
    is("en", "The country's prisons can hold 4,321 people.", "4,321", "es_prison_capacity");
    is("en", "The country's prisons hold 4,321 people.", "4,321", "es_prison_population");
}

#[test]
fn a_percent_of_people_without_an_article_is_a_share() {
    is_not("en", "Some 61% of inmates are held in overcrowded prisons.", "61%", "es_prison_occupancy_rate");
    is("en", "The prisons are at 161% of capacity.", "161%", "es_prison_occupancy_rate");
}

#[test]
fn a_level_after_a_rate_is_that_rate() {
    let rate = "El Salvador is calmer. Its murder rate was 45 per 100,000 people in 2010.";
    is("en", &format!("{rate} By 2020 it had fallen to 3.7."), "3.7", "es_homicide_rate");
    is("en", &format!("{rate} In 2021 the figure was 3.7."), "3.7", "es_homicide_rate");
    // A later restatement of that number after a determiner is the same rate.
    let last = |text: &str| read("en", text).into_iter().rev().find(|m| m.surface == "37").and_then(|m| m.measure);
    assert_eq!(last(&format!("{rate} By 2020 it had fallen to 37. Is that 37 believable?")).as_deref(), Some("es_homicide_rate"));
    // Without a rate in the sentence before, or with a noun of its own, the number is no rate.
    is_not("en", "El Salvador is calmer. Its murders fell sharply in 2010. By 2020 it had fallen to 37.", "37", "es_homicide_rate");
    is_not("en", &format!("{rate} By 2020 it had 37 prisons."), "37", "es_homicide_rate");
    assert_ne!(last(&format!("{rate} Police said 37 were killed in one week. Is that 37 believable?")).as_deref(), Some("es_homicide_rate"));
}

#[test]
fn let_go_or_set_free_under_the_regime_is_released() {
    let before = "Under the state of exception, police made about 12,300 arrests since March 2022.";
    is("en", &format!("{before} Of those, the ministry admits that something like 1,234 were let go."), "1,234", "es_state_of_exception_detainees_released");
    is("en", &format!("{before} Some 1,234 of them were later set free."), "1,234", "es_state_of_exception_detainees_released");
    is_not("en", &format!("{before} Some 1,234 of them were later sent to trial."), "1,234", "es_state_of_exception_detainees_released");
}

#[test]
fn the_age_of_a_crackdown_is_its_duration() {
    is("en", "El Salvador is calm. The crackdown on the gangs is now more than two years old.", "two years", "es_state_of_exception_duration");
    is_not("en", "A man, 45 years old, arrested under the state of exception, died.", "45 years", "es_state_of_exception_duration");
}

#[test]
fn a_planned_term_is_no_duration_in_force() {
    is("en", "Salvadorans have lived under a state of exception for 26 months.", "26 months", "es_state_of_exception_duration");
    is_not("en", "Salvadorans live under a state of exception that was supposed to last one month.", "one month", "es_state_of_exception_duration");
    is_not("en", "The state of exception was meant to last 30 days.", "30 days", "es_state_of_exception_duration");
}

#[test]
fn a_pronoun_chain_keeps_the_subject_two_sentences_back() {
    let named = "Lawmakers approved a régimen de excepción in March.";
    is("en", &format!("{named} It was first set for a month. It has since been renewed often and has now been in force for over two years."), "two years", "es_state_of_exception_duration");
    // A sentence that names its own subject breaks the chain.
    is_not("en", &format!("{named} The curfew law was first set for a month. It has since been renewed often and has now been in force for over two years."), "two years", "es_state_of_exception_duration");
}

#[test]
fn the_time_since_the_event_before_is_its_duration() {
    let declared = "El Salvador has lived under a state of exception since March 2022, when lawmakers suspended guarantees.";
    is("en", &format!("{declared} In the nearly two years since, police have arrested more than 12,300 people."), "two years", "es_state_of_exception_duration");
    is_not("en", &format!("{declared} In the nearly two years since the curfew began, police have arrested more than 12,300 people."), "two years", "es_state_of_exception_duration");
}

#[test]
fn most_of_them_names_a_part_of_a_mixed_group() {
    is_not("en", "The United States flew 312 men to CECOT, most of them Venezuelans wanted by no court.", "312", "venezuelans_deported_to_cecot");
    is("en", "The United States flew 312 Venezuelan men to CECOT, most of them wanted by no court.", "312", "venezuelans_deported_to_cecot");
}

#[test]
fn facilities_a_prison_population_is_spread_across() {
    is("en", "El Salvador's prison population reached 104,000 in 2024, distributed across 27 facilities.", "27 facilities", "es_prison_facilities");
    is_not("en", "The health ministry's staff are distributed across 27 facilities.", "27 facilities", "es_prison_facilities");
}

#[test]
fn the_other_party_of_a_pact_is_no_place_of_the_figure() {
    is("en", "In August, 310 Venezuelans were sent home to Caracas in a prisoner swap with the United States.", "310", "venezuelans_released_from_cecot");
    is("en", "About 140 Venezuelans held in CECOT were returned home under a deal with the United States.", "140", "venezuelans_released_from_cecot");
    is_not("en", "About 140 Venezuelans held in the United States were returned home on a charter flight.", "140", "venezuelans_released_from_cecot");
}

#[test]
fn a_date_after_a_phrase_of_time_still_opens_the_scene() {
    let text = "Gangs killed dozens of people on 2 April 2021. The next day, 3 April, lawmakers declared a state of exception.";
    is("en", text, "3 April", "es_state_of_exception_start");
    let text = "Gangs killed dozens of people on 2 April 2021. In a speech, 3 April, lawmakers declared a state of exception.";
    is_not("en", text, "3 April", "es_state_of_exception_start");
}

#[test]
fn an_amount_per_qualified_head_is_per_unit() {
    is_not("en", "By contrast, the US spends about $51,000 per adult prisoner each year.", "$51,000", "us_payment_to_el_salvador");
    is("en", "Under the deal, the US agreed to pay El Salvador about $7 million to hold the men.", "$7 million", "us_payment_to_el_salvador");
}

#[test]
fn a_figure_asked_about_in_a_yes_no_question_is_not_stated() {
    is_not("en", "Does the mega-prison CECOT really hold 35,000 inmates? Not according to officials.", "35,000", "cecot_inmate_population");
    is("en", "Officials say the mega-prison CECOT holds 35,000 inmates.", "35,000", "cecot_inmate_population");
}

#[test]
fn a_rate_of_the_story_place_needs_no_place_in_its_sentence() {
    let story = "The government of El Salvador has promised calm streets for years. Critics disagree.";
    // A rate per 100,000 inhabitants whose own words name it is the story's country's.
    is("en", &format!("{story} Police counted 4.3 killings for every 100,000 inhabitants in 2021."), "4.3", "es_homicide_rate");
    // Not another country's, named beside it.
    is_not("en", &format!("{story} Guatemala counted 16.7 killings for every 100,000 inhabitants in 2021."), "16.7", "es_homicide_rate");
    // Nor a rate no word of which names what it counts.
    is_not("en", &format!("{story} The figure was 4.3 for every 100,000 inhabitants in 2021."), "4.3", "es_homicide_rate");
}

#[test]
fn a_rate_series_carried_on_by_a_verb_of_change() {
    let text = "El Salvador has changed. Its murder rate, which stood at 51 per 100,000 in 2017, fell to 12.3 in 2020 and 5.6 in 2021.";
    is("en", text, "12.3", "es_homicide_rate");
    is("en", text, "5.6", "es_homicide_rate");
    // A count after a rate is no level of that rate.
    let text = "El Salvador has changed. Its murder rate stood at 51 per 100,000 in 2017, and police arrested 1,234 people in 2020.";
    is_not("en", text, "1,234", "es_homicide_rate");
}

#[test]
fn a_renewal_is_no_age_of_what_it_renews() {
    let text = "El Salvador's state of exception, in force for 31 months, was extended for another 30 days on Tuesday.";
    is("en", text, "31 months", "es_state_of_exception_duration");
    is_not("en", text, "30 days", "es_state_of_exception_duration");
    is("en", "Lawmakers approved another 30-day extension of El Salvador's state of exception.", "30-day", "es_state_of_exception_extension_length");
}

#[test]
fn a_start_verb_with_its_object_before_the_date() {
    let story = "El Salvador has lived under emergency rule for years.";
    // The verb's object (the state, or "the measure" standing for it) sits between it and the date.
    is("en", &format!("{story} Lawmakers approved the measure in late March 2020 and renewed it since."), "March 2020", "es_state_of_exception_start");
    is("en", &format!("{story} Congress declared a state of emergency on 12 May 2020."), "12 May 2020", "es_state_of_exception_start");
    // Another object of the verb is not the state's start.
    is_not("en", &format!("{story} Lawmakers approved the budget in late March 2020."), "March 2020", "es_state_of_exception_start");
}

#[test]
fn a_sum_received_under_the_deal_is_the_payment_not_a_yearly_budget() {
    let story = "The United States sent 123 Venezuelans to CECOT. In return, Washington agreed to pay for a year of their detention.";
    is("en", &format!("{story} Under the arrangement, El Salvador will receive $4 million."), "$4 million", "us_payment_to_el_salvador");
    is_not("en", &format!("{story} The deal was worth roughly $4m, according to officials."), "$4m", "us_el_salvador_deal_annual_budget");
    is("en", "The agreement budgets up to $9 million a year for custody.", "$9 million", "us_el_salvador_deal_annual_budget");
}

#[test]
fn the_group_of_the_sentence_before_outranks_one_named_elsewhere_in_the_article() {
    let venezuelans_first = "Washington flew 312 Venezuelan men to the CECOT mega-prison at the weekend, officials said. The men arrived on four flights that landed at the international airport before dawn. In a separate operation last month, 45 Salvadorans were deported from Texas.";
    is("en", venezuelans_first, "four flights", "deportation_flights_to_cecot");
    let salvadorans_first = "Washington deported 56 Salvadorans at the weekend, officials said. The men arrived on two flights that landed at the international airport before dawn. Months earlier, 312 Venezuelan men had been sent to the CECOT mega-prison.";
    is_not("en", salvadorans_first, "two flights", "deportation_flights_to_cecot");
}

#[test]
fn a_condition_contrary_to_fact_imagines_its_figures() {
    is("en", "Guards say each cell of the mega-prison holds 90 men.", "90 men", "cecot_cell_occupancy");
    is_not("en", "If each cell of the mega-prison were filled with 90 men, the prison would hold about 23,000.", "90 men", "cecot_cell_occupancy");
    is_not("en", "If each cell of the mega-prison were filled with 90 men, the prison would hold about 23,000.", "23,000", "cecot_cell_occupancy");
    is("en", "If the official count is right, CECOT holds 12,345 inmates.", "12,345", "cecot_inmate_population");
}

#[test]
fn salvadorans_sent_by_the_us_beside_another_group_are_deported() {
    let text = "Last month the administration sent 64 Guatemalans and 31 Salvadorans on a chartered plane.";
    is("en", text, "31 Salvadorans", "salvadorans_deported_from_us");
    is_not("en", text, "64 Guatemalans", "salvadorans_deported_from_us");
    is_not("en", "Police in San Salvador sent 31 Salvadoran teenagers to a juvenile court.", "31 Salvadoran", "salvadorans_deported_from_us");
}

#[test]
fn an_earlier_level_dated_at_the_end_of_a_year_continues_the_level_before() {
    let text = "The country's prisons held 91,000 inmates at the end of 2023, up from 39,000 at the end of 2019.";
    is("en", text, "91,000", "es_prison_population");
    is("en", text, "39,000", "es_prison_population");
    is_not("en", "The country's prisons held 91,000 inmates at the end of 2023, at least 3,000 guards at the end of their shifts.", "3,000", "es_prison_population");
}

#[test]
fn places_in_prisons_are_their_capacity() {
    let text = "The country's prisons hold 104,000 people. Official capacity has grown only slowly, to about 81,000 places. The mega-prison alone offers 40,000 places.";
    is("en", text, "81,000", "es_prison_capacity");
    is_not("en", text, "40,000", "es_prison_capacity");
    is_not("en", "The country's prisons hold 104,000 people. Guards patrol 300 places along the wall of the prison system.", "300", "es_prison_capacity");
}

#[test]
fn a_sum_paid_each_year_of_a_deal_is_its_payment_not_an_average() {
    let text = "In March the administration sent 201 Venezuelan men to CECOT. Under the agreement, the US pays El Salvador about $7 million a year for their detention. The agreement budgets as much as $9 million a year for custody.";
    is("en", text, "$7 million", "us_payment_to_el_salvador");
    is_not("en", text, "$9 million", "us_payment_to_el_salvador");
    is_not("en", "Under the agreement, the US pays El Salvador about $20,000 a month for their detention.", "$20,000", "us_payment_to_el_salvador");
}

#[test]
fn deportees_without_a_nationality_may_be_a_mixed_group() {
    is("en", "The US sent 201 Venezuelan deportees to the mega-prison on Sunday.", "201", "venezuelans_deported_to_cecot");
    is_not("en", "US sends 213 deportees to El Salvador's mega-prison.", "213", "venezuelans_deported_to_cecot");
}

#[test]
fn cases_of_people_without_gang_ties_count_those_people() {
    is("en", "Rights groups say 91,000 people were detained under the state of exception; one group has documented at least 4,300 cases of people with no gang link.", "4,300", "es_detainees_without_gang_link");
    is_not("en", "Rights groups say 91,000 people were detained under the state of exception; one group has documented at least 4,300 cases of torture.", "4,300", "es_detainees_without_gang_link");
}

#[test]
fn a_figures_own_framed_words_outrank_cue_words_of_an_entry_without_a_frame() {
    // "room for" names a capacity in the figure's own words; "pavilions" is only a cue of a
    // frameless entry, read in its sentence.
    is("en", "In the pavilions now, the mega-prison has room for 40,000 inmates.", "40,000", "cecot_capacity");
    // The frameless entry's own words ("sleep") keep it.
    is("en", "The pavilions now sleep 800 inmates each.", "800", "es_pavilion_occupancy");
    // A count of those who died or fell ill is no count of deaths.
    is_not("es", "Según la red, 250 detenidos han muerto o enfermado en prisión desde 2022.", "250", "es_prison_deaths_since_2022");
    is("es", "Según la red, 250 detenidos han muerto en prisión desde 2022.", "250", "es_prison_deaths_since_2022");
}

#[test]
fn a_plan_with_a_plural_subject_is_a_projection() {
    is("en", "El Salvador's prison population stands at about 101,000.", "101,000", "es_prison_population");
    is_not("en", "Officials aim to bring the prison population down to 47,000 by 2031.", "47,000", "es_prison_population");
    is("en", "CECOT holds about 13,000 inmates.", "13,000", "cecot_inmate_population");
    is_not("en", "The authorities plan to enlarge CECOT to hold 52,000 inmates.", "52,000", "cecot_inmate_population");
    is_not("en", "The authorities plan to enlarge CECOT to hold 52,000 inmates.", "52,000", "cecot_capacity");
}

#[test]
fn a_count_closed_by_more_adds_to_one_before() {
    is("en", "The US deported 211 Venezuelans to CECOT in March.", "211", "venezuelans_deported_to_cecot");
    is_not("en", "The US deported 211 Venezuelans to CECOT in March. On Sunday it sent 14 more.", "14", "venezuelans_deported_to_cecot");
    is_not("en", "CECOT was built for 36,000 inmates. An annex would hold 12,000 more, officials said.", "12,000", "cecot_capacity");
}

#[test]
fn an_area_a_length_or_a_count_of_bodies_counts_no_one() {
    is("en", "CECOT, the mega-prison, has eight pavilions.", "eight", "cecot_pavilions");
    is_not("en", "CECOT, the mega-prison, has eight pavilions and 17 watchtowers.", "17", "cecot_pavilions");
    is("en", "El Salvador's prisons held about 97,000 people last year.", "97,000", "es_prison_population");
    is_not("en", "El Salvador's prisons are full; in one town a grave held 31 bodies.", "31", "es_prison_population");
}

#[test]
fn a_multiple_is_no_rate_per_head() {
    is("en", "El Salvador's incarceration rate is 1,420 prisoners per 100,000 residents.", "1,420", "es_incarceration_rate");
    is_not("en", "In 2018 about 31,000 people were in prison. Today the number is almost four times that.", "four times", "es_incarceration_rate");
}

#[test]
fn detainees_sent_home_are_released_and_men_who_left_cecot_returned() {
    is("en", "Under the state of exception, the government admitted that 6,100 detainees had done nothing and sent them home.", "6,100", "es_state_of_exception_detainees_released");
    is_not("en", "Under the state of exception, police arrested 6,100 people and sent them to prison.", "6,100", "es_state_of_exception_detainees_released");
    is("en", "In July, 247 Venezuelans left CECOT on two planes.", "247", "venezuelans_released_from_cecot");
    is_not("en", "In July, 247 Venezuelans left CECOT on two planes.", "two planes", "deportation_flights_to_cecot");
    is("en", "In March, 247 Venezuelans were sent to CECOT on two planes.", "247", "venezuelans_deported_to_cecot");
}

#[test]
fn a_design_figure_a_plan_would_change_is_no_design() {
    is("en", "CECOT was built to hold 36,000 inmates.", "36,000", "cecot_capacity");
    is_not("en", "Officials said CECOT's capacity would be expanded to 71,000.", "71,000", "cecot_capacity");
}

#[test]
fn aid_or_damages_in_dollars_are_no_payment_for_holding() {
    is("en", "The US will pay El Salvador $4.2 million to hold the deportees.", "4.2", "us_payment_to_el_salvador");
    is_not("en", "The US cut $9 million in aid to El Salvador's police in 2021.", "9 million", "us_payment_to_el_salvador");
}

#[test]
fn a_yearly_tally_of_deportation_flights_is_no_count_of_the_flights_to_cecot() {
    is("en", "The 212 Venezuelans were flown to CECOT on three deportation flights.", "three", "deportation_flights_to_cecot");
    is_not("en", "ICE operated 1,200 deportation flights last year, some of them to El Salvador.", "1,200", "deportation_flights_to_cecot");
}

#[test]
fn a_length_whose_aside_gives_its_start_reads_the_main_clause_after_the_aside() {
    is("en", "For 41 months, since March 27, 2022, Salvadorans have lived under a state of exception.", "41 months", "es_state_of_exception_duration");
    is("en", "For 41 months - since March 27, 2022 - Salvadorans have lived under a state of exception.", "41 months", "es_state_of_exception_duration");
    // The main clause is about one prisoner's detention, not the regime's age.
    is_not("en", "For 41 months, since March 2022, the prisoner was held without trial under the state of exception.", "41 months", "es_state_of_exception_duration");
}

#[test]
fn no_criminal_record_beyond_the_figures_clause_tells_of_a_part() {
    // The men counted are the whole group; the clause after says what most of them lacked.
    is_not("en", "Of the Venezuelans deported, 1,234 men went to CECOT; most had no criminal record.", "1,234", "deportees_no_criminal_record");
    // In the figure's own clause, the lack is what it counts.
    is("en", "Of the Venezuelans deported, 567 had no criminal record, lawyers say.", "567", "deportees_no_criminal_record");
    is("es", "De los venezolanos deportados, 567 no tenían antecedentes, según sus abogados.", "567", "deportees_no_criminal_record");
}

#[test]
fn the_system_stands_for_the_prison_system_though_another_prison_is_named() {
    // "The system" fits no single prison: naming Mariona leaves it the prison system.
    let text = "El Salvador's prisons are crowded. A transfer came from the Mariona jail. The system now holds some 123,456 people.";
    is("en", text, "123,456", "es_prison_population");
    // "The prison" may be Mariona as well as CECOT: not CECOT's.
    let text = "CECOT opened in 2023. A transfer came from the Mariona jail. The prison now holds some 12,345 people.";
    is_not("en", text, "12,345", "cecot_inmate_population");
}


#[test]
fn men_who_arrived_at_cecot_were_deported_there_but_not_men_who_arrived_elsewhere() {
    is("en", "Some 1,234 Venezuelans arrived at CECOT in El Salvador on Sunday.", "1,234", "venezuelans_deported_to_cecot");
    is_not("en", "Some 1,234 Venezuelans arrived in Colombia last year.", "1,234", "venezuelans_deported_to_cecot");
}

#[test]
fn an_addend_after_plus_is_no_level() {
    is("en", "The group numbered 270: the 250 sent in May plus 20 Venezuelans who arrived at CECOT later.", "250", "venezuelans_deported_to_cecot");
    is_not("en", "The group numbered 270: the 250 sent in May plus 20 Venezuelans who arrived at CECOT later.", "20 Venezuelans", "venezuelans_deported_to_cecot");
}

#[test]
fn what_a_prison_can_accommodate_or_take_is_its_capacity_not_its_population() {
    is("en", "The mega-prison can accommodate 1,234 inmates.", "1,234", "cecot_capacity");
    is_not("en", "The mega-prison can accommodate 1,234 inmates.", "1,234", "cecot_inmate_population");
    is("en", "CECOT can take 1,234 prisoners.", "1,234", "cecot_capacity");
    is("en", "CECOT is big enough for 1,234 inmates.", "1,234", "cecot_capacity");
    is_not("en", "Mariona can accommodate 1,234 inmates.", "1,234", "cecot_capacity");
}

#[test]
fn a_prison_home_to_its_inmates_holds_them() {
    is("en", "The mega-prison is home to 1,234 inmates.", "1,234", "cecot_inmate_population");
    is_not("en", "Mariona is home to 1,234 inmates.", "1,234", "cecot_inmate_population");
}

#[test]
fn an_answer_counts_what_the_question_before_it_asks() {
    let answer = "The US deported Venezuelans to CECOT in March.\n\nHOST: How many Venezuelans were sent to CECOT?\n\nGUEST: Two hundred and thirty, all of them men.";
    is("en", answer, "Two hundred and thirty", "venezuelans_deported_to_cecot");
    let held = "HOST: How many inmates does CECOT hold today?\n\nGUEST: About 1,234, by the government's count.";
    is("en", held, "1,234", "cecot_inmate_population");
    let elsewhere = "HOST: How many Venezuelans were sent to Mexico?\n\nGUEST: About 1,234, by the government's count.";
    is_not("en", elsewhere, "1,234", "venezuelans_deported_to_cecot");
    let no_question = "The US deported Venezuelans to CECOT in March.\n\nHOST: Tell us about the prison.\n\nGUEST: About 1,234, all of them men.";
    is_not("en", no_question, "1,234", "venezuelans_deported_to_cecot");
}

#[test]
fn that_for_the_rate_before_a_verb_of_a_level_is_a_new_level_of_it() {
    let text = "Crime in El Salvador has changed. In 2019 the country had a homicide rate of 38 per 100,000 people. By 2024 that had fallen to 1.9.";
    is("en", text, "1.9", "es_homicide_rate");
    let times = "Crime in El Salvador has changed. In 2019 the country had a homicide rate of 38 per 100,000 people. This is 1.9 times the regional average.";
    is_not("en", times, "1.9", "es_homicide_rate");
}

#[test]
fn planes_that_carried_the_men_sent_to_cecot_are_its_flights() {
    let text = "El Salvador opened CECOT in 2023. The US sent 238 Venezuelans to CECOT. Three chartered planes carried them.";
    is("en", text, "Three", "deportation_flights_to_cecot");
    let weekly = "El Salvador opened CECOT in 2023. Last year, three planes a week carried Venezuelan deportees to Caracas.";
    is_not("en", weekly, "three", "deportation_flights_to_cecot");
}

#[test]
fn men_planes_carried_to_cecot_were_deported_there_but_not_men_carried_elsewhere() {
    is("en", "El Salvador opened CECOT in 2023. Two planes carried 1,234 Venezuelans to CECOT in March.", "1,234", "venezuelans_deported_to_cecot");
    is_not("en", "El Salvador opened CECOT in 2023. Planes carried 1,234 Venezuelans to Colombia last year.", "1,234", "venezuelans_deported_to_cecot");
}
